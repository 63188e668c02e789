using GitRegistry.Site;

namespace GitRegistry.Tests.Site;

/// <summary>The HTML the site writer produces, read back as files.</summary>
public sealed class SiteWriterTests
{
    [Fact]
    public void Write_produces_an_index_a_page_per_model_version_and_comparison_and_its_assets()
    {
        using var registry = TestRegistry.Create();
        for (var step = 1; step <= 3; step++)
        {
            SiteFixture.RegisterTrained(registry, "churn", step);
        }
        var output = Path.Combine(registry.Folder, "site");

        var pages = SiteWriter.Write(RegistrySite.Read(registry.Registry), output);

        Assert.Equal(1 + 1 + 3 + 2, pages);
        Assert.Equal(["diff-1-2.html", "diff-2-3.html", "index.html", "v1.html", "v2.html", "v3.html"],
            Directory.GetFiles(Path.Combine(output, "models", "churn")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "site.css")));
        Assert.True(File.Exists(Path.Combine(output, "site.js")));
    }

    [Fact]
    public void Text_from_the_registry_is_html_escaped_on_every_page()
    {
        using var registry = TestRegistry.Create();
        const string hostile = "<script>alert('x')</script> & \"quoted\"";
        SiteFixture.Register(registry, "churn", new Dictionary<string, object> { ["note"] = hostile, ["<img src=x>"] = "<img src=y>" },
            new Dictionary<string, IDictionary<string, double>> { ["test"] = new Dictionary<string, double> { ["auc"] = 0.9 } },
            cutoff: "2026-10-31", description: hostile);
        SiteFixture.Register(registry, "churn", new Dictionary<string, object> { ["note"] = "plain" },
            new Dictionary<string, IDictionary<string, double>> { ["test"] = new Dictionary<string, double> { ["auc"] = 0.8 } });
        registry.Registry.Describe("churn", null, hostile);
        registry.Registry.SetTag("churn", null, "owner", "<b>team</b>");
        var output = Path.Combine(registry.Folder, "site");

        SiteWriter.Write(RegistrySite.Read(registry.Registry), output);

        var html = Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Equal(5, html.Count);
        Assert.All(html, page =>
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        });
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;", html[0] + File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_are_inline_svg_with_a_titled_point_per_value_and_the_production_version_marked()
    {
        using var registry = TestRegistry.Create();
        for (var step = 1; step <= 3; step++)
        {
            SiteFixture.RegisterTrained(registry, "churn", step);
        }
        registry.Registry.Transition("churn", 2, "Production");
        var output = Path.Combine(registry.Folder, "site");

        SiteWriter.Write(RegistrySite.Read(registry.Registry), output);

        var page = File.ReadAllText(Path.Combine(output, "models", "churn", "index.html"));
        Assert.Equal(2, Count(page, "<svg class=\"chart\""));
        Assert.Equal(12, Count(page, "<circle class=\"point"));
        Assert.Equal(4, Count(page, "<circle class=\"point s0 prod\"") + Count(page, "<circle class=\"point s1 prod\""));
        Assert.Contains("<title>v3 test auc = 0.88</title>", page, StringComparison.Ordinal);
        Assert.Contains("Production v2", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
