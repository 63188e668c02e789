namespace GitRegistry.Build.Tests;

public sealed class ModelCatalogSourceTests
{
    [Theory]
    [InlineData("churn_predictor", "ChurnPredictor")]
    [InlineData("fraud-detector.v2", "FraudDetectorV2")]
    [InlineData("2fast", "_2fast")]
    [InlineData("tenure_months", "TenureMonths")]
    public void Names_become_PascalCase_identifiers(string name, string identifier) =>
        Assert.Equal(identifier, ModelCatalogSource.Identifier(name, []));

    [Fact]
    public void Clashing_names_and_the_enclosing_class_name_get_a_number()
    {
        HashSet<string> used = ["ModelCatalog"];

        Assert.Equal("ModelCatalog2", ModelCatalogSource.Identifier("model_catalog", used));
        Assert.Equal("ChurnModel", ModelCatalogSource.Identifier("churn_model", used));
        Assert.Equal("ChurnModel2", ModelCatalogSource.Identifier("churn-model", used));
    }

    [Fact]
    public void Strings_are_escaped_and_a_version_or_alias_request_has_a_null_stage()
    {
        var source = ModelCatalogSource.Generate("Serving", "ModelCatalog",
            [new("churn", 3, "models:/churn@champion", null, new string('a', 64), new string('b', 40), "models/churn/a\"b.onnx", [new("x\\y", "double")], [])]);

        Assert.Contains("public const string? Stage = null;", source);
        Assert.Contains("public const string ArtifactPath = \"models/churn/a\\\"b.onnx\";", source);
        Assert.Contains("public const string XY = \"x\\\\y\";", source);
        Assert.Contains("#nullable enable", source);
    }
}
