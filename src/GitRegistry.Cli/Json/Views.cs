using GitRegistry.Documents;
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
}
