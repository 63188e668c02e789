using System.CommandLine;
using System.Globalization;
using GitRegistry.Cli.Json;
using GitRegistry.Cli.Output;
using GitRegistry.Reading;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace GitRegistry.Cli.Commands;

internal static class VersionsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The model." };
        var stage = new Option<string?>("--stage") { Description = "Only versions in this stage.", HelpName = "STAGE" };
        var all = new Option<bool>("--all") { Description = "Include deleted versions." };
        var command = new Command("versions", "List a model's versions, newest first.") { name, stage, all };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var versions = context.ReadRegistry.ListVersions(context.Get(name), context.Get(stage), context.Get(all));
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JArray(versions.Select(Views.Version)));
                return 0;
            }
            if (versions.Count == 0)
            {
                context.Output.Plain(context.Get(stage) is { } s ? $"No version of {context.Get(name)} is in {s}." : $"{context.Get(name)} has no versions.");
                return 0;
            }
            context.Output.Console.Write(Table(versions));
            return 0;
        }));
        return command;
    }

    /// <summary>The version table shared by 'versions' and 'show NAME': stage, aliases, when, who, headline metrics.</summary>
    public static Table Table(IReadOnlyList<ModelVersionInfo> versions)
    {
        // Headline metrics: the test split's (else the first split's) first three metrics, as columns.
        var split = versions.SelectMany(v => v.Manifest.Metrics.Keys).Contains("test") ? "test" : versions.SelectMany(v => v.Manifest.Metrics.Keys).FirstOrDefault();
        var metricNames = split is null ? [] : versions.SelectMany(v => v.Manifest.Metrics.TryGetValue(split, out var m) ? m.Keys : Enumerable.Empty<string>()).Distinct().Order(StringComparer.Ordinal).Take(3).ToList();
        var table = new Table().AddColumns("Version", "Stage", "Aliases", "Created", "Created by");
        foreach (var metric in metricNames)
        {
            table.AddColumn($"{split}.{metric}");
        }
        foreach (var v in versions)
        {
            var row = new List<string>
            {
                v.Version.ToString(CultureInfo.InvariantCulture) + (v.IsDeleted ? " (deleted)" : ""),
                CliOutput.Escape(v.Stage),
                CliOutput.Escape(string.Join(", ", v.Aliases.Select(a => "@" + a))),
                CliOutput.Escape(v.Manifest.CreatedAt),
                CliOutput.Escape(v.Manifest.CreatedBy.Email),
            };
            foreach (var metric in metricNames)
            {
                row.Add(v.Manifest.Metrics.TryGetValue(split!, out var m) && m.TryGetValue(metric, out var value) ? value.ToString("G6", CultureInfo.InvariantCulture) : "");
            }
            table.AddRow(row.ToArray());
        }
        return table;
    }
}
