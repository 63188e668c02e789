using System.CommandLine;
using System.Globalization;
using GitRegistry.Cli.Json;
using GitRegistry.Cli.Output;
using GitRegistry.Reading;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace GitRegistry.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("uri-or-name") { Description = "A model URI (models:/NAME/7, models:/NAME/Production, models:/NAME@ALIAS, models:/NAME/latest) or a model name." };
        var command = new Command("show", "Show a version (params, metrics by split, lineage, artifact, stage, aliases, tags) or a model.") { target };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var text = context.Get(target);
            var registry = context.ReadRegistry;
            if (!text.StartsWith(ModelUri.Prefix, StringComparison.Ordinal))
            {
                return ShowModel(context, registry, text);
            }
            var version = registry.Resolve(text);
            var approvals = registry.Approvals(version.Name, version.Version);
            if (context.Output.Json)
            {
                var json = Views.Version(version);
                json["approvals"] = new JArray(approvals.Select(a => new JObject
                {
                    ["stage"] = a.Record.Stage,
                    ["by"] = a.Record.By.Email,
                    ["at"] = a.Record.At,
                    ["comment"] = a.Record.Comment,
                    ["commit"] = a.CommitId,
                    ["verified"] = a.IsVerified,
                    ["problem"] = a.Problem,
                }));
                context.Output.WriteJson(json);
                return 0;
            }
            ShowVersion(context.Output, version, approvals);
            return 0;
        }));
        return command;
    }

    private static int ShowModel(CommandContext context, Registry registry, string name)
    {
        var model = registry.GetModel(name);
        var versions = registry.ListVersions(name);
        if (context.Output.Json)
        {
            var summary = Views.Summary(registry.ListModels().Single(m => m.Name == model.Name));
            summary["tags"] = JObject.FromObject(model.Tags);
            summary["versions"] = new JArray(versions.Select(Views.Version));
            context.Output.WriteJson(summary);
            return 0;
        }
        var console = context.Output.Console;
        console.MarkupLine($"[bold]{CliOutput.Escape(model.Name)}[/]");
        if (model.Description is not null)
        {
            console.WriteLine(model.Description);
        }
        if (model.Tags.Count > 0)
        {
            console.WriteLine("Tags: " + string.Join(", ", model.Tags.Select(t => $"{t.Key}={t.Value}")));
        }
        if (model.Aliases.Count > 0)
        {
            console.WriteLine("Aliases: " + string.Join(", ", model.Aliases.Select(a => $"@{a.Key} -> {a.Value}")));
        }
        console.Write(versions.Count == 0 ? new Text("No live versions.\n") : VersionsCommand.Table(versions));
        return 0;
    }

    private static void ShowVersion(CliOutput output, ModelVersionInfo v, IReadOnlyList<Policy.VerifiedApproval> approvals)
    {
        var m = v.Manifest;
        var console = output.Console;
        console.MarkupLine($"[bold]{CliOutput.Escape(m.Name)} version {m.Version}[/]  (models:/{CliOutput.Escape(m.Name)}/{m.Version})" + (v.IsDeleted ? "  [red]DELETED[/]" : ""));
        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                facts.AddRow(new Text(label), new Text(value));
            }
        }
        Fact("Stage", v.Stage);
        Fact("Aliases", string.Join(", ", v.Aliases.Select(a => "@" + a)));
        Fact("Created", $"{m.CreatedAt} by {m.CreatedBy}");
        Fact("Description", v.Description);
        Fact("Tags", string.Join(", ", v.State.Tags.Select(t => $"{t.Key}={t.Value}")));
        Fact("Deleted", v.State.Deleted is { } d ? $"{d.At} by {d.By}" + (d.Comment is null ? "" : $": {d.Comment}") : null);
        Fact("Imported", m.Imported is { } i ? $"from {i.From} {i.Location}" + (i.Record is null ? "" : $" ({i.Record})") + (i.Author is null ? "" : $", created there by {i.Author}") : null);
        Fact("Registry commit", v.CommitId);
        console.Write(facts);

        if (m.Metrics.Count > 0)
        {
            var splits = m.Metrics.Keys.ToList();
            var metrics = new Table().Title("Metrics").AddColumn("Metric");
            foreach (var split in splits)
            {
                metrics.AddColumn(CliOutput.Escape(split));
            }
            foreach (var metric in m.Metrics.Values.SelectMany(s => s.Keys).Distinct().Order(StringComparer.Ordinal))
            {
                metrics.AddRow([CliOutput.Escape(metric), .. splits.Select(s => m.Metrics[s].TryGetValue(metric, out var value) ? value.ToString("G6", CultureInfo.InvariantCulture) : "")]);
            }
            console.Write(metrics);
        }
        if (m.Params.Count > 0)
        {
            var parameters = new Table().Title("Params").AddColumns("Param", "Value");
            foreach (var (key, value) in m.Params)
            {
                parameters.AddRow(CliOutput.Escape(key), CliOutput.Escape(Convert.ToString(value, CultureInfo.InvariantCulture)));
            }
            console.Write(parameters);
        }

        var lineage = new Table().Title("Lineage and artifact").AddColumns("Field", "Value");
        void Row(string field, object? value)
        {
            if (value is not null && !(value is string s && s.Length == 0))
            {
                lineage.AddRow(field, CliOutput.Escape(Convert.ToString(value, CultureInfo.InvariantCulture)));
            }
        }
        Row("data.sha256", m.Data?.Sha256);
        Row("data.cutoff", m.Data?.Cutoff);
        Row("data.source", m.Data?.Source);
        Row("data.rows", m.Data?.Rows);
        Row("preprocessing.version", m.Preprocessing?.Version);
        Row("preprocessing.code_commit", m.Preprocessing?.CodeCommit);
        Row("code_commit", m.CodeCommit);
        Row("run", m.Run is null ? null : m.Run.Id + (m.Run.Uri is null ? "" : $" ({m.Run.Uri})"));
        Row("artifact.uri", m.Artifact.Uri);
        Row("artifact.sha256", m.Artifact.Sha256);
        Row("artifact.size", $"{m.Artifact.Size} bytes");
        Row("artifact.format", m.Artifact.Format);
        Row("artifact.file_name", m.Artifact.FileName);
        Row("dependencies", m.Dependencies is null ? null : $"{m.Dependencies.FileName} (sha256 {m.Dependencies.Sha256})");
        console.Write(lineage);

        if (approvals.Count > 0)
        {
            var trail = new Table().Title("Approvals").AddColumns("Stage", "By", "At", "Justification", "Signature");
            foreach (var a in approvals)
            {
                trail.AddRow(CliOutput.Escape(a.Record.Stage), CliOutput.Escape(a.Record.By.Email), CliOutput.Escape(a.Record.At), CliOutput.Escape(a.Record.Comment ?? ""),
                    a.IsVerified ? $"[green]verified[/] ({a.CommitId[..10]})" : $"[red bold]NOT VERIFIED[/]: {CliOutput.Escape(a.Problem)}");
            }
            console.Write(trail);
        }

        if (m.Signature is { } signature)
        {
            var columns = new Table().Title("Signature").AddColumns("Direction", "Column", "Type");
            foreach (var c in signature.Inputs)
            {
                columns.AddRow("input", CliOutput.Escape(c.Name), CliOutput.Escape(c.Type + (c.Shape is null ? "" : $" [{string.Join(", ", c.Shape)}]")));
            }
            foreach (var c in signature.Outputs)
            {
                columns.AddRow("output", CliOutput.Escape(c.Name), CliOutput.Escape(c.Type + (c.Shape is null ? "" : $" [{string.Join(", ", c.Shape)}]")));
            }
            console.Write(columns);
        }
    }
}
