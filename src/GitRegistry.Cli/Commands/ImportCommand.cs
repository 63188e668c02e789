using System.CommandLine;
using GitRegistry.Cli.Input;
using GitRegistry.Import;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create() => new("import", "Import another registry: an MLflow file store, or a spreadsheet saved as CSV.") { Mlflow(), Csv() };

    private static Command Mlflow()
    {
        var path = new Argument<string>("mlruns") { Description = "The folder of MLflow's file store (holding models/ and the experiment folders)." };
        var model = new Option<string[]>("--model") { Description = "Import only this registered model (repeatable); MLFLOW_NAME=NAME imports it under another name.", HelpName = "NAME[=NEW]" };
        var perVersion = new Option<bool>("--commit-per-version") { Description = "One signed commit per version instead of one per model." };
        var skipDeleted = new Option<bool>("--skip-deleted") { Description = "Leave out versions MLflow soft-deleted (default: import them as deleted, keeping their numbers taken)." };
        var split = new Option<string>("--default-split") { Description = "The split for metrics without a split prefix or suffix.", DefaultValueFactory = _ => "default", HelpName = "SPLIT" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and report; write nothing." };
        var command = new Command("mlflow", "Import MLflow's model registry: versions with their numbers, stages, aliases, tags, run params and metrics, artifacts.")
        {
            path, model, perVersion, skipDeleted, split, dryRun,
        };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var report = context.Registry.ImportMlflow(new MlflowImportOptions
            {
                StorePath = context.Get(path),
                Models = context.Get(model) ?? [],
                Commits = context.Get(perVersion) ? ImportCommits.PerVersion : ImportCommits.PerModel,
                SkipDeleted = context.Get(skipDeleted),
                DefaultSplit = context.Get(split),
                DryRun = context.Get(dryRun),
            });
            return Print(context, report);
        }));
        return command;
    }

    private static Command Csv()
    {
        var file = new Argument<string>("file") { Description = "The spreadsheet, saved as CSV (',' ';' or tab, UTF-8 with or without BOM)." };
        var model = new Option<string>("--model") { Description = "The model whose versions the rows are.", Required = true, HelpName = "NAME" };
        var column = new Option<string[]>("--column") { Description = "FIELD=HEADER (repeatable): version, created_at, code_commit, description, stage, aliases, author, run_id, run_uri, data.sha256, data.cutoff, data.source, data.rows, preprocessing.version, artifact, artifact.format, params.KEY, tags.KEY.", HelpName = "FIELD=HEADER" };
        var metric = new Option<string[]>("--metric") { Description = "SPLIT.METRIC=HEADER (repeatable), e.g. test.auc_roc=AUC.", HelpName = "SPLIT.METRIC=HEADER" };
        var artifactColumn = new Option<string?>("--artifact-column") { Description = "The column with each version's model file: a path relative to the sheet, or a URI.", HelpName = "HEADER" };
        var noArtifact = new Option<bool>("--no-artifact") { Description = "The sheet has no model files: record the placeholder none: for every version." };
        var delimiter = new Option<string?>("--delimiter") { Description = "',' ';' '|' or tab (default: detected).", HelpName = "CHAR" };
        var dateFormat = new Option<string[]>("--date-format") { Description = "A .NET date format to try first (repeatable), e.g. dd.MM.yyyy.", HelpName = "FORMAT" };
        var dateOrder = new Option<string?>("--date-order") { Description = "How to read 03/04/2024: dmy or mdy (default: from the column).", HelpName = "dmy|mdy" };
        dateOrder.AcceptOnlyFromAmong("dmy", "mdy");
        var perVersion = new Option<bool>("--commit-per-version") { Description = "One signed commit per version instead of one for the model." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and report; write nothing." };
        var command = new Command("csv", "Import a spreadsheet registry: one version per row, through a column mapping.")
        {
            file, model, column, metric, artifactColumn, noArtifact, delimiter, dateFormat, dateOrder, perVersion, dryRun,
        };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var columns = SheetOptions.Mappings(context.Get(column), "--column").ToList();
            if (context.Get(artifactColumn) is { } header)
            {
                columns.Add(new("artifact", header));
            }
            var report = context.Registry.ImportCsv(new CsvImportOptions
            {
                FilePath = context.Get(file),
                Model = context.Get(model),
                Columns = columns,
                Metrics = SheetOptions.Mappings(context.Get(metric), "--metric"),
                NoArtifact = context.Get(noArtifact),
                Delimiter = SheetOptions.Delimiter(context.Get(delimiter)),
                DateFormats = context.Get(dateFormat) ?? [],
                DateOrder = context.Get(dateOrder) switch { "dmy" => DateOrder.DayFirst, "mdy" => DateOrder.MonthFirst, _ => DateOrder.Detect },
                Commits = context.Get(perVersion) ? ImportCommits.PerVersion : ImportCommits.PerModel,
                DryRun = context.Get(dryRun),
            });
            return Print(context, report);
        }));
        return command;
    }

    /// <summary>The report: models and versions with stages, aliases and artifacts; what was imported before; what was skipped or could not be mapped.</summary>
    private static int Print(CommandContext context, ImportReport report)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(Json(report));
            return 0;
        }
        var output = context.Output;
        var source = report.From == "mlflow" ? "the MLflow file store" : "the spreadsheet";
        output.Plain($"{(report.DryRun ? "Would import" : "Imported")} from {source} {report.Location}");
        foreach (var model in report.Models)
        {
            var renamed = model.SourceName != model.Name ? $" (MLflow: '{model.SourceName}')" : "";
            var status = model.Imported.Count == 0 ? "nothing new" : $"{model.Imported.Count} version{(model.Imported.Count == 1 ? "" : "s")}{(model.Created ? ", new model" : "")}";
            output.Plain($"  {model.Name}{renamed}: {status}" + (model.AlreadyImported.Count > 0 ? $"; already imported: {string.Join(", ", model.AlreadyImported)}" : ""));
            foreach (var version in model.Imported)
            {
                var state = version.Deleted ? "deleted" : version.Stage;
                var aliases = version.Aliases.Count == 0 ? "" : " " + string.Join(" ", version.Aliases.Select(a => "@" + a));
                var artifact = report.DryRun ? "" : version.ArtifactUri == Manifests.Artifact.NoneUri ? "  no artifact (none:)" : $"  artifact {version.Sha256[..12]} ({version.Size} bytes)";
                output.Plain($"    version {version.Version}: {state}{aliases}{artifact}");
            }
            foreach (var commit in model.Commits)
            {
                output.Plain($"    commit {commit[..10]}");
            }
        }
        if (!report.DryRun)
        {
            output.Plain($"Artifacts copied: {report.ArtifactsCopied} ({report.BytesCopied} bytes)");
        }
        if (report.NothingNew)
        {
            output.Plain("Nothing new to import: every version is already in the registry" + (report.Skipped.Count > 0 ? " or skipped." : "."));
        }
        if (report.Skipped.Count > 0)
        {
            output.Plain($"Skipped ({report.Skipped.Count}):");
            foreach (var note in report.Skipped)
            {
                output.Plain($"  {note}");
            }
        }
        if (report.Unmapped.Count > 0)
        {
            output.Plain($"Not mapped as they were ({report.Unmapped.Count}):");
            foreach (var note in report.Unmapped)
            {
                output.Plain($"  {note}");
            }
        }
        return 0;
    }

    private static JObject Json(ImportReport report) => new()
    {
        ["from"] = report.From,
        ["location"] = report.Location,
        ["dry_run"] = report.DryRun,
        ["nothing_new"] = report.NothingNew,
        ["artifacts_copied"] = report.ArtifactsCopied,
        ["bytes_copied"] = report.BytesCopied,
        ["models"] = new JArray(report.Models.Select(m => new JObject
        {
            ["name"] = m.Name,
            ["source_name"] = m.SourceName,
            ["created"] = m.Created,
            ["imported"] = new JArray(m.Imported.Select(v => new JObject
            {
                ["version"] = v.Version,
                ["stage"] = v.Stage,
                ["aliases"] = new JArray(v.Aliases),
                ["deleted"] = v.Deleted,
                ["artifact_uri"] = v.ArtifactUri,
                ["sha256"] = v.Sha256,
                ["size"] = v.Size,
            })),
            ["already_imported"] = new JArray(m.AlreadyImported),
            ["commits"] = new JArray(m.Commits),
        })),
        ["skipped"] = new JArray(report.Skipped.Select(n => new JObject { ["where"] = n.Where, ["message"] = n.Message })),
        ["unmapped"] = new JArray(report.Unmapped.Select(n => new JObject { ["where"] = n.Where, ["message"] = n.Message })),
    };
}
