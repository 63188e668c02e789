using Microsoft.ML.Data;

namespace GitRegistry.Samples.Churn;

/// <summary>What the trained pipeline adds to a row: the calibrated churn probability.</summary>
public sealed class ChurnPrediction
{
    [ColumnName("PredictedLabel")]
    public bool PredictedLabel { get; set; }

    [ColumnName("Probability")]
    public float Probability { get; set; }

    [ColumnName("Score")]
    public float Score { get; set; }
}
