using FsCheck.Xunit;

namespace GitRegistry.Tests.Uris;

/// <summary>Model URIs in MLflow's four forms: they parse to what they say, print back the same, and fail only with usage errors.</summary>
public sealed class ModelUriTests
{
    [Property(Arbitrary = [typeof(UriGenerators)], MaxTest = 1000)]
    public bool A_valid_uri_parses_back_from_its_text(ModelUri uri) => ModelUri.Parse(uri.ToString()) == uri;

    [Property(Arbitrary = [typeof(UriGenerators)], MaxTest = 2000)]
    public void An_invalid_uri_fails_only_with_a_usage_error_that_shows_the_accepted_forms(UriCandidate candidate)
    {
        ModelUri parsed;
        try
        {
            parsed = ModelUri.Parse(candidate.Value!);
        }
        catch (RegistryException e)
        {
            Assert.Equal(ErrorKind.Usage, e.Kind);
            Assert.Contains("models:/NAME/VERSION", e.Fix);
            Assert.False(ModelUri.TryParse(candidate.Value, out _, out var error));
            Assert.NotEmpty(error);
            return;
        }
        // Whatever parses is a valid URI that prints back to the text it came from.
        Assert.True(ModelName.IsValid(parsed.Name));
        Assert.Equal(candidate.Value, parsed.ToString());
    }

    [Theory]
    [InlineData("models:/churn/7", "churn", ModelUriKind.Version, "7")]
    [InlineData("models:/churn/999999999", "churn", ModelUriKind.Version, "999999999")]
    [InlineData("models:/churn/Production", "churn", ModelUriKind.Stage, "Production")]
    [InlineData("models:/churn/production", "churn", ModelUriKind.Stage, "production")]
    [InlineData("models:/churn/v1", "churn", ModelUriKind.Stage, "v1")]
    [InlineData("models:/churn@champion", "churn", ModelUriKind.Alias, "champion")]
    [InlineData("models:/churn/latest", "churn", ModelUriKind.Latest, null)]
    [InlineData("models:/churn.v2@canary-eu", "churn.v2", ModelUriKind.Alias, "canary-eu")]
    public void A_uri_parses_to_the_kind_it_spells(string text, string name, ModelUriKind kind, string? reference)
    {
        var uri = ModelUri.Parse(text);

        Assert.Equal(new ModelUri(name, kind, reference), uri);
    }

    [Fact]
    public void A_version_uri_gives_its_number() => Assert.Equal(7, ModelUri.Parse("models:/churn/7").Version);

    [Theory]
    [InlineData("")]
    [InlineData("churn/7")]
    [InlineData("model:/churn/7")]
    [InlineData("models://churn/7")]
    [InlineData("models:/churn")]
    [InlineData("models:/churn/")]
    [InlineData("models:/churn/0")]
    [InlineData("models:/churn/007")]
    [InlineData("models:/churn/1000000000")]
    [InlineData("models:/churn/-1")]
    [InlineData("models:/churn/7/extra")]
    [InlineData("models:/Churn/7")]
    [InlineData("models:/../7")]
    [InlineData("models:/churn@latest")]
    [InlineData("models:/churn@v3")]
    [InlineData("models:/churn@")]
    [InlineData("models:/churn@champion/7")]
    [InlineData("models:/churn/Latest")]
    [InlineData("models:/churn/7\n")]
    [InlineData("models:/churn/Production\n")]
    public void A_malformed_uri_is_a_usage_error(string text)
    {
        var error = Assert.Throws<RegistryException>(() => ModelUri.Parse(text));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [Fact]
    public void Control_characters_in_a_refused_uri_are_not_echoed()
    {
        var error = Assert.Throws<RegistryException>(() => ModelUri.Parse("models:/churn\u001b[31m/7"));

        Assert.DoesNotContain('\u001b', error.Message);
    }
}
