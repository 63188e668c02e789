using GitRegistry.Site;
using GitRegistry.Trust;

namespace GitRegistry.Tests.Site;

/// <summary>The site's page model, read from real registries.</summary>
public sealed class RegistrySiteTests
{
    [Fact]
    public void Read_lists_every_model_with_its_production_and_staging_versions_and_aliases()
    {
        using var registry = TestRegistry.Create();
        for (var step = 1; step <= 3; step++)
        {
            SiteFixture.RegisterTrained(registry, "churn", step);
        }
        SiteFixture.RegisterTrained(registry, "fraud", 1);
        registry.Registry.Transition("churn", 2, "Production");
        registry.Registry.Transition("churn", 3, "Staging");
        registry.Registry.SetAlias("churn", "champion", 2);

        var site = RegistrySite.Read(registry.Registry);

        Assert.Equal(["churn", "fraud"], site.Models.Select(m => m.Name));
        var churn = site.Models[0];
        Assert.Equal((2, 3), (churn.Production, churn.Staging));
        Assert.Equal(2, churn.State.Aliases["champion"]);
        Assert.Equal([1, 2, 3], churn.Versions.Select(v => v.Version));
        Assert.Equal(EventKind.AliasSet, churn.LastChange?.Event.Kind);
        Assert.Equal((null, null), (site.Models[1].Production, site.Models[1].Staging));
        Assert.Equal(registry.GitOutput("rev-parse", "main").Trim(), site.CommitId);
    }

    [Fact]
    public void Timeline_shows_which_version_held_each_stage_and_until_when()
    {
        using var registry = TestRegistry.Create();
        for (var step = 1; step <= 3; step++)
        {
            SiteFixture.RegisterTrained(registry, "churn", step);
        }
        registry.Registry.Transition("churn", 1, "Production");
        registry.Registry.Transition("churn", 2, "Staging");
        registry.Registry.Transition("churn", 2, "Production", archiveExisting: true);

        var timeline = RegistrySite.Read(registry.Registry).Models[0].Timeline;

        Assert.Equal([("Production", 1, true), ("Staging", 2, true), ("Production", 2, false)],
            timeline.Select(s => (s.Stage, s.Version, s.To is not null)));
        Assert.Equal(timeline[2].From, timeline[0].To);
        Assert.Equal(timeline[2].From, timeline[1].To);
        Assert.All(timeline, s => Assert.True(s.Verified));
    }

    [Fact]
    public void Charts_have_a_series_per_split_and_a_point_per_live_version()
    {
        using var registry = TestRegistry.Create();
        for (var step = 1; step <= 4; step++)
        {
            SiteFixture.RegisterTrained(registry, "churn", step);
        }
        registry.Registry.DeleteVersion("churn", 3, "leaked data");

        var model = RegistrySite.Read(registry.Registry).Models[0];

        Assert.Equal(["auc", "logloss"], model.Charts.Select(c => c.Metric));
        var auc = model.Charts[0];
        Assert.Equal(["test", "train"], auc.Series.Select(s => s.Split));
        Assert.Equal([1, 2, 4], auc.Series[0].Points.Select(p => p.Version));
        Assert.Equal(0.89, auc.Series[0].Points[^1].Value, 1e-9);
        Assert.Equal(6, auc.PointCount);
        Assert.Equal(["auc", "logloss"], model.HeadlineMetrics);
        Assert.Equal([1, 2, 3, 4], model.Versions.Select(v => v.Version));
    }

    [Fact]
    public void Diffs_compare_each_live_version_with_the_previous_one_and_mark_what_changed()
    {
        using var registry = TestRegistry.Create();
        SiteFixture.RegisterTrained(registry, "churn", 1);
        SiteFixture.Register(registry, "churn", new Dictionary<string, object> { ["learning_rate"] = 0.1, ["num_trees"] = 300, ["max_depth"] = 6 },
            new Dictionary<string, IDictionary<string, double>> { ["test"] = new Dictionary<string, double> { ["auc"] = 0.91 } });
        SiteFixture.RegisterTrained(registry, "churn", 2);
        registry.Registry.DeleteVersion("churn", 2);

        var model = RegistrySite.Read(registry.Registry).Models[0];

        var diff = Assert.Single(model.Diffs);
        Assert.Equal((1, 3), (diff.Older.Version, diff.Newer.Version));
        Assert.Equal(1, model.Versions.Single(v => v.Version == 3).Previous);
        Assert.Equal(["learning_rate", "num_trees"], diff.Params.Where(r => r.Changed).Select(r => r.Key));
        var testAuc = diff.Metrics.Single(r => r.Key == "test.auc");
        Assert.Equal(0.01, testAuc.Delta!.Value, 1e-9);
        Assert.Equal(("0.86", "0.87"), (testAuc.Old, testAuc.New));
    }

    [Fact]
    public void Diff_lists_parameters_and_metrics_only_one_side_has()
    {
        using var registry = TestRegistry.Create();
        SiteFixture.RegisterTrained(registry, "churn", 1);
        SiteFixture.Register(registry, "churn", new Dictionary<string, object> { ["max_depth"] = 6 },
            new Dictionary<string, IDictionary<string, double>> { ["holdout"] = new Dictionary<string, double> { ["auc"] = 0.8 } });

        var diff = RegistrySite.Read(registry.Registry).Models[0].Diffs[0];

        var depth = diff.Params.Single(r => r.Key == "max_depth");
        Assert.Equal((null, "6", true), (depth.Old, depth.New, depth.Changed));
        var trees = diff.Params.Single(r => r.Key == "num_trees");
        Assert.Equal(("150", null), (trees.Old, trees.New));
        Assert.Null(diff.Metrics.Single(r => r.Key == "holdout.auc").Delta);
    }

    [Fact]
    public void Version_pages_hold_the_approval_trail_and_the_version_s_audit_events_oldest_first()
    {
        using var registry = TestRegistry.Create();
        SiteFixture.RegisterTrained(registry, "churn", 1);
        SiteFixture.RegisterTrained(registry, "churn", 2);
        var bob = SshKey.Shared(SshKeyType.Ed25519, "bob@example.com");
        registry.Registry.AddSigner(bob.Email, bob.PublicKey, ["approvers"]);
        registry.ActAs("Bob Reviewer", bob);
        registry.Registry.Approve("churn", 2, "Production", "AUC up a point");
        registry.Registry.Transition("churn", 2, "Production", comment: "approved");

        var versions = RegistrySite.Read(registry.Registry).Models[0].Versions;

        var approval = Assert.Single(versions[1].Approvals);
        Assert.Equal(("Production", "AUC up a point", "bob@example.com", true), (approval.Record.Stage, approval.Record.Comment, approval.SignedBy, approval.IsVerified));
        Assert.Equal([EventKind.Registered, EventKind.Approved, EventKind.Transitioned], versions[1].Events.Select(e => e.Event.Kind));
        Assert.All(versions[1].Events, e => Assert.True(e.IsVerified));
        Assert.Empty(versions[0].Approvals);
        Assert.Equal([EventKind.Registered], versions[0].Events.Select(e => e.Event.Kind));
    }

    [Fact]
    public void A_hand_made_unsigned_change_is_shown_unverified()
    {
        using var registry = TestRegistry.Create();
        SiteFixture.RegisterTrained(registry, "churn", 1);
        registry.EditByHand("models/churn/model.yaml", text => text.Replace("stage: None", "stage: Production", StringComparison.Ordinal), "promote by hand");

        var model = RegistrySite.Read(registry.Registry).Models[0];

        var last = model.LastChange!;
        Assert.Equal(EventKind.Transitioned, last.Event.Kind);
        Assert.False(last.IsVerified);
        Assert.False(Assert.Single(model.Timeline).Verified);
        Assert.False(model.Versions[0].Events[^1].IsVerified);
    }
}
