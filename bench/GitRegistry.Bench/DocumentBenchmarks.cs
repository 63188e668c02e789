using BenchmarkDotNet.Attributes;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Bench;

/// <summary>
/// In-process cost of reading one manifest of the scale fixture: YAML to tokens, the schema check (compiled, and
/// NJsonSchema's full validation for comparison), and the whole read gitreg does (parse + check + typed object).
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private string _manifest = "";
    private JToken _token = JValue.CreateNull();

    [GlobalSetup]
    public void Setup()
    {
        _manifest = MicroBenchmarks.Fixture.ManifestText;
        _token = DocumentSerializer.Parse(_manifest, "models/m/versions/3.yaml");
    }

    [Benchmark(Description = "manifest: YAML parse")]
    public JToken Parse() => DocumentSerializer.Parse(_manifest, "models/m/versions/3.yaml");

    [Benchmark(Description = "manifest: compiled schema check")]
    public bool CompiledCheck() => SchemaCatalog.PassesCompiledCheck(DocumentKind.ModelVersion, _token);

    [Benchmark(Description = "manifest: NJsonSchema validation (the fallback for invalid files)")]
    public int FullValidation() => SchemaCatalog.ValidateFully(DocumentKind.ModelVersion, _token, "models/m/versions/3.yaml").Count;

    [Benchmark(Description = "manifest: parse + validate + convert (DocumentSerializer.Read)")]
    public ModelVersion Read() => DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, _manifest, "models/m/versions/3.yaml");
}
