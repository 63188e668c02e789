namespace GitRegistry.Import;

/// <summary>A run in MLflow's file store: <c>EXPERIMENT/RUN_ID/</c>.</summary>
/// <param name="Folder">Its folder (artifacts are under <c>artifacts/</c>).</param>
/// <param name="Meta">Its meta.yaml (run_id, experiment_id, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage...).</param>
/// <param name="Params">Its params, each file's content.</param>
/// <param name="Metrics">Its metrics, each at its latest value.</param>
/// <param name="Tags">Its tags (mlflow.source.git.commit, mlflow.user, ...).</param>
internal sealed record MlflowRun(string Folder, MlflowMeta Meta, SortedDictionary<string, string> Params, SortedDictionary<string, MlflowMetric> Metrics, SortedDictionary<string, string> Tags);
