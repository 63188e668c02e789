namespace GitRegistry.Tests.Aliases;

/// <summary>Aliases: named pointers to versions, kept in model.yaml.</summary>
public sealed class AliasTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Setting_an_alias_points_it_at_the_version_in_model_yaml(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        registry.Register("churn");

        var result = registry.Registry.SetAlias("churn", "champion", 1);

        Assert.True(result.Changed);
        Assert.Equal(1, registry.Registry.GetModel("churn").Aliases["champion"]);
        Assert.Contains("aliases:\n  champion: 1\n", registry.Show("models/churn/model.yaml"));
    }

    [Fact]
    public void Moving_an_alias_says_where_it_was()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 1);

        var result = registry.Registry.SetAlias("churn", "champion", 2);

        Assert.Equal("churn@champion -> version 2 (was 1)", result.Summary);
        Assert.Equal(2, registry.Registry.Resolve("models:/churn@champion").Version);
    }

    [Fact]
    public void Setting_an_alias_to_the_version_it_already_points_at_writes_no_commit()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 1);
        var head = registry.Registry.Head;

        var result = registry.Registry.SetAlias("churn", "champion", 1);

        Assert.False(result.Changed);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void An_alias_to_a_missing_version_is_refused()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.SetAlias("churn", "champion", 5));

        Assert.Equal("existing versions: 1", error.Fix);
    }

    [Fact]
    public void An_alias_to_a_deleted_version_is_refused()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 1);

        var error = Assert.Throws<RegistryException>(() => registry.Registry.SetAlias("churn", "champion", 1));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("v2")]
    [InlineData("Champion")]
    [InlineData("")]
    public void A_reserved_or_malformed_alias_is_a_usage_error(string alias)
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        var error = Assert.Throws<RegistryException>(() => registry.Registry.SetAlias("churn", alias, 1));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [Fact]
    public void Deleting_an_alias_removes_it()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 1);

        registry.Registry.DeleteAlias("churn", "champion");

        Assert.Empty(registry.Registry.GetModel("churn").Aliases);
        Assert.Throws<NotFoundException>(() => registry.Registry.Resolve("models:/churn@champion"));
    }

    [Fact]
    public void Deleting_an_unknown_alias_is_not_found_listing_the_aliases()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 1);

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.DeleteAlias("churn", "challenger"));

        Assert.Equal("existing aliases: champion", error.Fix);
    }

    [Fact]
    public void A_version_lists_the_aliases_pointing_at_it()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 2);
        registry.Registry.SetAlias("churn", "challenger", 2);
        registry.Registry.SetAlias("churn", "baseline", 1);

        Assert.Equal(["challenger", "champion"], registry.Registry.GetVersion("churn", 2).Aliases);
        Assert.Equal(new Dictionary<string, int> { ["baseline"] = 1, ["challenger"] = 2, ["champion"] = 2 }, registry.Registry.ListModels().Single().Aliases);
    }
}
