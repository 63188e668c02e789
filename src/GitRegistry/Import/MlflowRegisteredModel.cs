namespace GitRegistry.Import;

/// <summary>A registered model in MLflow's file store: <c>models/NAME/</c>.</summary>
/// <param name="Folder">Its folder.</param>
/// <param name="Meta">Its meta.yaml (name, creation_timestamp, last_updated_timestamp, description, and a stale aliases copy).</param>
/// <param name="Tags">Its tags, from <c>tags/</c>.</param>
/// <param name="Aliases">Its aliases, from <c>aliases/</c> (the truth; meta.yaml's copy is not), to the version text each file holds.</param>
/// <param name="Versions">Its versions, from <c>version-N/</c>.</param>
internal sealed record MlflowRegisteredModel(string Folder, MlflowMeta Meta, SortedDictionary<string, string> Tags, SortedDictionary<string, string> Aliases, IReadOnlyList<MlflowModelVersion> Versions);
