using System.Globalization;
using System.Text.Json;

namespace GitRegistry.Demo;

/// <summary>A logistic regression trained by gradient descent: small enough to train in the demo in milliseconds.</summary>
internal sealed class LogisticModel(double[] weights, double bias)
{
    public static LogisticModel Train(ChurnData data, double learningRate, int epochs, double l2)
    {
        var weights = new double[data.Features[0].Length];
        var bias = 0.0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var gradient = new double[weights.Length];
            var gradientBias = 0.0;
            for (var i = 0; i < data.Labels.Length; i++)
            {
                var error = Score(weights, bias, data.Features[i]) - data.Labels[i];
                for (var j = 0; j < weights.Length; j++)
                {
                    gradient[j] += error * data.Features[i][j];
                }
                gradientBias += error;
            }
            for (var j = 0; j < weights.Length; j++)
            {
                weights[j] -= learningRate * (gradient[j] / data.Labels.Length + l2 * weights[j]);
            }
            bias -= learningRate * gradientBias / data.Labels.Length;
        }
        return new LogisticModel(weights, bias);
    }

    public double Predict(double[] features) => Score(weights, bias, features);

    private static double Score(double[] w, double b, double[] x)
    {
        var z = b;
        for (var j = 0; j < w.Length; j++)
        {
            z += w[j] * x[j];
        }
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Area under the ROC curve: the chance a random churner scores above a random stayer.</summary>
    public double Auc(ChurnData data)
    {
        var scored = data.Labels.Select((label, i) => (Score: Predict(data.Features[i]), Label: label)).OrderBy(s => s.Score).ToList();
        double rankSum = 0;
        for (var i = 0; i < scored.Count; i++)
        {
            if (scored[i].Label == 1)
            {
                rankSum += i + 1;
            }
        }
        double positives = scored.Count(s => s.Label == 1), negatives = scored.Count - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    public double LogLoss(ChurnData data) => -data.Labels.Select((label, i) =>
    {
        var p = Math.Clamp(Predict(data.Features[i]), 1e-12, 1 - 1e-12);
        return label == 1 ? Math.Log(p) : Math.Log(1 - p);
    }).Average();

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(new { kind = "logistic_regression", columns = ChurnData.Columns, weights, bias }));

    public static string Metric(double value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);
}
