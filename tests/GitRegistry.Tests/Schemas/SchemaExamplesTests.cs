using GitRegistry.Documents;
using GitRegistry.Tests.CrossTool;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Tests.Schemas;

/// <summary>The schemas' own examples are valid, by our validator and by ajv; the library embeds the shipped files.</summary>
public sealed class SchemaExamplesTests : IDisposable
{
    private readonly string _folder = TestEnvironment.NewTempFolder("examples-");

    public static TheoryData<DocumentKind> Kinds => new(Enum.GetValues<DocumentKind>());

    public void Dispose() => TestEnvironment.TryDelete(_folder);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_example_in_a_schema_passes_our_validator(DocumentKind kind)
    {
        var examples = Examples(kind);

        Assert.NotEmpty(examples);
        Assert.All(examples, example => Assert.Empty(SchemaCatalog.Validate(kind, example, SchemaCatalog.FileName(kind))));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_example_in_a_schema_written_as_yaml_passes_ajv(DocumentKind kind)
    {
        var files = Examples(kind).Select((example, i) =>
        {
            var path = Path.Combine(_folder, $"{kind}-{i}.yaml");
            File.WriteAllText(path, DocumentSerializer.Write(kind, example, path));
            return (path, kind);
        }).ToList();

        var verdicts = Ajv.Validate(files);

        Assert.All(verdicts.Values, v => Assert.True(v.Valid, $"{v.File}: {v.YamlError} {string.Join("; ", v.Errors)}"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_library_validates_with_exactly_the_schema_file_in_the_repository(DocumentKind kind) =>
        Assert.Equal(File.ReadAllText(Ajv.SchemaFile(kind)), SchemaCatalog.Text(kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_property_of_a_schema_has_a_description(DocumentKind kind)
    {
        var schema = JObject.Parse(SchemaCatalog.Text(kind));
        var undocumented = schema.SelectTokens("$..properties").OfType<JObject>()
            .SelectMany(p => p.Properties())
            .Where(p => p.Value is JObject definition && definition["description"] is null)
            .Select(p => p.Path)
            .ToList();

        Assert.Empty(undocumented);
    }

    private static IReadOnlyList<JToken> Examples(DocumentKind kind) =>
        (JObject.Parse(SchemaCatalog.Text(kind))["examples"] as JArray ?? []).ToList();
}
