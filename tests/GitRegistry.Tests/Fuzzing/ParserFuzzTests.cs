using FsCheck.Xunit;
using GitRegistry.Documents;
using GitRegistry.Manifests;

namespace GitRegistry.Tests.Fuzzing;

/// <summary>
/// Bounded fuzzing of the two parsers that read untrusted text: manifests and model URIs. Every input either
/// parses to something that passes its own checks, or is refused with a RegistryException; nothing else escapes.
/// </summary>
public sealed class ParserFuzzTests
{
    private const string Manifest = """
        name: churn_predictor
        version: 7
        created_at: "2026-11-25T19:03:03Z"
        created_by:
          name: "Ada Lovelace"
          email: "ada@example.com"
        params:
          learning_rate: 0.1
          num_trees: 200
          objective: binary
        metrics:
          test:
            auc_roc: 0.91
        data:
          sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
          cutoff: "2026-10-31"
        artifact:
          uri: "cas://sha256/2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
          sha256: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
          size: 1048576
          format: onnx
          file_name: model.onnx
        tags:
          team: growth

        """;

    private static readonly string[] Fragments =
        [":", "\n", "- ", " ", "  ", "&a ", "*a", "[", "]", "{", "}", "\"", "'", "!!binary ", "%YAML 1.1\n", "---\n", "...\n", "\t", "\0", "#", "|\n", ">\n",
         ".nan", "-.inf", "1e400", "0x1F", "~", "null", "yes", "\u202e", "é", "version: 8\n", "name: x\n", "<<: *a\n", "? ", "@", "`"];

    [Property(MaxTest = 3000)]
    public void Mutated_manifests_are_read_or_refused_with_a_registry_error(int seed)
    {
        var random = new Random(seed);
        var text = Manifest;
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(3) switch
            {
                0 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                1 when at < text.Length => text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at)),
                _ => text.Insert(at, ((char)random.Next(0, 0x3000)).ToString()),
            };
        }

        try
        {
            var manifest = DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, text, "models/churn_predictor/versions/7.yaml");
            // What parses must also write back and validate: the reader accepts nothing the writer would refuse.
            var written = DocumentSerializer.Write(DocumentKind.ModelVersion, manifest, "roundtrip.yaml");
            Assert.Equal(manifest.Artifact.Sha256, DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, written, "roundtrip.yaml").Artifact.Sha256);
        }
        catch (RegistryException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    private static readonly char[] UriAlphabet = "models:/@abcz019_-.LPSlatestv/ \n%\\é:@@//..".ToCharArray();

    [Property(MaxTest = 5000)]
    public void Any_text_either_parses_as_a_model_uri_that_round_trips_or_is_refused(int seed)
    {
        var random = new Random(seed);
        var text = random.Next(2) == 0 ? "models:/" : "";
        for (var i = random.Next(0, 24); i > 0; i--)
        {
            text += UriAlphabet[random.Next(UriAlphabet.Length)];
        }

        if (ModelUri.TryParse(text, out var uri, out var error))
        {
            Assert.True(ModelName.IsValid(uri.Name));
            Assert.Equal(uri, ModelUri.Parse(uri.ToString()));
            Assert.Equal(text, uri.ToString());
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(error));
            var refused = Assert.ThrowsAny<RegistryException>(() => ModelUri.Parse(text));
            Assert.Equal(ErrorKind.Usage, refused.Kind);
        }
    }
}
