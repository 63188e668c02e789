using GitRegistry.Configuration;
using GitRegistry.Documents;
using GitRegistry.Manifests;

namespace GitRegistry.Tests.Schemas;

/// <summary>Each constraint of each schema, broken once: the reader refuses the file and says where and what.</summary>
public sealed class SchemaConstraintTests
{
    public static TheoryData<string> BrokenRegistryFiles => SchemaCorpus.BrokenIds(DocumentKind.Registry);

    public static TheoryData<string> BrokenModelFiles => SchemaCorpus.BrokenIds(DocumentKind.Model);

    public static TheoryData<string> BrokenManifests => SchemaCorpus.BrokenIds(DocumentKind.ModelVersion);

    public static TheoryData<string> ValidFiles => SchemaCorpus.ValidIds();

    [Theory]
    [MemberData(nameof(BrokenRegistryFiles))]
    public void A_registry_yaml_breaking_a_constraint_is_refused_naming_file_line_and_field(string id) => AssertRefused(SchemaCorpus.Get(id));

    [Theory]
    [MemberData(nameof(BrokenModelFiles))]
    public void A_model_yaml_breaking_a_constraint_is_refused_naming_file_line_and_field(string id) => AssertRefused(SchemaCorpus.Get(id));

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public void A_manifest_breaking_a_constraint_is_refused_naming_file_line_and_field(string id) => AssertRefused(SchemaCorpus.Get(id));

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_file_is_read_without_problems(string id)
    {
        var file = SchemaCorpus.Get(id);
        Assert.Empty(SchemaCatalog.Validate(file.Kind, DocumentSerializer.Parse(file.Yaml, file.FileName), file.FileName));
        Assert.NotNull(Read(file));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var yaml = SchemaCorpus.Manifest
            .Replace("version: 7", "version: 0", StringComparison.Ordinal)
            .Replace("  format: onnx", "  format: tflite", StringComparison.Ordinal)
            .Replace("  email: ada@example.com", "  email: nobody", StringComparison.Ordinal);

        var error = Assert.Throws<DocumentException>(() => DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, yaml, "7.yaml"));

        Assert.Equal(["version", "created_by.email", "artifact.format"], error.Problems.Select(p => p.Field));
        Assert.StartsWith("3 problems:", error.Message);
    }

    [Fact]
    public void A_problem_reads_as_file_line_field_message_and_fix()
    {
        var yaml = SchemaCorpus.Manifest.Replace("  format: onnx", "  format: tflite", StringComparison.Ordinal);

        var error = Assert.Throws<DocumentException>(() => DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, yaml, "models/m/versions/7.yaml"));

        Assert.Equal(
            "models/m/versions/7.yaml:32: artifact.format: 'tflite' is not one of the allowed values Fix: use one of: onnx, mlnet, pickle, savedmodel, other",
            error.Message);
    }

    [Fact]
    public void A_pattern_problem_shows_the_pattern_as_the_schema_file_writes_it()
    {
        var yaml = SchemaCorpus.Manifest.Replace("code_commit: a1b2c3d4e5f6", "code_commit: xyz", StringComparison.Ordinal);

        var error = Assert.Throws<DocumentException>(() => DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, yaml, "7.yaml"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("^[0-9a-f]{7,64}$", problem.Fix);
    }

    [Theory]
    [InlineData("version: 7", "version: \"7\"", "write an integer")]
    [InlineData("  rows: 120000", "  rows: many", "write an integer")]
    [InlineData("    auc_roc: 0.91", "    auc_roc: high", "write a number")]
    [InlineData("    optional: false", "    optional: \"no\"", "write a boolean")]
    [InlineData("  inputs:\n  - name: tenure\n    type: float\n    shape: [-1, 3]\n    optional: false\n", "  inputs: {}\n", "write an array")]
    public void A_type_problem_says_which_type_to_write(string old, string replacement, string fix)
    {
        var yaml = SchemaCorpus.Manifest.Replace(old, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<DocumentException>(() => DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, yaml, "7.yaml"));

        Assert.StartsWith(fix + " (", Assert.Single(error.Problems).Fix);
    }

    internal static object Read(SchemaCase file) => file.Kind switch
    {
        DocumentKind.Registry => DocumentSerializer.Read<RegistryConfig>(file.Kind, file.Yaml, file.FileName),
        DocumentKind.Model => DocumentSerializer.Read<ModelState>(file.Kind, file.Yaml, file.FileName),
        _ => DocumentSerializer.Read<ModelVersion>(file.Kind, file.Yaml, file.FileName),
    };

    private static void AssertRefused(SchemaCase file)
    {
        var error = Assert.Throws<DocumentException>(() => Read(file));
        var problems = string.Join("\n", error.Problems.Select(p => $"  line {p.Line}, field '{p.Field}': {p.Message} / {p.Fix}"));
        var problem = error.Problems.FirstOrDefault(p => p.Field == file.Field)
            ?? throw new Xunit.Sdk.XunitException($"no problem names the field '{file.Field}'; the problems were:\n{problems}");
        Assert.Equal(file.FileName, problem.File);
        Assert.True(file.Line == problem.Line, $"expected the problem at line {file.Line}, got line {problem.Line}:\n{problems}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.False(string.IsNullOrWhiteSpace(problem.Fix), $"the problem has no fix:\n{problems}");
        Assert.Contains($"{file.FileName}:{file.Line}:", error.Message);
    }
}
