using System.Globalization;

namespace GitRegistry.Import;

/// <summary>A metric's latest logged value.</summary>
/// <param name="Text">The value as MLflow wrote it.</param>
/// <param name="Value">The value (NaN or infinite when MLflow logged such a value).</param>
/// <param name="Timestamp">When it was logged, epoch milliseconds.</param>
/// <param name="Step">The step it was logged at.</param>
/// <param name="Error">Why the metric file could not be read, or null.</param>
internal sealed record MlflowMetric(string Text, double Value, long Timestamp, long Step, string? Error)
{
    /// <summary>Parses a value as Python's float() writes it: <c>0.91</c>, <c>1e-05</c>, <c>nan</c>, <c>inf</c>, <c>-inf</c>.</summary>
    public static bool TryParseValue(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf" or "infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
