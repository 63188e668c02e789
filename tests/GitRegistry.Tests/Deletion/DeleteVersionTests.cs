namespace GitRegistry.Tests.Deletion;

/// <summary>Deleting versions: a mark in model.yaml, never a removed manifest.</summary>
public sealed class DeleteVersionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Deleting_marks_the_version_with_who_when_and_why_and_keeps_its_manifest(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        registry.Register("churn");

        registry.Registry.DeleteVersion("churn", 1, "trained on leaked labels");

        var deleted = registry.Registry.GetVersion("churn", 1).State.Deleted!;
        Assert.Equal((TestEnvironment.UserName, TestEnvironment.UserEmail, "trained on leaked labels"), (deleted.By.Name, deleted.By.Email, deleted.Comment));
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", deleted.At);
        Assert.Equal("1.yaml\n", registry.GitOutput("ls-tree", "--name-only", "main:models/churn/versions/"));
        Assert.Equal(["models/churn/model.yaml"], registry.GitOutput("diff", "--name-only", "main~1", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_deleted_version_is_left_out_of_listings_unless_asked_for()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 1);

        Assert.Equal([2], registry.Registry.ListVersions("churn").Select(v => v.Version));
        Assert.Equal([2, 1], registry.Registry.ListVersions("churn", includeDeleted: true).Select(v => v.Version));
    }

    [Fact]
    public void Deleting_a_version_an_alias_points_at_is_refused_naming_the_alias()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 1);
        var head = registry.Registry.Head;

        var error = Assert.Throws<RegistryException>(() => registry.Registry.DeleteVersion("churn", 1));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("the alias champion points at it", error.Message);
        Assert.Contains("gitreg alias delete churn champion", error.Fix);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void Deleting_a_version_several_aliases_point_at_names_them_all()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 1);
        registry.Registry.SetAlias("churn", "baseline", 1);

        var error = Assert.Throws<RegistryException>(() => registry.Registry.DeleteVersion("churn", 1));

        Assert.Contains("the aliases baseline, champion point at it", error.Message);
    }

    [Fact]
    public void A_version_can_be_deleted_once_its_alias_is_gone()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.SetAlias("churn", "champion", 1);
        registry.Registry.DeleteAlias("churn", "champion");

        registry.Registry.DeleteVersion("churn", 1);

        Assert.True(registry.Registry.GetVersion("churn", 1).IsDeleted);
    }

    [Fact]
    public void Deleting_a_deleted_version_again_is_not_found()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 1);

        var error = Assert.Throws<RegistryException>(() => registry.Registry.DeleteVersion("churn", 1));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void A_deleted_version_cannot_be_tagged_or_described()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 1);

        Assert.Equal(ErrorKind.NotFound, Assert.Throws<RegistryException>(() => registry.Registry.SetTag("churn", 1, "k", "v")).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<RegistryException>(() => registry.Registry.Describe("churn", 1, "d")).Kind);
    }
}
