using FsCheck.Xunit;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Tests.CrossTool;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Tests.Documents;

/// <summary>What the YAML writer produces reads back to the same values, in our reader and in js-yaml.</summary>
public sealed class YamlWritingTests : IDisposable
{
    private const string File = "models/m/model.yaml";

    // Strings that some YAML reader (1.1 or 1.2) would take for a number, boolean, null, date or something else.
    private static readonly string[] LookAlikeValues =
    [
        "1", "1.0", "-2", "+3", ".5", "1e3", "1E-3", "0x1F", "0o17", "017", "0b101", "1_000", "12:30", "1:20:30",
        "true", "False", "TRUE", "yes", "No", "on", "OFF", "y", "n", "Y",
        "null", "Null", "~", "", " ",
        ".inf", "-.Inf", ".nan",
        "2026-10-31", "2026-10-31T23:59:59Z", "2026-10-31 23:59:59",
        "- item", "[a]", "{a: b}", "a: b", "#comment", "&anchor", "*alias", "!tag", "|", ">", "%YAML", "@at", "`tick", "'quoted'", "\"quoted\"",
        "---", "...", " leading space", "trailing space ", "tab\there", "=", "<<",
    ];

    public static TheoryData<string> LookAlikes => new(LookAlikeValues);

    private readonly string _folder = TestEnvironment.NewTempFolder("yaml-");

    public void Dispose() => TestEnvironment.TryDelete(_folder);

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void A_string_that_looks_like_another_type_is_written_quoted_and_read_back_as_the_same_string(string value)
    {
        var yaml = DocumentSerializer.Write(DocumentKind.Model, Model(tags: new() { ["note"] = value }), File);

        var line = yaml.Split('\n').Single(l => l.TrimStart().StartsWith("note:", StringComparison.Ordinal));
        Assert.Matches("^\\s*note: [\"']", line);
        Assert.Equal(value, DocumentSerializer.Read<ModelState>(DocumentKind.Model, yaml, File).Tags["note"]);
    }

    [Fact]
    public void Js_yaml_reads_the_written_look_alikes_back_as_the_same_strings_in_both_its_schemas()
    {
        var tags = LookAlikeValues.Select((v, i) => (Key: $"t{i}", Value: v)).ToDictionary(t => t.Key, t => t.Value);
        var path = Path.Combine(_folder, "model.yaml");
        System.IO.File.WriteAllText(path, DocumentSerializer.Write(DocumentKind.Model, Model(tags: new(tags)), File));

        var (core, yaml11) = Ajv.Parse([path])[path];

        foreach (var (key, value) in tags)
        {
            Assert.Equal(value, core.GetProperty("tags").GetProperty(key).GetString());
            Assert.Equal(value, yaml11.GetProperty("tags").GetProperty(key).GetString());
        }
    }

    [Theory]
    [InlineData("numpy==2.1.0\nonnxruntime==1.19.2\n")]
    [InlineData("numpy==2.1.0\nonnxruntime==1.19.2")]
    [InlineData("numpy==2.1.0\n\n\n")]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData("\n\nnumpy==2.1.0\n")]
    [InlineData("\n  indented after a blank line\n")]
    [InlineData("  indented first line\nnext\n")]
    [InlineData("dependencies:\n  - python=3.11\n  - pip:\n    - torch==2.4\n")]
    [InlineData("# a comment line\n--- \n...\nkey: value\n")]
    [InlineData("trailing space \nnext\n")]
    [InlineData("tab\tinside\n\tleading tab\n")]
    [InlineData("windows\r\nline endings\r\n")]
    [InlineData("naïve 予測 😀\nnext\n")]
    [InlineData("\"quoted\"\n'single'\n\\backslash\n")]
    [InlineData("control \u0007 character\nnext\n")]
    [InlineData("colored \u001b[32mpip\u001b[0m output\nnext\n")]
    [InlineData("next line \u0085 character\nnext\n")]
    [InlineData("line separator \u2028 character\nnext\n")]
    public void Multi_line_dependency_content_round_trips_exactly(string content)
    {
        var manifest = Manifest(new Dependencies { FileName = "requirements.txt", Sha256 = new string('a', 64), Content = content });

        var yaml = DocumentSerializer.Write(DocumentKind.ModelVersion, manifest, "1.yaml");

        Assert.Equal(content, DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, yaml, "1.yaml").Dependencies!.Content);
    }

    [Fact]
    public void Plain_multi_line_content_is_written_as_a_literal_block_that_reads_well_in_a_diff()
    {
        var manifest = Manifest(new Dependencies { FileName = "requirements.txt", Sha256 = new string('a', 64), Content = "numpy==2.1.0\nonnxruntime==1.19.2\n" });

        var yaml = DocumentSerializer.Write(DocumentKind.ModelVersion, manifest, "1.yaml");

        Assert.Contains("  content: |\n    numpy==2.1.0\n    onnxruntime==1.19.2\n", yaml);
    }

    [Property(Arbitrary = [typeof(TextGenerators)], MaxTest = 300)]
    public void Any_text_in_a_description_or_tag_round_trips(YamlText text)
    {
        var model = Model(tags: new() { ["note"] = text.Value });
        model.Description = text.Value;

        var yaml = DocumentSerializer.Write(DocumentKind.Model, model, File);
        var read = DocumentSerializer.Read<ModelState>(DocumentKind.Model, yaml, File);

        Assert.Equal(text.Value, read.Description);
        Assert.Equal(text.Value, read.Tags["note"]);
    }

    [Fact]
    public void Js_yaml_reads_written_text_back_unchanged()
    {
        var texts = FsCheck.Fluent.Gen.Sample(TextGenerators.Texts().Generator, size: 30, numberOfSamples: 200).Select(t => t.Value).ToList();
        var paths = texts.Select((t, i) =>
        {
            var model = Model(tags: new() { ["note"] = t });
            model.Description = t;
            var path = Path.Combine(_folder, $"text-{i}.yaml");
            System.IO.File.WriteAllText(path, DocumentSerializer.Write(DocumentKind.Model, model, File));
            return path;
        }).ToList();

        var parsed = Ajv.Parse(paths);

        var differing = texts.Select((t, i) => (Text: new YamlText(t), Core: parsed[paths[i]].Core))
            .Where(x => x.Core.TryGetProperty("yamlError", out _) || x.Core.GetProperty("description").GetString() != x.Text.Value)
            .Select(x => x.Text.ToString())
            .ToList();
        Assert.True(differing.Count == 0, "js-yaml read these differently:\n" + string.Join("\n", differing));
    }

    [Fact]
    public void A_date_token_is_written_as_iso_8601()
    {
        var manifest = JObject.Parse(SchemaCatalog.Text(DocumentKind.ModelVersion))["examples"]![0]!;
        Assert.Equal(JTokenType.Date, manifest["created_at"]!.Type);

        var yaml = DocumentSerializer.Write(DocumentKind.ModelVersion, manifest, "7.yaml");

        Assert.Contains("created_at: \"2026-11-25T19:03:03Z\"\n", yaml);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_non_finite_metric_is_never_written(double value)
    {
        var manifest = Manifest(null, metrics: new() { ["test"] = new() { ["auc"] = value } });

        var error = Assert.ThrowsAny<RegistryException>(() => DocumentSerializer.Write(DocumentKind.ModelVersion, manifest, "1.yaml"));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(-0.0)]
    [InlineData(1e-300)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(0.30000000000000004)]
    public void A_metric_round_trips_to_the_same_double(double value)
    {
        var manifest = Manifest(null, metrics: new() { ["test"] = new() { ["auc"] = value } });

        var yaml = DocumentSerializer.Write(DocumentKind.ModelVersion, manifest, "1.yaml");

        Assert.Equal(value, DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, yaml, "1.yaml").Metrics["test"]["auc"]);
    }

    private static ModelState Model(SortedDictionary<string, string>? tags = null) => new()
    {
        Name = "m",
        Tags = tags ?? new(StringComparer.Ordinal),
        Versions = new() { [1] = new VersionState { Stage = "None" } },
    };

    private static ModelVersion Manifest(Dependencies? dependencies, SortedDictionary<string, SortedDictionary<string, double>>? metrics = null) => new()
    {
        Name = "m",
        Version = 1,
        CreatedAt = "2026-11-25T19:03:03Z",
        CreatedBy = new Person { Name = "Ada Lovelace", Email = "ada@example.com" },
        Artifact = new Artifact { Uri = "cas://sha256/" + new string('b', 64), Sha256 = new string('b', 64), Size = 3, Format = "onnx", FileName = "model.onnx" },
        Dependencies = dependencies,
        Metrics = metrics ?? new(StringComparer.Ordinal),
    };
}
