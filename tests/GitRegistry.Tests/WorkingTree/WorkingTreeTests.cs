namespace GitRegistry.Tests.WorkingTree;

/// <summary>
/// A non-bare registry's checkout follows the writes for files the user has not touched, and leaves alone the
/// files they have.
/// </summary>
public sealed class WorkingTreeTests
{
    [Fact]
    public void After_writes_a_clean_working_tree_matches_the_branch_tip()
    {
        using var registry = TestRegistry.Create();

        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Staging");
        registry.Registry.SetAlias("churn", "champion", 1);

        Assert.Equal("", registry.GitOutput("status", "--porcelain", "--untracked-files=all"));
        Assert.Equal(registry.Show("models/churn/model.yaml"), File.ReadAllText(Path.Combine(registry.Root, "models/churn/model.yaml")));
        Assert.Equal(registry.Show("models/churn/versions/1.yaml"), File.ReadAllText(Path.Combine(registry.Root, "models/churn/versions/1.yaml")));
    }

    [Fact]
    public void A_file_the_user_modified_is_left_as_they_left_it()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        var modelFile = Path.Combine(registry.Root, "models/churn/model.yaml");
        var edited = File.ReadAllText(modelFile) + "# a note I am still writing\n";
        File.WriteAllText(modelFile, edited);

        registry.Registry.Transition("churn", 1, "Production");

        Assert.Equal(edited, File.ReadAllText(modelFile));
        Assert.Contains("stage: Production", registry.Show("models/churn/model.yaml"));
    }

    [Fact]
    public void A_file_the_user_is_editing_shows_as_their_unstaged_change_against_the_new_tip()
    {
        // Left at the old version, the index would stage a revert of the write that the next 'git commit' makes.
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        File.AppendAllText(Path.Combine(registry.Root, "models/churn/model.yaml"), "# a note I am still writing\n");

        registry.Registry.Transition("churn", 1, "Production");

        Assert.Equal(" M models/churn/model.yaml\n", registry.GitOutput("status", "--porcelain"));
        Assert.Equal("", registry.GitOutput("diff", "--cached"));
    }

    [Fact]
    public void A_new_manifest_is_written_even_when_model_yaml_is_being_edited()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        var modelFile = Path.Combine(registry.Root, "models/churn/model.yaml");
        File.AppendAllText(modelFile, "# note\n");

        registry.Register("churn");

        Assert.Equal(registry.Show("models/churn/versions/2.yaml"), File.ReadAllText(Path.Combine(registry.Root, "models/churn/versions/2.yaml")));
        Assert.EndsWith("# note\n", File.ReadAllText(modelFile));
    }

    [Fact]
    public void An_untracked_file_where_a_manifest_goes_is_left_alone()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        var squatter = Path.Combine(registry.Root, "models/churn/versions/2.yaml");
        File.WriteAllText(squatter, "my own notes\n");

        registry.Register("churn");

        Assert.Equal("my own notes\n", File.ReadAllText(squatter));
        Assert.Contains("version: 2", registry.Show("models/churn/versions/2.yaml"));
        Assert.Equal(" M models/churn/versions/2.yaml\n", registry.GitOutput("status", "--porcelain"));
    }

    [Fact]
    public void A_staged_change_is_left_alone()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        var modelFile = Path.Combine(registry.Root, "models/churn/model.yaml");
        var staged = File.ReadAllText(modelFile).Replace("name: churn\n", "name: churn\ndescription: staged by hand\n", StringComparison.Ordinal);
        File.WriteAllText(modelFile, staged);
        registry.Git("add", "models/churn/model.yaml").EnsureSuccess();

        registry.Registry.Transition("churn", 1, "Staging");

        Assert.Equal(staged, File.ReadAllText(modelFile));
        Assert.Contains("description: staged by hand", registry.GitOutput("show", ":models/churn/model.yaml"));
    }

    [Fact]
    public void The_checkout_of_another_clone_is_not_touched_by_writes_through_the_registry()
    {
        using var registry = TestRegistry.Create(bare: true);
        registry.Register("churn");
        var clone = Path.Combine(registry.Folder, "clone");
        Git.Run(registry.Folder, "clone", "--quiet", registry.Root, clone).EnsureSuccess();

        registry.Registry.Transition("churn", 1, "Production");

        Assert.Contains("stage: None", File.ReadAllText(Path.Combine(clone, "models/churn/model.yaml")));
        Git.Run(clone, "pull", "--quiet", "--ff-only").EnsureSuccess();
        Assert.Contains("stage: Production", File.ReadAllText(Path.Combine(clone, "models/churn/model.yaml")));
    }
}
