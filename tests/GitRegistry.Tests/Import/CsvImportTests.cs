using System.Text;
using GitRegistry.Export;
using GitRegistry.Import;
using GitRegistry.Manifests;
using GitRegistry.Tests.Signing;

namespace GitRegistry.Tests.Import;

/// <summary>A spreadsheet registry, with the usual habits, imported into a real registry and exported back.</summary>
[Collection(RegistrySigningCollection.Name)]
public sealed class CsvImportTests(RegistrySigningEnvironment environment)
{
    /// <summary>';' delimited with decimal commas, a byte-order mark, CRLF, header spelling that differs from the mapping, three date forms, empty rows, bad rows and a duplicate.</summary>
    private const string Sheet =
        "Model version;Git-Hash ;Training date;AUC;Log loss;Max depth;Artifact;Notes;Stage\r\n" +
        "1;A1B2C3D;2024-03-01;0,91;0,31;6;models/v1.onnx;baseline;Archived\r\n" +
        "2;b2c3d4e5;15.03.2024;0,925;0,29;8;models/v2;;Production\r\n" +
        ";;;;;;;;\r\n" +
        "3;c3d4e5f6;03/20/2024 14:30;0,93;;10;s3://bucket/churn/v3.onnx;\"tuned; longer\";Staging\r\n" +
        "abc;d4e5f6a7;2024-04-01;0,9;;;models/v1.onnx;;\r\n" +
        "4;e5f6a7b8;someday;0,9;;;models/v1.onnx;;\r\n" +
        "\r\n" +
        "v5;f6a7b8c9;2024-04-20;91%;;;models/v1.onnx;;\r\n" +
        "2;a7b8c9d0;2024-05-01;0,94;;;models/v1.onnx;dup;\r\n";

    private static readonly KeyValuePair<string, string>[] Columns =
    [
        new("version", "model VERSION"), new("code_commit", "Git hash"), new("created_at", "Training date"), new("params.max_depth", "Max depth"),
        new("artifact", "Artifact"), new("stage", "Stage"),
    ];

    private static readonly KeyValuePair<string, string>[] Metrics = [new("test.auc_roc", "AUC"), new("test.log_loss", "Log loss")];

    [Fact]
    public void Rows_become_versions_with_every_field_and_unusable_rows_are_reported_by_number()
    {
        var (sheet, registry) = SheetAndRegistry();
        using var _ = registry;

        var report = registry.ImportCsv(new CsvImportOptions { FilePath = sheet, Model = "churn", Columns = Columns, Metrics = Metrics });

        var model = registry.GetModel("churn");
        Assert.Equal([1, 2, 3, 5], model.Versions.Keys);
        Assert.Equal(("csv", sheet), (model.Imported!.From, model.Imported.Location));
        Assert.Equal(["Archived", "Production", "Staging", "None"], model.Versions.Values.Select(v => v.Stage));
        var v1 = registry.GetVersion("churn", 1).Manifest;
        Assert.Equal("2024-03-01T00:00:00Z", v1.CreatedAt);
        Assert.Equal(RegistrySigningEnvironment.Email, v1.CreatedBy.Email);
        Assert.Equal("a1b2c3d", v1.CodeCommit);
        Assert.Equal(0.91, v1.Metrics["test"]["auc_roc"]);
        Assert.Equal(0.31, v1.Metrics["test"]["log_loss"]);
        Assert.Equal(6L, v1.Params["max_depth"]);
        Assert.Equal("v1.onnx", v1.Artifact.FileName);
        Assert.Equal("onnx", v1.Artifact.Format);
        Assert.Equal(new SortedDictionary<string, string> { ["Notes"] = "baseline", ["artifact"] = "models/v1.onnx" }, v1.Imported!.Fields);
        Assert.Equal("csv", v1.Imported.From);
        Assert.Equal("row 2", v1.Imported.Record);
        Assert.Equal(sheet, v1.Imported.Location);
        var v2 = registry.GetVersion("churn", 2).Manifest;
        Assert.Equal("2024-03-15T00:00:00Z", v2.CreatedAt);
        Assert.Equal(0.925, v2.Metrics["test"]["auc_roc"]);
        Assert.Equal("v2.tar", v2.Artifact.FileName);
        var v3 = registry.GetVersion("churn", 3).Manifest;
        Assert.Equal("2024-03-20T14:30:00Z", v3.CreatedAt);
        Assert.True(v3.Artifact.IsPlaceholder());
        Assert.Equal("tuned; longer", v3.Imported!.Fields["Notes"]);
        Assert.Equal("s3://bucket/churn/v3.onnx", v3.Imported.Fields["artifact"]);
        Assert.False(v3.Metrics["test"].ContainsKey("log_loss"));
        Assert.Equal(0.91, registry.GetVersion("churn", 5).Manifest.Metrics["test"]["auc_roc"]);

        Assert.Equal(["row 6", "row 7", "row 10"], report.Skipped.Select(s => s.Where));
        Assert.Contains("'abc'", report.Skipped[0].Message);
        Assert.Contains("'someday'", report.Skipped[1].Message);
        Assert.Contains("row 3", report.Skipped[2].Message);
        Assert.Contains(report.Unmapped, n => n.Message.Contains("'Notes'"));
        Assert.Contains(report.Unmapped, n => n.Message.Contains("2 empty rows"));
        Assert.Contains(report.Unmapped, n => n.Where == "row 5" && n.Message.Contains("s3://bucket/churn/v3.onnx"));
        Assert.Empty(registry.Validate());
        Assert.True(registry.Verify().Passed);

        var again = registry.ImportCsv(new CsvImportOptions { FilePath = sheet, Model = "churn", Columns = Columns, Metrics = Metrics });
        Assert.True(again.NothingNew);
        Assert.Equal([1, 2, 3, 5], again.Models.Single().AlreadyImported);
    }

    [Fact]
    public void Export_with_the_import_mapping_gives_the_sheet_back_and_imports_to_the_same_versions()
    {
        var (sheet, registry) = SheetAndRegistry();
        using var _ = registry;
        registry.ImportCsv(new CsvImportOptions { FilePath = sheet, Model = "churn", Columns = Columns, Metrics = Metrics });

        var exported = Path.Combine(Path.GetDirectoryName(sheet)!, "exported.csv");
        using (var writer = new StreamWriter(exported, false, new UTF8Encoding(false)))
        {
            registry.ExportCsv(new CsvExportOptions { Models = ["churn"], Columns = Columns, Metrics = Metrics, Delimiter = ';', DecimalComma = true }, writer);
        }

        var lines = File.ReadAllLines(exported);
        Assert.Equal("model VERSION;Git hash;Training date;Max depth;Artifact;Stage;AUC;Log loss;Notes", lines[0]);
        Assert.Equal("1;a1b2c3d;2024-03-01T00:00:00Z;6;models/v1.onnx;Archived;0,91;0,31;baseline", lines[1]);
        Assert.Equal("2;b2c3d4e5;2024-03-15T00:00:00Z;8;models/v2;Production;0,925;0,29;", lines[2]);
        Assert.Equal("3;c3d4e5f6;2024-03-20T14:30:00Z;10;s3://bucket/churn/v3.onnx;Staging;0,93;;tuned; longer".Replace("tuned; longer", "\"tuned; longer\""), lines[3]);
        Assert.Equal("5;f6a7b8c9;2024-04-20T00:00:00Z;;models/v1.onnx;None;0,91;;", lines[4]);
        Assert.Equal(5, lines.Length);

        using var second = Registry.Init(Path.Combine(environment.Signing.NewFolder("second"), "registry"), approvals: 0);
        second.ImportCsv(new CsvImportOptions { FilePath = exported, Model = "churn", Columns = Columns, Metrics = Metrics });
        foreach (var version in new[] { 1, 2, 3, 5 })
        {
            var before = registry.GetVersion("churn", version);
            var after = second.GetVersion("churn", version);
            Assert.Equal(before.Stage, after.Stage);
            Assert.Equal(before.Manifest.CreatedAt, after.Manifest.CreatedAt);
            Assert.Equal(before.Manifest.CodeCommit, after.Manifest.CodeCommit);
            Assert.Equal(before.Manifest.Params, after.Manifest.Params);
            Assert.Equal(before.Manifest.Metrics, after.Manifest.Metrics);
            Assert.Equal(before.Manifest.Artifact.Sha256, after.Manifest.Artifact.Sha256);
            Assert.Equal(before.Manifest.Imported!.Fields, after.Manifest.Imported!.Fields);
        }
    }

    [Fact]
    public void Default_export_has_stage_aliases_created_commit_data_hash_and_every_metric()
    {
        var (sheet, registry) = SheetAndRegistry();
        using var _ = registry;
        registry.ImportCsv(new CsvImportOptions { FilePath = sheet, Model = "churn", Columns = Columns, Metrics = Metrics });
        registry.SetAlias("churn", "champion", 2);

        var text = new StringWriter();
        var rows = registry.ExportCsv(new CsvExportOptions { ImportedColumns = false }, text);

        var lines = text.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows);
        Assert.Equal("model,version,stage,aliases,created_at,created_by,description,code_commit,data.sha256,test.auc_roc,test.log_loss", lines[0]);
        Assert.Equal($"churn,2,Production,champion,2024-03-15T00:00:00Z,{RegistrySigningEnvironment.Email},,b2c3d4e5,,0.925,0.29", lines[2]);
    }

    [Fact]
    public void A_sheet_without_an_artifact_column_needs_no_artifact_said_out_loud()
    {
        var (sheet, registry) = SheetAndRegistry();
        using var _ = registry;
        KeyValuePair<string, string>[] withoutArtifact = [new("version", "Model version"), new("created_at", "Training date")];

        var error = Assert.Throws<RegistryException>(() => registry.ImportCsv(new CsvImportOptions { FilePath = sheet, Model = "churn", Columns = withoutArtifact }));
        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("--no-artifact", error.Fix);

        registry.ImportCsv(new CsvImportOptions { FilePath = sheet, Model = "churn", Columns = withoutArtifact, NoArtifact = true });
        var manifest = registry.GetVersion("churn", 1).Manifest;
        Assert.Equal(Artifact.NoneUri, manifest.Artifact.Uri);
        Assert.Equal(0, manifest.Artifact.Size);
        Assert.Empty(registry.Validate());
    }

    [Fact]
    public void A_header_that_is_not_in_the_sheet_is_a_usage_error_listing_the_columns()
    {
        var (sheet, registry) = SheetAndRegistry();
        using var _ = registry;

        var error = Assert.Throws<RegistryException>(() => registry.ImportCsv(new CsvImportOptions
        {
            FilePath = sheet, Model = "churn", NoArtifact = true, Columns = [new("version", "Version number")],
        }));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("'Version number'", error.Message);
        Assert.Contains("'Model version'", error.Fix);
    }

    private (string Sheet, Registry Registry) SheetAndRegistry()
    {
        var folder = environment.Signing.NewFolder("sheet");
        Directory.CreateDirectory(Path.Combine(folder, "models", "v2"));
        File.WriteAllText(Path.Combine(folder, "models", "v1.onnx"), "onnx model one");
        File.WriteAllText(Path.Combine(folder, "models", "v2", "model.onnx"), "onnx model two");
        File.WriteAllText(Path.Combine(folder, "models", "v2", "requirements.txt"), "onnxruntime==1.19.2\n");
        var sheet = Path.Combine(folder, "registry.csv");
        File.WriteAllText(sheet, Sheet, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return (sheet, Registry.Init(Path.Combine(environment.Signing.NewFolder("registry"), "registry"), approvals: 0));
    }
}
