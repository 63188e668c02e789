using FsCheck.Xunit;

namespace GitRegistry.Tests.Naming;

/// <summary>The name rules, checked against an independent reading of their documentation.</summary>
public sealed class NameRulesTests
{
    // The documented rule for model names, written out character by character rather than as a regex:
    // "1-64 characters: lowercase letters, digits, '_', '-' and '.', starting with a letter, digit or '_', without '..'".
    private static bool IsModelNameBySpec(string name) =>
        name.Length is >= 1 and <= 64
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.')
        && name[0] is not ('-' or '.')
        && !name.Contains("..", StringComparison.Ordinal);

    // Alias names: the model name rules, but not 'latest' and not 'v' followed by digits only.
    private static bool IsAliasBySpec(string alias) =>
        IsModelNameBySpec(alias)
        && alias != "latest"
        && !(alias.Length >= 2 && alias[0] == 'v' && alias[1..].All(c => c is >= '0' and <= '9'));

    // Stage names: a letter, then up to 31 letters, digits, '_' or '-'; never 'latest' (in any case).
    private static bool IsStageBySpec(string stage) =>
        stage.Length is >= 1 and <= 32
        && stage[0] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')
        && stage.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-')
        && !stage.Equals("latest", StringComparison.OrdinalIgnoreCase);

    [Property(Arbitrary = [typeof(NameGenerators)], MaxTest = 2000)]
    public bool ModelName_accepts_exactly_the_documented_names(NameCandidate candidate) =>
        ModelName.IsValid(candidate.Value) == IsModelNameBySpec(candidate.Value);

    [Property(Arbitrary = [typeof(NameGenerators)], MaxTest = 2000)]
    public bool AliasName_accepts_exactly_the_documented_aliases(NameCandidate candidate) =>
        AliasName.IsValid(candidate.Value) == IsAliasBySpec(candidate.Value);

    [Property(Arbitrary = [typeof(NameGenerators)], MaxTest = 2000)]
    public bool StageName_accepts_exactly_the_documented_stage_names(NameCandidate candidate) =>
        StageName.IsValid(candidate.Value) == IsStageBySpec(candidate.Value);

    [Property(Arbitrary = [typeof(NameGenerators)], MaxTest = 500)]
    public void ModelName_Validate_returns_valid_names_and_refuses_others_with_a_usage_error_naming_the_rule(NameCandidate candidate)
    {
        if (IsModelNameBySpec(candidate.Value))
        {
            Assert.Equal(candidate.Value, ModelName.Validate(candidate.Value));
            return;
        }
        var error = Assert.Throws<RegistryException>(() => ModelName.Validate(candidate.Value));
        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains(ModelName.Rule, error.Fix);
    }

    [Property(Arbitrary = [typeof(NameGenerators)], MaxTest = 500)]
    public void AliasName_Validate_refuses_invalid_aliases_with_a_usage_error_naming_the_reserved_words(NameCandidate candidate)
    {
        if (IsAliasBySpec(candidate.Value))
        {
            Assert.Equal(candidate.Value, AliasName.Validate(candidate.Value));
            return;
        }
        var error = Assert.Throws<RegistryException>(() => AliasName.Validate(candidate.Value));
        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("'latest' and 'v<digits>' are reserved", error.Fix);
    }

    [Theory]
    [InlineData("churn_predictor")]
    [InlineData("a")]
    [InlineData("_private")]
    [InlineData("0day")]
    [InlineData("model-v2.1")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void ModelName_accepts_documented_examples(string name) => Assert.True(ModelName.IsValid(name));

    [Theory]
    [InlineData("")]
    [InlineData("Churn")]
    [InlineData("-churn")]
    [InlineData(".churn")]
    [InlineData("a..b")]
    [InlineData("churn/../../etc")]
    [InlineData("churn\n")]
    [InlineData("churn predictor")]
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012345")]
    public void ModelName_refuses_names_that_could_escape_or_confuse_the_models_folder(string name) => Assert.False(ModelName.IsValid(name));

    [Theory]
    [InlineData("latest")]
    [InlineData("v1")]
    [InlineData("v0042")]
    public void AliasName_refuses_the_reserved_words(string alias) => Assert.False(AliasName.IsValid(alias));

    [Theory]
    [InlineData("champion")]
    [InlineData("v")]
    [InlineData("v1a")]
    [InlineData("latest2")]
    public void AliasName_accepts_names_that_only_resemble_reserved_words(string alias) => Assert.True(AliasName.IsValid(alias));
}
