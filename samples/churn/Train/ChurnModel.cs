using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace GitRegistry.Samples.Churn;

/// <summary>
/// The churn pipeline (one-hot categoricals, a FastTree binary classifier with calibrated probabilities) and its
/// evaluation. The saved ML.NET zip holds the whole pipeline, so a server feeds it raw <see cref="ChurnRecord"/> columns.
/// </summary>
public static partial class ChurnModel
{
    public const string Label = "churned";

    /// <summary>The k of precision@k: the customers a retention team can call.</summary>
    public const int PrecisionAtK = 100;

    /// <summary>The trainer's options as this sample sets them; everything else keeps ML.NET's default.</summary>
    public static FastTreeBinaryTrainer.Options TrainerOptions(int trees, int leaves, double learningRate, int minLeafRows, int seed) => new()
    {
        LabelColumnName = Label,
        FeatureColumnName = "Features",
        NumberOfTrees = trees,
        NumberOfLeaves = leaves,
        LearningRate = learningRate,
        MinimumExampleCountPerLeaf = minLeafRows,
        Seed = seed,
        NumberOfThreads = 1,   // one thread: the same data and options give the same trees (the zip still differs: entry times)
    };

    public static ITransformer Train(MLContext ml, IReadOnlyList<ChurnRecord> rows, FastTreeBinaryTrainer.Options options)
    {
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(
                [new("contract_onehot", "contract"), new("payment_method_onehot", "payment_method"), new("internet_service_onehot", "internet_service")])
            .Append(ml.Transforms.Conversion.ConvertType("senior_citizen_f", "senior_citizen", DataKind.Single))
            .Append(ml.Transforms.Concatenate("Features",
                "tenure_months", "monthly_charges", "total_charges", "support_calls", "senior_citizen_f",
                "contract_onehot", "payment_method_onehot", "internet_service_onehot"))
            .Append(ml.BinaryClassification.Trainers.FastTree(options));
        return pipeline.Fit(ml.Data.LoadFromEnumerable(rows));
    }

    /// <summary>AUC, log-loss, precision@k and the positive rate of one split.</summary>
    public static IDictionary<string, double> Evaluate(MLContext ml, ITransformer model, IReadOnlyList<ChurnRecord> rows)
    {
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        var metrics = ml.BinaryClassification.Evaluate(scored, Label);
        var probabilities = scored.GetColumn<float>("Probability").ToArray();
        var top = probabilities.Select((p, i) => (p, rows[i].Churned)).OrderByDescending(x => x.p).Take(PrecisionAtK).ToArray();
        return new Dictionary<string, double>
        {
            ["auc_roc"] = Round(metrics.AreaUnderRocCurve),
            ["log_loss"] = Round(metrics.LogLoss),
            [$"precision@{PrecisionAtK}"] = Round(top.Count(x => x.Churned) / (double)top.Length),
            ["accuracy"] = Round(metrics.Accuracy),
            ["f1"] = Round(metrics.F1Score),
            ["positive_rate"] = Round(rows.Count(r => r.Churned) / (double)rows.Count),
            ["rows"] = rows.Count,
        };
    }

    /// <summary>
    /// Every scalar setting of the trainer, not only the ones this sample sets: a later reader must not have to
    /// know ML.NET 5.0.1's defaults to reproduce the run. Keys are snake_case; an unset optional is "default".
    /// </summary>
    public static IDictionary<string, object> AllParams(FastTreeBinaryTrainer.Options options)
    {
        var result = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in options.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType;
            if (!(type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)))
            {
                continue;   // sub-components (calibrator, early stopping rule) are recorded by name below
            }
            result["trainer." + Snake(field.Name)] = field.GetValue(options) switch
            {
                null => "default",
                bool b => b,
                Enum e => e.ToString(),
                string s => s,
                int or long or short or byte or uint or ushort or sbyte => Convert.ToInt64(field.GetValue(options), System.Globalization.CultureInfo.InvariantCulture),
                var number => Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        result["trainer.early_stopping_rule"] = options.EarlyStoppingRule?.GetType().Name ?? "none";
        result["trainer.name"] = "FastTreeBinaryTrainer";
        return result;
    }

    private static double Round(double value) => Math.Round(value, 6);

    private static string Snake(string name) => CapitalRun().Replace(name, "_$1").TrimStart('_').ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex CapitalRun();
}
