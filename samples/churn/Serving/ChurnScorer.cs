using GitRegistry.Runtime;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Serving;

/// <summary>
/// The pinned model loaded once through ML.NET. A PredictionEngine is not thread-safe, so calls take turns; a
/// busier service would pool engines (Microsoft.Extensions.ML's PredictionEnginePool).
/// </summary>
public sealed class ChurnScorer
{
    private readonly PredictionEngine<ChurnFeatures, Output> _engine;
    private readonly Lock _gate = new();

    public ChurnScorer(RegisteredModel model)
    {
        Model = model;
        var ml = new MLContext();
        using var stream = model.OpenRead();
        _engine = ml.Model.CreatePredictionEngine<ChurnFeatures, Output>(ml.Model.Load(stream, out _));
    }

    /// <summary>The model version served: its artifact was checked against models.lock.json when it was loaded.</summary>
    public RegisteredModel Model { get; }

    public ChurnScore Score(ChurnFeatures features)
    {
        lock (_gate)
        {
            return new ChurnScore(_engine.Predict(features).Probability, Model.Name, Model.Version);
        }
    }

    private sealed class Output
    {
        [ColumnName("Probability")]
        public float Probability { get; set; }
    }
}
