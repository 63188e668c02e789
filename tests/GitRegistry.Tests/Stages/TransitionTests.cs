namespace GitRegistry.Tests.Stages;

/// <summary>Stage transitions with MLflow's semantics, in real registries.</summary>
public sealed class TransitionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Transition_moves_the_version_and_reports_both_stages(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        registry.Register("churn");

        var result = registry.Registry.Transition("churn", 1, "Staging");

        Assert.Equal(("None", "Staging"), (result.FromStage, result.ToStage));
        Assert.True(result.Changed);
        Assert.Equal("Staging", registry.Registry.GetVersion("churn", 1).Stage);
        Assert.Equal(result.CommitId, registry.GitOutput("rev-parse", "main").Trim());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Transition_with_archive_existing_archives_every_other_version_in_the_target_stage(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        for (var i = 0; i < 4; i++)
        {
            registry.Register("churn");
        }
        registry.Registry.Transition("churn", 1, "Production");
        registry.Registry.Transition("churn", 2, "Production");

        var result = registry.Registry.Transition("churn", 4, "Production", archiveExisting: true);

        Assert.Equal([1, 2], result.Archived);
        Assert.Equal(["Archived", "Archived", "None", "Production"], Stages(registry));
    }

    [Fact]
    public void Transition_with_archive_existing_leaves_versions_in_other_stages_alone()
    {
        using var registry = TestRegistry.Create();
        for (var i = 0; i < 3; i++)
        {
            registry.Register("churn");
        }
        registry.Registry.Transition("churn", 1, "Staging");
        registry.Registry.Transition("churn", 2, "Production");

        registry.Registry.Transition("churn", 3, "Production", archiveExisting: true);

        Assert.Equal(["Staging", "Archived", "Production"], Stages(registry));
    }

    [Fact]
    public void Transition_with_archive_existing_into_the_stage_the_version_already_holds_archives_the_others()
    {
        // MLflow archives every *other* version in the target stage, whether or not the version moves.
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Production");
        registry.Registry.Transition("churn", 2, "Production");

        var result = registry.Registry.Transition("churn", 2, "Production", archiveExisting: true);

        Assert.True(result.Changed);
        Assert.Equal([1], result.Archived);
        Assert.Equal(["Archived", "Production"], Stages(registry));
    }

    [Fact]
    public void Without_archive_existing_two_versions_may_share_Production()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Production");

        var result = registry.Registry.Transition("churn", 2, "Production");

        Assert.Empty(result.Archived);
        Assert.Equal(["Production", "Production"], Stages(registry));
        Assert.Equal([2, 1], registry.Registry.ListVersions("churn", "Production").Select(v => v.Version));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_exclusive_stage_refuses_a_second_holder_with_a_conflict_naming_the_holder(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        MakeProductionExclusive(registry);
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Production");
        var head = registry.Registry.Head;

        var error = Assert.Throws<RegistryException>(() => registry.Registry.Transition("churn", 2, "Production"));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("Production is exclusive", error.Message);
        Assert.Contains("version 1 of churn is in it", error.Message);
        Assert.Contains("--archive-existing", error.Fix);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void An_exclusive_stage_accepts_a_new_holder_with_archive_existing()
    {
        using var registry = TestRegistry.Create();
        MakeProductionExclusive(registry);
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Production");

        registry.Registry.Transition("churn", 2, "Production", archiveExisting: true);

        Assert.Equal(["Archived", "Production"], Stages(registry));
    }

    [Fact]
    public void An_exclusive_stage_ignores_a_deleted_holder()
    {
        using var registry = TestRegistry.Create();
        MakeProductionExclusive(registry);
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Production");
        registry.Registry.DeleteVersion("churn", 1);

        registry.Registry.Transition("churn", 2, "Production");

        Assert.Equal("Production", registry.Registry.GetVersion("churn", 2).Stage);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("Archived")]
    [InlineData("archived")]
    public void Archive_existing_into_None_or_Archived_is_a_usage_error(string stage)
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        var error = Assert.Throws<RegistryException>(() => registry.Registry.Transition("churn", 1, stage, archiveExisting: true));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("--archive-existing", error.Message);
    }

    [Fact]
    public void An_unknown_stage_is_not_found_and_the_error_lists_the_stages()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Transition("churn", 1, "Canary"));

        Assert.Contains("no stage 'Canary'", error.Message);
        Assert.Contains("None, Staging, Production, Archived", error.Fix);
    }

    [Fact]
    public void An_unknown_version_is_not_found_and_the_error_lists_the_live_versions()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 2);

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Transition("churn", 9, "Staging"));

        Assert.Contains("churn has no version 9", error.Message);
        Assert.Equal("existing versions: 1, 3", error.Fix);
    }

    [Fact]
    public void An_unknown_model_is_not_found_and_the_error_lists_the_models()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("fraud");

        var error = Assert.Throws<NotFoundException>(() => registry.Registry.Transition("chrun", 1, "Staging"));

        Assert.Contains("no model named 'chrun'", error.Message);
        Assert.Equal("existing models: churn, fraud", error.Fix);
    }

    [Fact]
    public void A_deleted_version_cannot_be_moved()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 1, "bad data");

        var error = Assert.Throws<RegistryException>(() => registry.Registry.Transition("churn", 1, "Production"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains("was deleted", error.Message);
        Assert.Contains(TestEnvironment.UserEmail, error.Message);
    }

    [Fact]
    public void Transition_to_the_stage_the_version_is_in_writes_no_commit()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Staging");
        var commits = CommitCount(registry);

        var result = registry.Registry.Transition("churn", 1, "staging");

        Assert.False(result.Changed);
        Assert.Null(result.CommitId);
        Assert.Contains("already in Staging", result.Summary);
        Assert.Equal(commits, CommitCount(registry));
    }

    [Fact]
    public void Stage_names_match_case_insensitively_and_are_written_as_the_registry_spells_them()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        var result = registry.Registry.Transition("churn", 1, "pRoDuCtIoN");

        Assert.Equal("Production", result.ToStage);
        Assert.Contains("    stage: Production\n", registry.Show("models/churn/model.yaml"));
    }

    [Fact]
    public void A_transition_is_a_diff_of_model_yaml_only()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        registry.Registry.Transition("churn", 1, "Staging");

        Assert.Equal(["models/churn/model.yaml"], registry.GitOutput("diff", "--name-only", "main~1", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("-    stage: None\n+    stage: Staging\n", registry.GitOutput("diff", "main~1", "main"));
    }

    [Fact]
    public void A_transition_comment_becomes_the_commit_body()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        registry.Registry.Transition("churn", 1, "Production", comment: "AUC 0.91 vs 0.88 on the holdout");

        Assert.Equal("Move churn version 1 from None to Production\n\nAUC 0.91 vs 0.88 on the holdout", registry.GitOutput("log", "-1", "--format=%s%n%n%b").Split("\n\nRegistry-")[0]);
    }

    [Fact]
    public void A_custom_stage_from_registry_yaml_can_be_used()
    {
        using var registry = TestRegistry.Create();
        registry.EditByHand("registry.yaml", text => text.Replace("  - name: Archived\n", "  - name: Canary\n    description: A slice of traffic.\n  - name: Archived\n", StringComparison.Ordinal));
        registry.Register("churn");

        registry.Registry.Transition("churn", 1, "canary");

        Assert.Equal("Canary", registry.Registry.Resolve("models:/churn/Canary").Stage);
    }

    internal static void MakeProductionExclusive(TestRegistry registry) =>
        registry.EditByHand("registry.yaml", text =>
        {
            const string production = "  - name: Production\n";
            Assert.Contains(production, text);
            return text.Replace(production, production + "    exclusive: true\n", StringComparison.Ordinal);
        });

    private static List<string> Stages(TestRegistry registry) =>
        registry.Registry.ListVersions("churn").OrderBy(v => v.Version).Select(v => v.Stage).ToList();

    private static int CommitCount(TestRegistry registry) => int.Parse(registry.GitOutput("rev-list", "--count", "main").Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
