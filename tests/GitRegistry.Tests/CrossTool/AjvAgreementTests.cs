using GitRegistry.Configuration;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Tests.Schemas;

namespace GitRegistry.Tests.CrossTool;

/// <summary>
/// The same files must get the same verdict from ajv (draft-07, the reference JSON Schema validator of the
/// JavaScript world) as from our validator: a file gitreg accepts is one any standard tool accepts, and back.
/// Left out on purpose, where the two differ by design or by a js-yaml quirk: anchors and aliases (we refuse
/// them, js-yaml expands them), and js-yaml's readings of 0b101 (a number) and +.5 (a string), which depart
/// from the YAML 1.2 core schema that both claim.
/// </summary>
public sealed class AjvAgreementTests : IDisposable
{
    private readonly string _folder = TestEnvironment.NewTempFolder("ajv-");

    // Hand-written scalars that YAML readers are known to type differently, each in an otherwise valid manifest.
    private static readonly (string Id, string Old, string New)[] ManifestSpellings =
    [
        ("version-hex", "version: 7", "version: 0x7"),
        ("version-octal", "version: 7", "version: 0o7"),
        ("version-plus-sign", "version: 7", "version: +7"),
        ("version-leading-zero", "version: 7", "version: 007"),
        ("version-integral-float", "version: 7", "version: 7.0"),
        ("version-exponent", "version: 7", "version: 7e0"),
        ("size-beyond-64-bits", "  size: 1048576", "  size: 99999999999999999999"),
        ("metric-overflowing-double", "    auc_roc: 0.91", "    auc_roc: 1e400"),
        ("metric-infinity", "    auc_roc: 0.91", "    auc_roc: .inf"),
        ("metric-negative-infinity", "    auc_roc: 0.91", "    auc_roc: -.Inf"),
        ("metric-nan", "    auc_roc: 0.91", "    auc_roc: .NaN"),
        ("metric-leading-dot", "    auc_roc: 0.91", "    auc_roc: .91"),
        ("metric-trailing-dot", "    auc_roc: 0.91", "    auc_roc: 1."),
        ("code-commit-all-digits", "code_commit: a1b2c3d4e5f6", "code_commit: 1234567"),
        ("code-commit-exponent-like", "code_commit: a1b2c3d4e5f6", "code_commit: 1234e56"),
        ("created-at-unquoted", "created_at: \"2026-11-25T19:03:03Z\"", "created_at: 2026-11-25T19:03:03Z"),
        ("cutoff-unquoted-date", "  cutoff: \"2026-10-31\"", "  cutoff: 2026-10-31"),
        ("preprocessing-version-float", "  version: \"1.4.2\"", "  version: 1.4"),
        ("preprocessing-version-dotted", "  version: \"1.4.2\"", "  version: 1.4.2"),
        ("tag-yes", "  team: growth", "  team: yes"),
        ("tag-on", "  team: growth", "  team: on"),
        ("tag-true", "  team: growth", "  team: true"),
        ("tag-true-capitalized", "  team: growth", "  team: True"),
        ("tag-null", "  team: growth", "  team: null"),
        ("tag-tilde", "  team: growth", "  team: ~"),
        ("tag-empty", "  team: growth", "  team:"),
        ("tag-quoted-empty", "  team: growth", "  team: \"\""),
        ("tag-str-tag", "  team: growth", "  team: !!str 5"),
        ("tag-numeric-key", "  team: growth", "  5: growth"),
        ("param-sexagesimal", "  num_trees: 200", "  num_trees: 1:20"),
        ("param-underscore", "  num_trees: 200", "  num_trees: 1_000"),
        ("optional-capital-false", "    optional: false", "    optional: FALSE"),
        ("optional-no", "    optional: false", "    optional: no"),
        ("file-name-200-astral-characters", "  file_name: model.onnx", "  file_name: " + string.Concat(Enumerable.Repeat("😀", 200))),
        ("description-10001-astral-characters", "description: Predicts which customers cancel within 30 days.", "description: " + string.Concat(Enumerable.Repeat("😀", 10001))),
        ("description-10001-combined-characters", "description: Predicts which customers cancel within 30 days.", "description: " + string.Concat(Enumerable.Repeat("e\u0301", 10001))),
        ("email-non-breaking-space", "  email: ada@example.com", "  email: \"ada\u00a0x@example.com\""),
        ("email-next-line-character", "  email: ada@example.com", "  email: \"ada\\Nx@example.com\""),
        ("email-byte-order-mark", "  email: ada@example.com", "  email: \"ada\\uFEFFx@example.com\""),
        ("duplicate-key", "version: 7", "version: 7\nversion: 7"),
        ("second-document", "version: 7", "version: 7\n---\nname: m"),
        ("windows-line-endings", "\n", "\r\n"),
        ("version-zero-float", "version: 7", "version: 0.0"),
        ("version-huge-float", "version: 7", "version: 1e9"),
        ("rows-beyond-64-bits", "  rows: 120000", "  rows: 1e19"),
    ];

    private static readonly (string Id, string Old, string New)[] ModelSpellings =
    [
        ("alias-integral-float", "  champion: 7", "  champion: 7.0"),
        ("alias-beyond-32-bits", "  champion: 7", "  champion: 99999999999"),
        ("alias-hex", "  champion: 7", "  champion: 0x7"),
    ];

    private static readonly (string Id, string Old, string New)[] RegistrySpellings =
    [
        ("format-integral-float", "format: 1", "format: 1.0"),
        ("exclusive-yes", "    exclusive: true", "    exclusive: yes"),
        ("exclusive-capital-true", "    exclusive: true", "    exclusive: TRUE"),
    ];

    public void Dispose() => TestEnvironment.TryDelete(_folder);

    [Fact]
    public void Ajv_reaches_our_verdict_on_every_valid_and_broken_schema_case()
    {
        var files = SchemaCorpus.All.Select(c => (Case: c, File: Write(c.Id, c.Yaml))).ToList();

        var verdicts = Ajv.Validate(files.Select(f => (f.File, f.Case.Kind)));

        var disagreements = files
            .Select(f => (f.Case.Id, Ours: OurVerdict(f.Case.Kind, f.Case.Yaml, f.Case.FileName), Theirs: verdicts[f.File]))
            .Where(d => d.Ours.Valid != d.Theirs.Valid)
            .Select(d => $"{d.Id}: ours {(d.Ours.Valid ? "valid" : "invalid")} ({d.Ours.Detail}), ajv {(d.Theirs.Valid ? "valid" : "invalid")} ({d.Theirs.YamlError ?? string.Join("; ", d.Theirs.Errors)})")
            .ToList();
        Assert.True(disagreements.Count == 0, "ajv and our validator disagree:\n" + string.Join("\n", disagreements));
        Assert.Equal(SchemaCorpus.All.Count(c => c.Valid), verdicts.Values.Count(v => v.Valid));
    }

    [Fact]
    public void Ajv_reaches_our_verdict_on_scalars_that_yaml_readers_type_differently()
    {
        var cases = ManifestSpellings.Select(c => (c.Id, Kind: DocumentKind.ModelVersion, Base: SchemaCorpus.Manifest, c.Old, c.New))
            .Concat(ModelSpellings.Select(c => (c.Id, Kind: DocumentKind.Model, Base: SchemaCorpus.Model, c.Old, c.New)))
            .Concat(RegistrySpellings.Select(c => (c.Id, Kind: DocumentKind.Registry, Base: SchemaCorpus.Registry, c.Old, c.New)));
        var files = cases.Select(c =>
        {
            var yaml = c.Id == "windows-line-endings" ? c.Base.ReplaceLineEndings("\r\n") : ReplaceOnce(c.Base, c.Old, c.New);
            return (c.Id, c.Kind, Yaml: yaml, File: Write("scalar-" + c.Id, yaml));
        }).ToList();

        var verdicts = Ajv.Validate(files.Select(f => (f.File, f.Kind)));

        var disagreements = files
            .Select(f => (f.Id, Ours: OurVerdict(f.Kind, f.Yaml, "file.yaml"), Theirs: verdicts[f.File]))
            .Where(d => d.Ours.Valid != d.Theirs.Valid)
            .Select(d => $"{d.Id}: ours {(d.Ours.Valid ? "valid" : "invalid")} ({d.Ours.Detail}), ajv {(d.Theirs.Valid ? "valid" : "invalid")} ({d.Theirs.YamlError ?? string.Join("; ", d.Theirs.Errors)})")
            .ToList();
        Assert.True(disagreements.Count == 0, "ajv and our validator disagree:\n" + string.Join("\n", disagreements));
    }

    [Fact]
    public void Without_its_node_packages_the_cross_check_says_to_run_npm_ci_in_its_folder()
    {
        var error = Assert.Throws<Xunit.Sdk.XunitException>(() => Ajv.EnsureInstalled(_folder));

        Assert.Contains("run 'npm ci' in tests/GitRegistry.Tests/ajv", error.Message);
    }

    private string Write(string id, string yaml)
    {
        var path = Path.Combine(_folder, id.Replace('/', '_') + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' is not in the base manifest");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    internal static (bool Valid, string Detail) OurVerdict(DocumentKind kind, string yaml, string file)
    {
        try
        {
            _ = kind switch
            {
                DocumentKind.Registry => (object)DocumentSerializer.Read<RegistryConfig>(kind, yaml, file),
                DocumentKind.Model => DocumentSerializer.Read<ModelState>(kind, yaml, file),
                _ => DocumentSerializer.Read<ModelVersion>(kind, yaml, file),
            };
            return (true, "read");
        }
        catch (DocumentException e)
        {
            return (false, e.Message.Length > 200 ? e.Message[..200] + "..." : e.Message);
        }
    }
}
