using GitRegistry.Documents;
using GitRegistry.Locking;
using GitRegistry.Reading;
using GitRegistry.Registration;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Json;

/// <summary>The JSON shapes of --json output. Manifests appear exactly as in their YAML files (snake_case).</summary>
internal static class Views
{
    public static JObject Version(ModelVersionInfo info)
    {
        var manifest = (JObject)DocumentSerializer.ToToken(info.Manifest);
        return new JObject
        {
            ["uri"] = $"models:/{info.Name}/{info.Version}",
            ["name"] = info.Name,
            ["version"] = info.Version,
            ["stage"] = info.Stage,
            ["aliases"] = new JArray(info.Aliases),
            ["description"] = info.Description,
            ["tags"] = JObject.FromObject(info.State.Tags),
            ["deleted"] = info.State.Deleted is null ? null : DocumentSerializer.ToToken(info.State.Deleted),
            ["registry_commit"] = info.CommitId,
            ["manifest"] = manifest,
        };
    }

    public static JObject Summary(ModelSummary model) => new()
    {
        ["name"] = model.Name,
        ["description"] = model.Description,
        ["live_versions"] = model.LiveVersions,
        ["latest_version"] = model.LatestVersion,
        ["stages"] = JObject.FromObject(model.Stages),
        ["aliases"] = JObject.FromObject(model.Aliases),
    };

    public static JObject Write(WriteResult result)
    {
        var json = new JObject { ["changed"] = result.Changed, ["commit"] = result.CommitId, ["summary"] = result.Summary };
        if (result is TransitionResult transition)
        {
            json["from_stage"] = transition.FromStage;
            json["to_stage"] = transition.ToStage;
            json["archived"] = new JArray(transition.Archived);
        }
        return json;
    }

    public static JObject Problem(DocumentProblem problem) => new()
    {
        ["file"] = problem.File,
        ["line"] = problem.Line == 0 ? null : problem.Line,
        ["field"] = problem.Field.Length == 0 ? null : problem.Field,
        ["message"] = problem.Message,
        ["fix"] = problem.Fix,
    };

    public static JObject Restore(RestoreResult result) => new()
    {
        ["lock"] = result.LockPath,
        ["lock_written"] = result.LockWritten,
        ["registry_contacted"] = result.RegistryContacted,
        ["removed"] = new JArray(result.Removed),
        ["models"] = new JArray(result.Models.Select(m => new JObject
        {
            ["name"] = m.Name,
            ["request"] = m.Locked.Request,
            ["requested_stage"] = ModelUri.Parse(m.Locked.Request) is { Kind: ModelUriKind.Stage } uri ? uri.Reference : null,
            ["version"] = m.Locked.Version,
            ["previous_version"] = m.PreviousVersion,
            ["status"] = m.Status.ToString().ToLowerInvariant(),
            ["registry_commit"] = m.Locked.RegistryCommit,
            ["artifact"] = new JObject
            {
                ["uri"] = m.Locked.Artifact.Uri,
                ["sha256"] = m.Locked.Artifact.Sha256,
                ["size"] = m.Locked.Artifact.Size,
                ["file_name"] = m.Locked.Artifact.FileName,
            },
            ["artifact_path"] = m.ArtifactPath,
            ["manifest_path"] = m.ManifestPath,
            ["signature"] = m.Signature is null ? null : DocumentSerializer.ToToken(m.Signature),
        })),
    };
}
