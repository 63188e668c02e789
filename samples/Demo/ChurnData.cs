using System.Globalization;

namespace GitRegistry.Demo;

/// <summary>A small synthetic churn data set (fixed seed): tenure, monthly charges, support calls, contract type.</summary>
internal sealed record ChurnData(double[][] Features, int[] Labels)
{
    public static readonly string[] Columns = ["tenure_months", "monthly_charges", "support_calls", "month_to_month"];

    public static ChurnData Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var features = new double[rows][];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var tenure = random.Next(1, 72);
            var charges = 20 + random.NextDouble() * 100;
            var calls = random.Next(0, 8);
            var monthToMonth = random.NextDouble() < 0.5 ? 1.0 : 0.0;
            var risk = -1.5 - 0.04 * tenure + 0.015 * charges + 0.35 * calls + 1.1 * monthToMonth + (random.NextDouble() - 0.5);
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-risk)) ? 1 : 0;
            features[i] = [tenure / 72.0, charges / 120.0, calls / 8.0, monthToMonth];
        }
        return new ChurnData(features, labels);
    }

    public ChurnData Slice(int from, int count) => new(Features[from..(from + count)], Labels[from..(from + count)]);

    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(string.Join(",", Columns) + ",churned");
        for (var i = 0; i < Labels.Length; i++)
        {
            writer.WriteLine(string.Join(",", Features[i].Select(f => f.ToString("R", CultureInfo.InvariantCulture))) + "," + Labels[i]);
        }
    }
}
