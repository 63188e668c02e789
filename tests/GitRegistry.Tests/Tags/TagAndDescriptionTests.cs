namespace GitRegistry.Tests.Tags;

/// <summary>Tags and descriptions of models and versions, kept in model.yaml; manifests never change.</summary>
public sealed class TagAndDescriptionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_model_tag_is_set_and_read_back(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        registry.Register("churn");

        var result = registry.Registry.SetTag("churn", null, "team", "growth");

        Assert.Equal("set tag team=growth on churn", result.Summary);
        Assert.Equal("growth", registry.Registry.GetModel("churn").Tags["team"]);
    }

    [Fact]
    public void A_version_tag_is_set_in_model_yaml_and_the_manifest_is_left_unchanged()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn", tags: new Dictionary<string, string> { ["origin"] = "nightly" });
        var manifest = registry.Show("models/churn/versions/1.yaml");

        registry.Registry.SetTag("churn", 1, "validated", "true");

        var version = registry.Registry.GetVersion("churn", 1);
        Assert.Equal(new Dictionary<string, string> { ["origin"] = "nightly", ["validated"] = "true" }, version.State.Tags);
        Assert.Equal(new Dictionary<string, string> { ["origin"] = "nightly" }, version.Manifest.Tags);
        Assert.Equal(manifest, registry.Show("models/churn/versions/1.yaml"));
    }

    [Fact]
    public void Setting_a_tag_to_the_value_it_has_writes_no_commit()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetTag("churn", 1, "validated", "true");
        var head = registry.Registry.Head;

        var result = registry.Registry.SetTag("churn", 1, "validated", "true");

        Assert.False(result.Changed);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void Deleting_a_tag_removes_it()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetTag("churn", null, "team", "growth");

        registry.Registry.DeleteTag("churn", null, "team");

        Assert.Empty(registry.Registry.GetModel("churn").Tags);
    }

    [Fact]
    public void Deleting_a_tag_that_is_not_there_is_not_found_listing_the_tags()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetTag("churn", 1, "validated", "true");

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.DeleteTag("churn", 1, "team"));

        Assert.Contains("churn version 1 has no tag 'team'", error.Message);
        Assert.Equal("existing tags: validated", error.Fix);
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("key\n")]
    [InlineData("ключ")]
    public void A_malformed_tag_key_is_a_usage_error(string key)
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        var error = Assert.Throws<RegistryException>(() => registry.Registry.SetTag("churn", null, key, "v"));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1.0")]
    [InlineData("2026-10-31")]
    [InlineData("line one\nline two\n")]
    [InlineData("naïve 😀")]
    public void A_tag_value_of_any_text_is_kept_as_written(string value)
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        registry.Registry.SetTag("churn", 1, "note", value);

        Assert.Equal(value, registry.Registry.GetVersion("churn", 1).State.Tags["note"]);
    }

    [Fact]
    public void Tagging_the_model_of_a_missing_version_is_not_found()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        Assert.Throws<NotFoundException>(() => registry.Registry.SetTag("churn", 4, "k", "v"));
    }

    [Fact]
    public void A_model_description_is_set_and_listed()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        registry.Registry.Describe("churn", null, "Predicts which customers cancel within 30 days.");

        Assert.Equal("Predicts which customers cancel within 30 days.", registry.Registry.GetModel("churn").Description);
        Assert.Equal("Predicts which customers cancel within 30 days.", registry.Registry.ListModels().Single().Description);
    }

    [Fact]
    public void A_version_description_overrides_the_registration_one_without_changing_the_manifest()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn", description: "as registered");

        registry.Registry.Describe("churn", 1, "retrained on October data\n\nAUC 0.91");

        var version = registry.Registry.GetVersion("churn", 1);
        Assert.Equal("retrained on October data\n\nAUC 0.91", version.Description);
        Assert.Equal("as registered", version.Manifest.Description);
    }

    [Fact]
    public void Describing_with_the_same_text_writes_no_commit()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.Describe("churn", null, "same");
        var head = registry.Registry.Head;

        var result = registry.Registry.Describe("churn", null, "same");

        Assert.False(result.Changed);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void Describing_an_unknown_model_is_not_found()
    {
        using var registry = TestRegistry.Create();

        Assert.Throws<NotFoundException>(() => registry.Registry.Describe("churn", null, "x"));
    }

    [Fact]
    public void A_description_over_the_schema_limit_is_refused_and_writes_nothing()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        var head = registry.Registry.Head;

        var error = Assert.Throws<DocumentException>(() => registry.Registry.Describe("churn", null, new string('d', 20001)));

        Assert.Equal("description", Assert.Single(error.Problems).Field);
        Assert.Equal(head, registry.Registry.Head);
    }
}
