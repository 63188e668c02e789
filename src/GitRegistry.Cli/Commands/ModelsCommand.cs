using System.CommandLine;
using GitRegistry.Cli.Json;
using GitRegistry.Cli.Output;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace GitRegistry.Cli.Commands;

internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "List the registered models with their stages and aliases.");
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var models = context.ReadRegistry.ListModels();
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JArray(models.Select(Views.Summary)));
                return 0;
            }
            if (models.Count == 0)
            {
                context.Output.Plain("No models yet. Register one with: gitreg register NAME --artifact FILE");
                return 0;
            }
            var table = new Table().AddColumns("Model", "Versions", "Latest", "Stages", "Aliases", "Description");
            foreach (var m in models)
            {
                table.AddRow(
                    CliOutput.Escape(m.Name),
                    m.LiveVersions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    m.LatestVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    CliOutput.Escape(string.Join(", ", m.Stages.Select(s => $"{s.Key}: {s.Value}"))),
                    CliOutput.Escape(string.Join(", ", m.Aliases.Select(a => $"@{a.Key}: {a.Value}"))),
                    CliOutput.Escape(m.Description ?? ""));
            }
            context.Output.Console.Write(table);
            return 0;
        }));
        return command;
    }
}
