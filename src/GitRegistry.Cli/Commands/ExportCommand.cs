using System.CommandLine;
using System.Text;
using GitRegistry.Cli.Input;
using GitRegistry.Export;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create() => new("export", "Export the registry for other tools.") { Csv() };

    private static Command Csv()
    {
        var model = new Option<string[]>("--model") { Description = "Export only this model (repeatable).", HelpName = "NAME" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (default: standard output).", HelpName = "FILE" };
        var column = new Option<string[]>("--column") { Description = "FIELD=HEADER (repeatable, in order): the import's fields plus model, created_by, artifact.sha256, artifact.size, deleted, metrics.SPLIT.METRIC. Default: model, version, stage, aliases, created_at, created_by, description, code_commit, data.sha256 and every metric.", HelpName = "FIELD=HEADER" };
        var metric = new Option<string[]>("--metric") { Description = "SPLIT.METRIC=HEADER (repeatable), after the --column columns.", HelpName = "SPLIT.METRIC=HEADER" };
        var parameters = new Option<bool>("--params") { Description = "Default layout: add a params.KEY column for every parameter." };
        var noImported = new Option<bool>("--no-imported-columns") { Description = "Leave out the columns a spreadsheet import kept aside (its unmapped columns)." };
        var deleted = new Option<bool>("--include-deleted") { Description = "Include deleted versions." };
        var delimiter = new Option<string?>("--delimiter") { Description = "',' (default), ';', '|' or tab.", HelpName = "CHAR" };
        var decimalComma = new Option<bool>("--decimal-comma") { Description = "Write numbers with a decimal comma (for ';' sheets in European locales)." };
        var dateFormat = new Option<string?>("--date-format") { Description = "A .NET format for created_at, e.g. dd.MM.yyyy (default: ISO 8601 as stored).", HelpName = "FORMAT" };
        var command = new Command("csv", "Write one CSV row per version: stage, aliases, created, code commit, data hash and every metric, or the columns you map.")
        {
            model, output, column, metric, parameters, noImported, deleted, delimiter, decimalComma, dateFormat,
        };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var options = new CsvExportOptions
            {
                Models = context.Get(model) ?? [],
                Columns = SheetOptions.Mappings(context.Get(column), "--column"),
                Metrics = SheetOptions.Mappings(context.Get(metric), "--metric"),
                Params = context.Get(parameters),
                ImportedColumns = !context.Get(noImported),
                IncludeDeleted = context.Get(deleted),
                Delimiter = SheetOptions.Delimiter(context.Get(delimiter)) ?? ',',
                DecimalComma = context.Get(decimalComma),
                DateFormat = context.Get(dateFormat),
            };
            var file = context.Get(output);
            if (file is null && context.Output.Json)
            {
                throw new RegistryException(ErrorKind.Usage, "--json prints a summary, so the CSV needs a file", "add -o FILE");
            }
            int rows;
            if (file is null)
            {
                rows = context.ReadRegistry.ExportCsv(options, context.Output.Out);
                return 0;
            }
            using (var writer = new StreamWriter(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                rows = context.ReadRegistry.ExportCsv(options, writer);
            }
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject { ["path"] = Path.GetFullPath(file), ["rows"] = rows });
            }
            else
            {
                context.Output.Plain($"Wrote {rows} row{(rows == 1 ? "" : "s")} to {file}");
            }
            return 0;
        }));
        return command;
    }
}
