using GitRegistry.Search;

namespace GitRegistry.Tests.Search;

public sealed class SearchFilterTests
{
    [Theory]
    [InlineData("name = 'churn'")]
    [InlineData("name='churn'")]
    [InlineData("name = \"churn\"")]
    [InlineData("name LIKE 'churn%'")]
    [InlineData("name ILIKE '%CHURN%'")]
    [InlineData("name != 'churn'")]
    [InlineData("version_number = 3")]
    [InlineData("version_number >= 3 AND version_number < 10")]
    [InlineData("run_id IN ('a1b2', 'c3d4')")]
    [InlineData("run_id = 'a1b2'")]
    [InlineData("source_path = 'cas://sha256/ab'")]
    [InlineData("tags.team = 'growth'")]
    [InlineData("tags.`my key` = 'x'")]
    [InlineData("attributes.name = 'churn'")]
    [InlineData("params.max_depth > 6")]
    [InlineData("params.objective = 'binary'")]
    [InlineData("metrics.test.auc_roc >= 0.9")]
    [InlineData("metrics.test.auc_roc>=.9 and stage='Production'")]
    [InlineData("stage = 'Production'")]
    [InlineData("alias = 'champion'")]
    [InlineData("data.sha256 = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'")]
    [InlineData("created_at > '2024-03-01'")]
    [InlineData("creation_timestamp > 1700000000000")]
    [InlineData("metrics.test.log_loss < 1e-1")]
    [InlineData("")]
    public void MLflow_forms_and_the_extended_ones_parse(string filter) => SearchFilter.Parse(filter);

    [Fact]
    public void A_condition_keeps_its_field_comparator_and_values()
    {
        var filter = SearchFilter.Parse("metrics.test.auc_roc >= 0.9 AND run_id NOT IN ('a', \"b\") AND tags.`owner email` LIKE '%@example.com'");

        Assert.Equal(3, filter.Conditions.Count);
        Assert.Equal(new SearchField(SearchFieldKind.Metric, "test.auc_roc"), filter.Conditions[0].Field);
        Assert.Equal(Comparator.GreaterOrEqual, filter.Conditions[0].Comparator);
        Assert.Equal([0.9], filter.Conditions[0].Values);
        Assert.Equal(Comparator.NotIn, filter.Conditions[1].Comparator);
        Assert.Equal(["a", "b"], filter.Conditions[1].Values);
        Assert.Equal(new SearchField(SearchFieldKind.Tag, "owner email"), filter.Conditions[2].Field);
        Assert.Equal(33, filter.Conditions[1].Column);
    }

    [Theory]
    [InlineData("foo = 1", 1, "'foo' is not a field")]
    [InlineData("name = churn", 8, "expected a value")]
    [InlineData("name 'churn'", 6, "expected a comparison")]
    [InlineData("name = 'churn' AND version_number >", 36, "ends where a value should follow")]
    [InlineData("name = 'a' OR name = 'b'", 12, "OR is not supported")]
    [InlineData("metrics.test.auc >= 'high'", 21, "is a number")]
    [InlineData("tags.team > 'a'", 11, "is text")]
    [InlineData("name = 'churn", 8, "no closing '")]
    [InlineData("run_id IN 'a'", 11, "expected '('")]
    [InlineData("run_id IN ('a' 'b')", 16, "expected ',' or ')'")]
    [InlineData("name = 'a' version_number = 1", 12, "expected AND")]
    [InlineData("created_at > 'yesterday'", 14, "is not a date")]
    [InlineData("version_number LIKE '1%'", 16, "LIKE and ILIKE compare text")]
    [InlineData("name = 'a' AND", 15, "field name")]
    [InlineData("name ! 'a'", 6, "'!' must be followed by '='")]
    public void Errors_point_at_the_column_where_parsing_failed(string filter, int column, string problem)
    {
        var error = Assert.Throws<FilterSyntaxException>(() => SearchFilter.Parse(filter));

        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Problem);
        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.EndsWith(new string(' ', column - 1) + "^", error.Message);
    }

    [Fact]
    public void Order_by_clauses_parse_and_say_where_they_fail()
    {
        Assert.Equal(new SearchOrder(new SearchField(SearchFieldKind.Metric, "test.auc_roc"), true), SearchOrder.Parse("metrics.test.auc_roc DESC"));
        Assert.False(SearchOrder.Parse("name").Descending);
        Assert.Equal(6, Assert.Throws<FilterSyntaxException>(() => SearchOrder.Parse("name DOWN")).Column);
        Assert.Contains("not kept", Assert.Throws<FilterSyntaxException>(() => SearchOrder.Parse("last_updated_timestamp DESC")).Problem);
    }
}
