using GitRegistry.Documents;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Tests.Schemas;

/// <summary>
/// The compiled check that passes valid files fast (<see cref="SchemaCheck"/>) must pass the valid files, and
/// must never pass a file NJsonSchema refuses: its "yes" is final, so a laxer check would let broken files in.
/// </summary>
public sealed class CompiledSchemaCheckTests
{
    public static TheoryData<string> ValidFiles => SchemaCorpus.ValidIds();

    // Replacement values for every field in turn: wrong types, edge lengths, nulls, numbers written as floats.
    private static readonly JToken[] Replacements =
    [
        JValue.CreateNull(), new JValue(""), new JValue("x"), new JValue("x\n"), new JValue(" "), new JValue(-1L), new JValue(0L),
        new JValue(1L), new JValue(7.0), new JValue(0.5), new JValue(1e300), new JValue(long.MaxValue), new JValue(true),
        new JValue(new string('a', 300)), new JValue(string.Concat(Enumerable.Repeat("😀", 200))), new JValue(new string('a', 70)),
        new JValue("2026-11-25T19:03:03Z"), new JValue("Production"), new JValue("a@b"), new JObject(), new JArray(),
        new JObject(new JProperty("unknown", 1L)), new JArray(new JValue(1L)), new JValue("none:"),
    ];

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_file_passes_the_compiled_check_alone(string id)
    {
        var file = SchemaCorpus.Get(id);

        Assert.True(SchemaCatalog.PassesCompiledCheck(file.Kind, DocumentSerializer.Parse(file.Yaml, file.FileName)));
    }

    [Fact]
    public void The_compiled_check_passes_no_broken_corpus_file()
    {
        var passed = SchemaCorpus.All.Where(c => !c.Valid && IsYaml(c))
            .Where(c => SchemaCatalog.PassesCompiledCheck(c.Kind, DocumentSerializer.Parse(c.Yaml, c.FileName)))
            .Select(c => c.Id).ToList();

        Assert.Empty(passed);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Every_field_replaced_by_an_odd_value_passes_the_compiled_check_only_when_njsonschema_passes_it(string id)
    {
        var file = SchemaCorpus.Get(id);
        var original = DocumentSerializer.Parse(file.Yaml, file.FileName);
        var laxer = new List<string>();

        foreach (var path in original.SelectTokens("..*").Select(t => t.Path).Append("").Distinct().ToList())
        {
            foreach (var replacement in Replacements)
            {
                var document = original.DeepClone();
                if (path.Length == 0 || document.SelectToken(path) is not { } target)
                {
                    continue;
                }
                target.Replace(replacement.DeepClone());
                if (SchemaCatalog.PassesCompiledCheck(file.Kind, document) && SchemaCatalog.ValidateFully(file.Kind, document, file.FileName).Count > 0)
                {
                    laxer.Add($"{path} = {replacement.ToString(Newtonsoft.Json.Formatting.None)}");
                }
            }
        }

        Assert.Empty(laxer);
    }

    private static bool IsYaml(SchemaCase c)
    {
        try
        {
            DocumentSerializer.Parse(c.Yaml, c.FileName);
            return true;
        }
        catch (DocumentException)
        {
            return false;
        }
    }
}
