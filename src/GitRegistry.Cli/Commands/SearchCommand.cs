using System.CommandLine;
using System.Globalization;
using GitRegistry.Cli.Output;
using GitRegistry.Search;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace GitRegistry.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var filter = new Argument<string?>("filter")
        {
            Description = "MLflow's model-version filter, extended: name = 'x', name LIKE 'churn%', version_number > 3, run_id IN ('a', 'b'), tags.KEY = 'v', params.KEY > 6, metrics.SPLIT.METRIC >= 0.9, stage = 'Production', alias = 'champion', data.sha256 = '...', created_at > '2024-03-01', joined with AND.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var orderBy = new Option<string[]>("--order-by") { Description = "FIELD [ASC|DESC] (repeatable), e.g. 'metrics.test.auc_roc DESC'. Default: newest first.", HelpName = "CLAUSE" };
        var maxResults = new Option<int>("--max-results") { Description = "The most versions to list.", DefaultValueFactory = _ => 100, HelpName = "N" };
        var deleted = new Option<bool>("--include-deleted") { Description = "Include deleted versions." };
        var command = new Command("search", "Find model versions with a filter (docs/search.md).") { filter, orderBy, maxResults, deleted };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var text = context.Get(filter);
            var clauses = context.Get(orderBy) ?? [];
            var result = context.ReadRegistry.Search(new SearchOptions { Filter = text, OrderBy = clauses, MaxResults = context.Get(maxResults), IncludeDeleted = context.Get(deleted) });
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject
                {
                    ["filter"] = text ?? "",
                    ["matches"] = result.Matches,
                    ["searched"] = result.Searched,
                    ["elapsed_ms"] = Math.Round(result.Elapsed.TotalMilliseconds, 1),
                    ["versions"] = new JArray(result.Hits.Select(Json)),
                });
                return 0;
            }
            if (result.Hits.Count == 0)
            {
                context.Output.Plain($"No version matches (searched {result.Searched}).");
                return 0;
            }
            // Show the metrics, params and tags the filter and order name, next to the usual columns.
            var mentioned = SearchFilter.Parse(text).Conditions.Select(c => c.Field).Concat(clauses.Select(c => SearchOrder.Parse(c).Field))
                .Where(f => f.Kind is SearchFieldKind.Metric or SearchFieldKind.Param or SearchFieldKind.Tag).Distinct().ToList();
            var table = new Table().AddColumns("Model", "Version", "Stage", "Aliases", "Created");
            foreach (var field in mentioned)
            {
                table.AddColumn(CliOutput.Escape(field.ToString()));
            }
            foreach (var hit in result.Hits)
            {
                var row = new List<string>
                {
                    CliOutput.Escape(hit.Name),
                    hit.Version.ToString(CultureInfo.InvariantCulture) + (hit.Deleted ? " (deleted)" : ""),
                    CliOutput.Escape(hit.Stage),
                    CliOutput.Escape(string.Join(", ", hit.Aliases.Select(a => "@" + a))),
                    CliOutput.Escape(hit.CreatedAt),
                };
                row.AddRange(mentioned.Select(f => CliOutput.Escape(f.Kind switch
                {
                    SearchFieldKind.Metric => hit.Metrics.TryGetValue(f.Key, out var m) ? m.ToString("G6", CultureInfo.InvariantCulture) : "",
                    SearchFieldKind.Param => hit.Params.TryGetValue(f.Key, out var p) ? Convert.ToString(p, CultureInfo.InvariantCulture) : "",
                    _ => hit.Tags.GetValueOrDefault(f.Key) ?? "",
                })));
                table.AddRow(row.ToArray());
            }
            context.Output.Console.Write(table);
            var more = result.Matches > result.Hits.Count ? $", {result.Hits.Count} shown (--max-results)" : "";
            context.Output.Plain($"{result.Matches} of {result.Searched} versions match{more}; {result.Elapsed.TotalMilliseconds:F0} ms");
            return 0;
        }));
        return command;
    }

    private static JObject Json(SearchHit hit) => new()
    {
        ["uri"] = $"models:/{hit.Name}/{hit.Version}",
        ["name"] = hit.Name,
        ["version"] = hit.Version,
        ["stage"] = hit.Stage,
        ["aliases"] = new JArray(hit.Aliases),
        ["created_at"] = hit.CreatedAt,
        ["created_by"] = hit.CreatedBy,
        ["description"] = hit.Description,
        ["run_id"] = hit.RunId,
        ["artifact_uri"] = hit.ArtifactUri,
        ["code_commit"] = hit.CodeCommit,
        ["data_sha256"] = hit.DataSha256,
        ["deleted"] = hit.Deleted,
        ["tags"] = JObject.FromObject(hit.Tags),
        ["params"] = JObject.FromObject(hit.Params),
        ["metrics"] = JObject.FromObject(hit.Metrics),
    };
}
