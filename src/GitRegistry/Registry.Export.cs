using System.Globalization;
using CsvHelper;
using GitRegistry.Export;
using GitRegistry.Import;
using GitRegistry.Reading;

namespace GitRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Writes one CSV row per version (lowest model name and version first): stage, aliases, created, code commit,
    /// data hash and every metric as a column by default, or the columns of <see cref="CsvExportOptions.Columns"/>
    /// under their headers. Returns the number of rows written.
    /// </summary>
    public int ExportCsv(CsvExportOptions options, TextWriter output)
    {
        var names = options.Models.Count > 0 ? options.Models.Select(ModelName.Validate).ToList() : ListModels().Select(m => m.Name).ToList();
        var versions = names.SelectMany(n => ListVersions(n, includeDeleted: options.IncludeDeleted).OrderBy(v => v.Version)).ToList();

        var columns = new List<(string Field, string Header)>();
        foreach (var (field, header) in options.Columns.Concat(options.Metrics.Select(m => new KeyValuePair<string, string>("metrics." + m.Key, m.Value))))
        {
            columns.Add((SheetFields.Validate(field, export: true), header));
        }
        if (columns.Count == 0)
        {
            columns.AddRange(new[] { "model", "version", "stage", "aliases", "created_at", "created_by", "description", "code_commit", "data.sha256" }.Select(f => (f, f)));
            if (options.IncludeDeleted)
            {
                columns.Add(("deleted", "deleted"));
            }
            columns.AddRange(versions.SelectMany(v => v.Manifest.Metrics.SelectMany(s => s.Value.Keys.Select(m => $"{s.Key}.{m}")))
                .Distinct().Order(StringComparer.Ordinal).Select(m => ("metrics." + m, m)));
            if (options.Params)
            {
                columns.AddRange(versions.SelectMany(v => v.Manifest.Params.Keys).Distinct().Order(StringComparer.Ordinal).Select(p => ("params." + p, "params." + p)));
            }
        }
        if (options.ImportedColumns)
        {
            var headers = columns.Select(c => c.Header).ToHashSet(StringComparer.Ordinal);
            foreach (var extra in versions.Where(v => v.Manifest.Imported?.From == "csv").SelectMany(v => v.Manifest.Imported!.Fields.Keys).Distinct())
            {
                if (extra != "artifact" && headers.Add(extra))
                {
                    columns.Add(("imported." + extra, extra));
                }
            }
        }

        using var writer = CsvWriter.Create(output, new CsvWriterOptions { Separator = options.Delimiter }, leaveOpen: true);
        writer.WriteHeader(columns.Select(c => c.Header).ToArray());
        foreach (var version in versions)
        {
            writer.WriteRecord(columns.Select(c => Cell(version, c.Field, options)).ToArray());
        }
        writer.Flush();
        return versions.Count;
    }

    private static string Cell(ModelVersionInfo version, string field, CsvExportOptions options)
    {
        var m = version.Manifest;
        string Number(double value)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return options.DecimalComma ? text.Replace('.', ',') : text;
        }
        if (field.StartsWith("metrics.", StringComparison.Ordinal))
        {
            var key = field[8..];
            var dot = key.IndexOf('.');
            return m.Metrics.TryGetValue(key[..dot], out var split) && split.TryGetValue(key[(dot + 1)..], out var value) ? Number(value) : "";
        }
        if (field.StartsWith("params.", StringComparison.Ordinal))
        {
            return m.Params.TryGetValue(field[7..], out var value) ? value switch
            {
                bool b => b ? "true" : "false",
                double d => Number(d),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            } : "";
        }
        if (field.StartsWith("tags.", StringComparison.Ordinal))
        {
            return version.State.Tags.GetValueOrDefault(field[5..]) ?? "";
        }
        if (field.StartsWith("imported.", StringComparison.Ordinal))
        {
            return m.Imported?.Fields.GetValueOrDefault(field[9..]) ?? "";
        }
        return field switch
        {
            "model" => m.Name,
            "version" => m.Version.ToString(CultureInfo.InvariantCulture),
            "stage" => version.Stage,
            "aliases" => string.Join(", ", version.Aliases),
            "created_at" => options.DateFormat is null ? m.CreatedAt
                : DateTimeOffset.Parse(m.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime.ToString(options.DateFormat, CultureInfo.InvariantCulture),
            "created_by" => m.CreatedBy.Email,
            "description" => version.Description ?? "",
            "author" => m.Imported?.Author ?? "",
            "code_commit" => m.CodeCommit ?? "",
            "run_id" => m.Run?.Id ?? "",
            "run_uri" => m.Run?.Uri ?? "",
            "data.sha256" => m.Data?.Sha256 ?? "",
            "data.cutoff" => m.Data?.Cutoff ?? "",
            "data.source" => m.Data?.Source ?? "",
            "data.rows" => m.Data?.Rows?.ToString(CultureInfo.InvariantCulture) ?? "",
            "preprocessing.version" => m.Preprocessing?.Version ?? "",
            "preprocessing.code_commit" => m.Preprocessing?.CodeCommit ?? "",
            // A sheet's own artifact cell when it came from one, so the sheet comes back as it was.
            "artifact" => m.Imported is { From: "csv" } imported && imported.Fields.TryGetValue("artifact", out var cell) ? cell : m.Artifact.Uri,
            "artifact.format" => m.Artifact.Format,
            "artifact.sha256" => m.Artifact.Sha256,
            "artifact.size" => m.Artifact.Size.ToString(CultureInfo.InvariantCulture),
            "deleted" => version.IsDeleted ? "true" : "",
            _ => "",
        };
    }
}
