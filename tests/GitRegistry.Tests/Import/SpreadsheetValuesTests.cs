using GitRegistry.Import;

namespace GitRegistry.Tests.Import;

public sealed class SpreadsheetValuesTests
{
    [Theory]
    [InlineData("0.91", 0.91)]
    [InlineData("0,91", 0.91)]
    [InlineData(" 0,913 ", 0.913)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1e-5", 0.00001)]
    [InlineData("1,5E-3", 0.0015)]
    [InlineData("91%", 0.91)]
    [InlineData("-0,5", -0.5)]
    public void Numbers_are_read_with_either_decimal_separator(string text, double expected)
    {
        Assert.True(SpreadsheetValues.TryNumber(text, out var value));
        Assert.Equal(expected, value, 12);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,2,3.4.5")]
    [InlineData("0x10")]
    public void Text_that_is_not_a_number_is_refused(string text) => Assert.False(SpreadsheetValues.TryNumber(text, out _));

    [Theory]
    [InlineData("2024-03-01", "2024-03-01T00:00:00Z")]
    [InlineData("2024-03-01T12:30:00+02:00", "2024-03-01T10:30:00Z")]
    [InlineData("2024-03-01 12:30", "2024-03-01T12:30:00Z")]
    [InlineData("15.03.2024", "2024-03-15T00:00:00Z")]
    [InlineData("5.3.2024 08:15", "2024-03-05T08:15:00Z")]
    [InlineData("20/03/2024", "2024-03-20T00:00:00Z")]
    [InlineData("03/20/2024", "2024-03-20T00:00:00Z")]
    [InlineData("15 Mar 2024", "2024-03-15T00:00:00Z")]
    [InlineData("March 15, 2024", "2024-03-15T00:00:00Z")]
    [InlineData("45366", "2024-03-15T00:00:00Z")]
    public void Dates_are_read_in_the_forms_spreadsheets_write(string text, string expected)
    {
        var date = SpreadsheetValues.TryDate(text, [], null, out var error);
        Assert.Null(error);
        Assert.Equal(expected, ImportedValues.Timestamp(date!.Value));
    }

    [Fact]
    public void Day_and_month_that_could_be_either_way_need_the_column_or_an_order()
    {
        Assert.Null(SpreadsheetValues.TryDate("03/04/2024", [], null, out var error));
        Assert.Contains("--date-order", error);
        Assert.Equal(DateOrder.DayFirst, SpreadsheetValues.DetectOrder(["03/04/2024", "25/04/2024"]));
        Assert.Equal(DateOrder.MonthFirst, SpreadsheetValues.DetectOrder(["03/04/2024", "04/25/2024"]));
        Assert.Null(SpreadsheetValues.DetectOrder(["03/04/2024", "04/25/2024", "25/04/2024"]));
        Assert.Equal("2024-04-03T00:00:00Z", ImportedValues.Timestamp(SpreadsheetValues.TryDate("03/04/2024", [], DateOrder.DayFirst, out _)!.Value));
        Assert.Equal("2024-03-04T00:00:00Z", ImportedValues.Timestamp(SpreadsheetValues.TryDate("03/04/2024", [], DateOrder.MonthFirst, out _)!.Value));
    }

    [Theory]
    [InlineData("val_auc", "validation", "auc")]
    [InlineData("validation_loss", "validation", "loss")]
    [InlineData("test/log_loss", "test", "log_loss")]
    [InlineData("train.acc", "train", "acc")]
    [InlineData("eval_f1", "validation", "f1")]
    [InlineData("loss_val", "validation", "loss")]
    [InlineData("auc_test", "test", "auc")]
    [InlineData("accuracy", "default", "accuracy")]
    [InlineData("testing_score", "default", "testing_score")]
    [InlineData("val_", "default", "val_")]
    public void Metric_keys_split_by_prefix_or_suffix(string key, string split, string metric) =>
        Assert.Equal((split, metric), MetricSplits.Map(key, "default"));

    [Theory]
    [InlineData("0.1", 0.1)]
    [InlineData("200", 200L)]
    [InlineData("true", true)]
    [InlineData("True", "True")]
    [InlineData("1e-05", "1e-05")]
    [InlineData("0.10", "0.10")]
    [InlineData("007", "007")]
    [InlineData("[64, 32]", "[64, 32]")]
    public void Params_are_typed_only_when_nothing_changes(string text, object expected) => Assert.Equal(expected, ImportedValues.Param(text));
}
