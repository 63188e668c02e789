using GitRegistry.Documents;
using GitRegistry.Manifests;

namespace GitRegistry.Tests.Documents;

/// <summary>What the YAML reader refuses outright, before any schema check, and how it says so.</summary>
public sealed class YamlReadingTests
{
    private const string File = "models/m/model.yaml";

    [Fact]
    public void A_duplicate_key_is_refused_naming_the_key_and_the_line_of_its_second_use()
    {
        var problem = Refused("name: m\nversions: {}\nname: n\n");

        Assert.Equal((File, 3, "name"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("'name' appears twice", problem.Message);
    }

    [Fact]
    public void A_duplicate_nested_key_is_refused_with_its_full_path()
    {
        var problem = Refused("name: m\nversions:\n  \"1\":\n    stage: None\n  \"1\":\n    stage: Production\n");

        Assert.Equal((5, "versions.1"), (problem.Line, problem.Field));
    }

    [Fact]
    public void A_key_spelled_once_quoted_and_once_plain_is_still_a_duplicate()
    {
        var problem = Refused("name: m\nversions:\n  \"1\": {stage: None}\n  1: {stage: Production}\n");

        Assert.Contains("appears twice", problem.Message);
    }

    [Fact]
    public void An_anchor_is_refused_naming_it_and_its_line()
    {
        var problem = Refused("name: m\nversions:\n  \"1\": &state {stage: None}\n");

        Assert.Equal((3, "versions.1"), (problem.Line, problem.Field));
        Assert.Contains("anchor '&state'", problem.Message);
        Assert.Contains("anchors and aliases", problem.Fix);
    }

    [Fact]
    public void An_alias_expansion_bomb_is_refused_at_its_first_anchor()
    {
        // "Billion laughs": nine levels of ten aliases each would expand to 10^9 strings.
        var text = new System.Text.StringBuilder("name: m\nversions: {}\ntags:\n  a: &a \"lol\"\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = (char)('a' + level - 1);
            text.Append($"  {(char)('a' + level)}: &{(char)('a' + level)} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]\n");
        }

        var problem = Refused(text.ToString());

        Assert.Equal(4, problem.Line);
        Assert.Contains("anchor '&a'", problem.Message);
    }

    [Fact]
    public void An_alias_to_an_undefined_anchor_is_refused()
    {
        var error = Assert.Throws<DocumentException>(() => DocumentSerializer.Parse("name: m\nversions: *states\n", File));

        Assert.Equal(2, Assert.Single(error.Problems).Line);
    }

    [Fact]
    public void A_merge_key_is_refused_because_it_needs_an_alias()
    {
        var problem = Refused("name: m\nversions:\n  \"1\":\n    <<: *base\n");

        Assert.Equal(4, problem.Line);
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".NaN")]
    [InlineData(".NAN")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    [InlineData("+.Inf")]
    [InlineData("-.INF")]
    [InlineData("1e400")]
    [InlineData("-1e999")]
    public void A_non_finite_number_is_refused(string value)
    {
        var yaml = SchemaCorpusManifestWith("    auc_roc: 0.91", $"    auc_roc: {value}");

        var error = Assert.Throws<DocumentException>(() => DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, yaml, "7.yaml"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((17, "metrics.test.auc_roc"), (problem.Line, problem.Field));
        Assert.Contains("finite number", problem.Message);
    }

    [Fact]
    public void A_quoted_nan_is_an_ordinary_string()
    {
        var state = DocumentSerializer.Read<ModelState>(DocumentKind.Model, "name: m\nversions: {}\ntags:\n  note: \".nan\"\n", File);

        Assert.Equal(".nan", state.Tags["note"]);
    }

    [Fact]
    public void A_second_document_is_refused_at_its_separator()
    {
        var problem = Refused("name: m\nversions: {}\n---\nname: n\nversions: {}\n");

        Assert.Equal(3, problem.Line);
        Assert.Contains("more than one YAML document", problem.Message);
    }

    [Fact]
    public void Explicit_document_start_and_end_markers_around_one_document_are_fine()
    {
        var state = DocumentSerializer.Read<ModelState>(DocumentKind.Model, "---\nname: m\nversions: {}\n...\n", File);

        Assert.Equal("m", state.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void An_empty_file_is_refused(string yaml)
    {
        var problem = Refused(yaml);

        Assert.Contains("empty", problem.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_being_parsed()
    {
        var yaml = "name: m\nversions: {}\ndescription: \"" + new string('x', YamlReader.MaxBytes) + "\"\n";

        var problem = Refused(yaml);

        Assert.Equal((0, ""), (problem.Line, problem.Field));
        Assert.Contains("MiB a registry file may be", problem.Message);
    }

    [Fact]
    public void A_file_just_under_the_size_limit_is_read()
    {
        var header = "name: m\nversions: {}\ndescription: \"";
        var yaml = header + new string('x', YamlReader.MaxBytes - header.Length - 2) + "\"\n";

        var error = Assert.Throws<DocumentException>(() => DocumentSerializer.Read<ModelState>(DocumentKind.Model, yaml, File));

        // Read, then refused by the schema (description is at most 20000 characters), not by the size check.
        Assert.Equal("description", Assert.Single(error.Problems).Field);
    }

    [Fact]
    public void A_key_that_is_not_a_scalar_is_refused()
    {
        var problem = Refused("name: m\nversions: {}\n? [a, b]\n: c\n");

        Assert.Equal(3, problem.Line);
        Assert.Contains("key that is not a plain text", problem.Message);
    }

    [Fact]
    public void Broken_yaml_syntax_is_refused_with_the_line_of_the_error()
    {
        var problem = Refused("name: m\nversions: {}\ndescription: \"never closed\ntags: {}\n");

        Assert.True(problem.Line >= 3, $"line {problem.Line}");
        Assert.Contains("is not valid YAML", problem.Message);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_refused_by_the_schema()
    {
        var error = Assert.Throws<DocumentException>(() => DocumentSerializer.Read<ModelState>(DocumentKind.Model, "- name: m\n", File));

        Assert.Contains(error.Problems, p => p.Field == "" && p.Message.Contains("wrong type (array)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0x1F", 31)]
    [InlineData("0o17", 15)]
    [InlineData("017", 17)]
    [InlineData("+12", 12)]
    [InlineData("-0", 0)]
    public void Integers_are_read_as_yaml_1_2_core_spells_them(string text, long expected)
    {
        var token = DocumentSerializer.Parse($"v: {text}\n", File);

        Assert.Equal(expected, (long)token["v"]!);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("2026-10-31")]
    [InlineData("1_000")]
    [InlineData("1:20")]
    [InlineData("0b101")]
    [InlineData("1.4.2")]
    public void Plain_scalars_that_only_yaml_1_1_types_stay_strings(string text)
    {
        var token = DocumentSerializer.Parse($"v: {text}\n", File);

        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.String, token["v"]!.Type);
        Assert.Equal(text, (string?)token["v"]);
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        var state = DocumentSerializer.Read<ModelState>(DocumentKind.Model, "name: m\r\nversions:\r\n  \"1\":\r\n    stage: None\r\n", File);

        Assert.Equal("None", state.Versions[1].Stage);
    }

    private static DocumentProblem Refused(string yaml)
    {
        var error = Assert.Throws<DocumentException>(() => DocumentSerializer.Read<ModelState>(DocumentKind.Model, yaml, File));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(File, problem.File);
        Assert.False(string.IsNullOrWhiteSpace(problem.Fix));
        return problem;
    }

    private static string SchemaCorpusManifestWith(string old, string replacement)
    {
        var manifest = Schemas.SchemaCorpus.Manifest;
        Assert.Contains(old, manifest);
        return manifest.Replace(old, replacement, StringComparison.Ordinal);
    }
}
