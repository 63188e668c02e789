using System.Globalization;
using System.Text.RegularExpressions;
using GitRegistry.Manifests;

namespace GitRegistry.Import;

/// <summary>
/// Maps a spreadsheet's rows to versions of one model through the column mapping: each usable row becomes a
/// version with the row's number, time, lineage, params, metrics, tags and artifact, and its unmapped cells in the
/// manifest's imported fields; each row that cannot be used is reported with its row number and the reason.
/// </summary>
internal sealed partial class CsvMapping(CsvSheet sheet, CsvImportOptions options, ImportReport report)
{
    public ModelImport Map()
    {
        var name = ModelName.Validate(options.Model);
        var columns = new List<(string Field, int Index)>();
        foreach (var (field, header) in options.Columns.Concat(options.Metrics.Select(m => new KeyValuePair<string, string>("metrics." + m.Key, m.Value))))
        {
            SheetFields.Validate(field, export: false);
            if (field.StartsWith("metrics.", StringComparison.Ordinal))
            {
                var key = field["metrics.".Length..];
                var dot = key.IndexOf('.');
                if (!ImportedValues.IsSplitName(key[..dot]) || ImportedValues.MetricName(key[(dot + 1)..]) != key[(dot + 1)..])
                {
                    throw new RegistryException(ErrorKind.Usage, $"'{key}' is not a valid SPLIT.METRIC name", "write e.g. test.auc_roc: a lowercase split, then a metric name of letters, digits, '_', '.', '@', '-'");
                }
            }
            if (field.StartsWith("tags.", StringComparison.Ordinal) && ImportedValues.TagKey(field[5..]) != field[5..])
            {
                throw new RegistryException(ErrorKind.Usage, $"'{field[5..]}' is not a valid tag key", "use 1-128 letters, digits, '_', '-', '.', '/', ':'");
            }
            var index = sheet.Column(header);
            if (index < 0)
            {
                throw new RegistryException(ErrorKind.Usage, $"the sheet has no column '{header}' (for {field})",
                    $"its columns: {string.Join(", ", sheet.Headers.Where(h => h.Length > 0).Select(h => $"'{h}'"))}");
            }
            if (columns.Any(c => c.Field == field))
            {
                throw new RegistryException(ErrorKind.Usage, $"{field} is mapped twice", "map each field to one column");
            }
            columns.Add((field, index));
        }
        if (!columns.Any(c => c.Field == "version"))
        {
            throw new RegistryException(ErrorKind.Usage, "no column is mapped to the version number", "map it: --column version=HEADER (version numbers are kept, so that a second import finds them)");
        }
        var hasArtifact = columns.Any(c => c.Field == "artifact");
        if (hasArtifact == options.NoArtifact)
        {
            throw new RegistryException(ErrorKind.Usage,
                hasArtifact ? "--no-artifact and an artifact column contradict each other" : "the sheet's rows name no model file",
                hasArtifact ? "drop one of them" : "map the column holding each model file's path or URI (--artifact-column HEADER), or pass --no-artifact to record the placeholder none: (no model file) for every version");
        }

        var file = Path.GetFileName(options.FilePath);
        if (sheet.Latin1)
        {
            report.Unmapped.Add(new(file, "is not UTF-8; read as Latin-1 (Windows-1252 text may differ in a few characters: save the sheet as CSV UTF-8 to be sure)"));
        }
        var mapped = columns.Select(c => c.Index).ToHashSet();
        var extra = sheet.Headers.Select((h, i) => (h, i)).Where(x => x.h.Length > 0 && !mapped.Contains(x.i)).ToList();
        if (extra.Count > 0)
        {
            var list = string.Join(", ", extra.Select(x => $"'{x.h}'"));
            report.Unmapped.Add(new(file, extra.Count == 1
                ? $"the column {list} is not mapped; each row's value is kept in its manifest's imported.fields"
                : $"the columns {list} are not mapped; each row's values are kept in its manifest's imported.fields"));
        }
        if (options.NoArtifact)
        {
            report.Unmapped.Add(new(file, $"has no model files (--no-artifact): every version records the placeholder {Manifests.Artifact.NoneUri}"));
        }
        if (!columns.Any(c => c.Field == "created_at"))
        {
            report.Unmapped.Add(new(file, "no column is mapped to created_at; each version's created_at is the time of the import"));
        }
        var orders = columns.Where(c => c.Field is "created_at" or "data.cutoff").ToDictionary(c => c.Field,
            c => options.DateOrder != DateOrder.Detect ? options.DateOrder : SpreadsheetValues.DetectOrder(sheet.Rows.Select(r => Cell(r.Cells, c.Index))));

        var model = new ModelImport { Name = name, SourceName = name, Record = new ImportRecord { From = "csv", Location = Path.GetFullPath(options.FilePath) } };
        var seen = new Dictionary<int, int>();
        var empty = 0;
        var now = DateTimeOffset.UtcNow;
        foreach (var (row, cells) in sheet.Rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                empty++;
                continue;
            }
            try
            {
                var version = Row(row, cells, columns, extra, orders, name, now);
                if (seen.TryGetValue(version.Version, out var first))
                {
                    report.Skipped.Add(new($"row {row}", $"version {version.Version} is also in row {first}; not imported"));
                    continue;
                }
                seen[version.Version] = row;
                model.Versions.Add(version);
                if (columns.FirstOrDefault(c => c.Field == "aliases") is { Field: not null } aliasColumn && !SpreadsheetValues.IsBlank(Cell(cells, aliasColumn.Index)))
                {
                    foreach (var alias in Cell(cells, aliasColumn.Index).Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (ImportedValues.Alias(alias) is not { } valid)
                        {
                            report.Unmapped.Add(new($"row {row}", $"'{alias}' is not a valid alias ({ModelName.Rule}; not 'latest' or 'v<digits>'); not set"));
                        }
                        else if (model.Aliases.TryGetValue(valid, out var other))
                        {
                            report.Unmapped.Add(new($"row {row}", $"the alias {valid} is also on version {other} (row {seen[other]}); it stays there"));
                        }
                        else
                        {
                            model.Aliases[valid] = version.Version;
                        }
                    }
                }
            }
            catch (FormatException e)
            {
                report.Skipped.Add(new($"row {row}", e.Message + "; not imported"));
            }
        }
        if (empty > 0)
        {
            report.Unmapped.Add(new(file, $"{empty} empty row{(empty == 1 ? "" : "s")} skipped"));
        }
        return model;
    }

    private VersionImport Row(int row, string[] cells, List<(string Field, int Index)> columns, List<(string Header, int Index)> extra,
        Dictionary<string, DateOrder?> orders, string model, DateTimeOffset now)
    {
        string? Get(string field) => columns.FirstOrDefault(c => c.Field == field) is { Field: not null } c && !SpreadsheetValues.IsBlank(Cell(cells, c.Index)) ? Cell(cells, c.Index).Trim() : null;

        var versionText = Get("version") ?? throw new FormatException("it has no version number");
        if (!SpreadsheetValues.TryInteger(versionText, out var number) || number is < 1 or > 999_999_999)
        {
            throw new FormatException($"the version '{versionText}' is not a whole number from 1");
        }
        var version = (int)number;
        var where = $"row {row}";

        DateTimeOffset? Date(string field)
        {
            if (Get(field) is not { } text)
            {
                return null;
            }
            return SpreadsheetValues.TryDate(text, options.DateFormats, orders.GetValueOrDefault(field), out var error)
                ?? throw new FormatException($"{field}: {error}");
        }
        var created = Date("created_at");
        if (created is null && columns.Any(c => c.Field == "created_at"))
        {
            throw new FormatException("it has no created_at date");
        }
        var cutoff = Date("data.cutoff");

        string? Checked(string field, Func<string?, string?> check, string expected)
        {
            var text = Get(field);
            return text is null ? null : check(text) ?? throw new FormatException($"{field} '{text}' is not {expected}");
        }
        var codeCommit = Checked("code_commit", ImportedValues.CommitId, "a git commit id (7-64 hex characters)");
        var dataSha = Checked("data.sha256", ImportedValues.Sha256, "a sha256 (64 hex characters)");
        var prepCommit = Checked("preprocessing.code_commit", ImportedValues.CommitId, "a git commit id (7-64 hex characters)");
        long? rows = null;
        if (Get("data.rows") is { } rowsText)
        {
            rows = SpreadsheetValues.TryInteger(rowsText, out var r) && r >= 0 ? r : throw new FormatException($"data.rows '{rowsText}' is not a whole number");
        }
        string? format = null;
        if (Get("artifact.format") is { } formatText)
        {
            format = formatText.ToLowerInvariant() is "onnx" or "mlnet" or "pickle" or "savedmodel" or "other" ? formatText.ToLowerInvariant()
                : throw new FormatException($"artifact.format '{formatText}' is not onnx, mlnet, pickle, savedmodel or other");
        }

        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (header, index) in extra)
        {
            if (Cell(cells, index) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value))
            {
                fields[header] = value;
            }
        }

        var parameters = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var metrics = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal);
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, _) in columns)
        {
            if (Get(field) is not { } value)
            {
                continue;
            }
            if (field.StartsWith("params.", StringComparison.Ordinal))
            {
                parameters[field[7..]] = Param(value);
            }
            else if (field.StartsWith("tags.", StringComparison.Ordinal))
            {
                tags[field[5..]] = value.Length <= ImportedValues.MaxTagValue ? value : throw new FormatException($"{field} is {value.Length} characters, more than a tag holds ({ImportedValues.MaxTagValue})");
            }
            else if (field.StartsWith("metrics.", StringComparison.Ordinal))
            {
                var key = field[8..];
                var dot = key.IndexOf('.');
                if (!SpreadsheetValues.TryNumber(value, out var metricValue))
                {
                    throw new FormatException($"the metric {key} '{value}' is not a number");
                }
                if (!metrics.TryGetValue(key[..dot], out var split))
                {
                    metrics[key[..dot]] = split = new SortedDictionary<string, double>(StringComparer.Ordinal);
                }
                split[key[(dot + 1)..]] = metricValue;
            }
        }

        var (artifactPath, missing) = Artifact(Get("artifact"), fields);
        var runId = Get("run_id");
        return new VersionImport
        {
            Version = version,
            Where = where,
            CreatedAt = ImportedValues.Timestamp(created ?? now),
            Description = Get("description"),
            Params = parameters,
            Metrics = metrics,
            Data = dataSha is null && cutoff is null && Get("data.source") is null && rows is null ? null
                : new DataLineage { Sha256 = dataSha, Cutoff = cutoff is { } c ? (c.TimeOfDay == TimeSpan.Zero ? c.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ImportedValues.Timestamp(c)) : null, Source = Get("data.source"), Rows = rows },
            Preprocessing = Get("preprocessing.version") is null && prepCommit is null ? null : new Preprocessing { Version = Get("preprocessing.version"), CodeCommit = prepCommit },
            CodeCommit = codeCommit,
            Tags = tags,
            Run = runId is null ? null : new RunInfo { Id = runId, Uri = Get("run_uri") },
            Record = new ImportRecord { From = "csv", Location = Path.GetFullPath(options.FilePath), Record = where, Author = Get("author"), Fields = fields },
            Stage = Get("stage") ?? StageName.None,
            ArtifactPath = artifactPath,
            MissingArtifact = missing,
            ReportMissingArtifact = !options.NoArtifact,
            ArtifactFormat = format,
        };
    }

    /// <summary>The cell's model file: a path relative to the sheet or a file: URI (which must exist); another URI is kept as text with the placeholder.</summary>
    private (string? Path, string? Missing) Artifact(string? cell, SortedDictionary<string, string> fields)
    {
        if (options.NoArtifact)
        {
            return (null, "the sheet has no model files (--no-artifact)");
        }
        if (cell is null)
        {
            return (null, "the row names no model file");
        }
        // The cell as written, so that an export gives the sheet back.
        fields["artifact"] = cell;
        string path;
        if (cell.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(cell, UriKind.Absolute, out var uri))
        {
            path = uri.LocalPath;
        }
        else if (Scheme().IsMatch(cell))
        {
            return (null, $"its artifact {cell} is not a file on this machine (kept in imported.fields.artifact)");
        }
        else
        {
            path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.FilePath))!, cell));
        }
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FormatException($"its artifact {path} does not exist");
        }
        return (path, null);
    }

    /// <summary>A parameter: a number written with a decimal comma in a ';' sheet is read as the number; otherwise as <see cref="ImportedValues.Param"/>.</summary>
    private object Param(string text) =>
        sheet.Delimiter != ',' && DecimalComma().IsMatch(text) ? ImportedValues.Param(text.Replace(',', '.')) : ImportedValues.Param(text);

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index] : "";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]+:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^-?[0-9]+,[0-9]+$")]
    private static partial Regex DecimalComma();
}
