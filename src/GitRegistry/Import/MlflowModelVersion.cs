namespace GitRegistry.Import;

/// <summary>A model version in MLflow's file store: <c>models/NAME/version-N/</c>.</summary>
/// <param name="Folder">Its folder.</param>
/// <param name="Meta">Its meta.yaml (name, version, creation_timestamp, last_updated_timestamp, current_stage, source, run_id, status...).</param>
/// <param name="Tags">Its tags, from <c>tags/</c>.</param>
internal sealed record MlflowModelVersion(string Folder, MlflowMeta Meta, SortedDictionary<string, string> Tags);
