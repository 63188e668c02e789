namespace GitRegistry.Tests.Resolving;

/// <summary>Resolving model URIs against real registries.</summary>
public sealed class ResolveTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_version_uri_resolves_to_that_version_at_the_branch_tip(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        for (var i = 0; i < 7; i++)
        {
            registry.Register("churn");
        }

        var version = registry.Registry.Resolve("models:/churn/7");

        Assert.Equal(("churn", 7), (version.Name, version.Version));
        Assert.Equal(registry.GitOutput("rev-parse", "main").Trim(), version.CommitId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_stage_uri_resolves_to_the_highest_version_in_the_stage(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        for (var i = 0; i < 4; i++)
        {
            registry.Register("churn");
        }
        registry.Registry.Transition("churn", 1, "Production");
        registry.Registry.Transition("churn", 3, "Production");
        registry.Registry.Transition("churn", 4, "Staging");

        Assert.Equal(3, registry.Registry.Resolve("models:/churn/Production").Version);
        Assert.Equal(3, registry.Registry.Resolve("models:/churn/production").Version);
        Assert.Equal(4, registry.Registry.Resolve("models:/churn/Staging").Version);
    }

    [Fact]
    public void A_stage_uri_skips_a_deleted_version_in_the_stage()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Production");
        registry.Registry.Transition("churn", 2, "Production");
        registry.Registry.DeleteVersion("churn", 2);

        Assert.Equal(1, registry.Registry.Resolve("models:/churn/Production").Version);
    }

    [Fact]
    public void A_stage_nobody_holds_is_not_found_and_the_error_shows_where_the_versions_are()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Staging");

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Resolve("models:/churn/Production"));

        Assert.Contains("no version of churn is in Production", error.Message);
        Assert.Contains("2 (None), 1 (Staging)", error.Fix);
        Assert.Contains("gitreg transition churn VERSION Production", error.Fix);
    }

    [Fact]
    public void A_stage_the_registry_does_not_define_is_not_found_listing_the_stages()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Resolve("models:/churn/Canary"));

        Assert.Contains("None, Staging, Production, Archived", error.Fix);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_alias_uri_resolves_to_the_version_the_alias_points_at(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 1);

        var version = registry.Registry.Resolve("models:/churn@champion");

        Assert.Equal(1, version.Version);
        Assert.Equal(["champion"], version.Aliases);
    }

    [Fact]
    public void An_unknown_alias_is_not_found_listing_the_aliases()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 1);
        registry.Registry.SetAlias("churn", "challenger", 1);

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Resolve("models:/churn@canary"));

        Assert.Contains("no alias 'canary'", error.Message);
        Assert.Equal("existing aliases: challenger, champion", error.Fix);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Latest_resolves_to_the_highest_live_version(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        registry.Register("churn");
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Production");
        registry.Registry.DeleteVersion("churn", 3);

        Assert.Equal(2, registry.Registry.Resolve("models:/churn/latest").Version);
    }

    [Fact]
    public void Latest_of_a_model_without_live_versions_is_not_found()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 1);

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Resolve("models:/churn/latest"));

        Assert.Contains("no live versions", error.Message);
    }

    [Fact]
    public void A_deleted_version_is_not_resolvable()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 1);

        var error = Assert.Throws<RegistryException>(() => registry.Registry.Resolve("models:/churn/1"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains("was deleted", error.Message);
    }

    [Fact]
    public void A_deleted_version_stays_readable_for_the_record()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn", description: "the first");
        registry.Registry.DeleteVersion("churn", 1, "trained on leaked labels");

        var version = registry.Registry.GetVersion("churn", 1);

        Assert.True(version.IsDeleted);
        Assert.Equal("trained on leaked labels", version.State.Deleted!.Comment);
        Assert.Equal("the first", version.Description);
    }

    [Fact]
    public void A_version_that_never_existed_is_not_found()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Resolve("models:/churn/2"));

        Assert.Equal("existing versions: 1", error.Fix);
    }

    [Fact]
    public void An_unknown_model_is_not_found_listing_the_models()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Resolve("models:/fraud/latest"));

        Assert.Equal("existing models: churn", error.Fix);
    }

    [Fact]
    public void In_an_empty_registry_the_error_says_there_are_no_models_yet()
    {
        using var registry = TestRegistry.Create();

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Resolve("models:/fraud/1"));

        Assert.Equal("there are no models yet", error.Fix);
    }

    [Fact]
    public void A_malformed_uri_is_a_usage_error()
    {
        using var registry = TestRegistry.Create();

        var error = Assert.Throws<RegistryException>(() => registry.Registry.Resolve("churn:7"));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [Fact]
    public void Resolving_at_an_earlier_commit_sees_the_registry_as_it_was()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        var before = registry.Registry.Transition("churn", 1, "Production").CommitId!;
        registry.Registry.Transition("churn", 2, "Production", archiveExisting: true);

        var then = registry.Registry.ResolveAt(ModelUri.Parse("models:/churn/Production"), before);

        Assert.Equal(1, then.Version);
        Assert.Equal(before, then.CommitId);
        Assert.Equal(2, registry.Registry.Resolve("models:/churn/Production").Version);
    }

    [Fact]
    public void Resolving_at_a_revision_that_does_not_exist_is_not_found()
    {
        using var registry = TestRegistry.Create();

        Assert.Throws<NotFoundException>(() => registry.Registry.ResolveAt(ModelUri.Parse("models:/churn/1"), "no-such-branch"));
    }
}
