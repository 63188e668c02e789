using GitRegistry.Site;

namespace GitRegistry.Tests.Site;

/// <summary>
/// The generated site opened from the file system in headless Chromium: what a reader sees, the search box, the
/// charts, dark mode and a phone's width, with no console error. Screenshots go to TestResults/site-screenshots.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SiteBrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "site-screenshots");

    [Fact]
    public async Task The_site_renders_in_chromium_with_working_search_charts_and_no_console_errors()
    {
        var executable = HeadlessChromium.Find()
            ?? throw new InvalidOperationException("Chromium is not installed, and this test needs it. Install it with: sudo apt-get update && sudo apt-get install -y chromium (Debian/Ubuntu), or set CHROMIUM to a Chromium or Chrome executable.");
        using var registry = FixtureRegistry();
        var output = Path.Combine(registry.Folder, "site");
        SiteWriter.Write(RegistrySite.Read(registry.Registry), output);
        await using var chromium = await HeadlessChromium.Launch(executable);
        await chromium.Emulate(1280, 900, mobile: false, "light");

        // Index: every model with its stage holders; the search box filters by name, alias and description.
        await chromium.Navigate(FileUrl(output, "index.html"));
        Assert.Equal(3, await Count(chromium, "#models tbody tr"));
        Assert.Equal("v4", await Text(chromium, "[data-model=churn] td.production"));
        Assert.Equal("v6", await Text(chromium, "[data-model=churn] td.staging"));
        Assert.Equal("<b>ranks</b> & sorts", await Text(chromium, "[data-model=ranker] .muted"));
        await chromium.Screenshot(Path.Combine(Screenshots, "index.png"));
        Assert.Equal(["fraud_detector"], await Search(chromium, "fraud"));
        Assert.Equal("1 of 3 models", await Text(chromium, "#search-status"));
        Assert.Equal(["churn"], await Search(chromium, "champion"));
        Assert.Equal(["ranker"], await Search(chromium, "RANKS sorts"));
        await chromium.Screenshot(Path.Combine(Screenshots, "index-search.png"));
        Assert.Equal(["churn", "fraud_detector", "ranker"], await Search(chromium, ""));

        // Model page: the version table, a chart per metric with a point per version and split, the stage timeline.
        await chromium.Navigate(FileUrl(output, "models", "churn", "index.html"));
        Assert.Equal(6, await Count(chromium, "#versions tbody tr"));
        Assert.Equal("6", await chromium.Evaluate<string>("document.querySelector('#versions tbody tr').dataset.version"));
        Assert.Equal(["auc", "logloss"], await Strings(chromium, "[...document.querySelectorAll('svg.chart')].map(s => s.dataset.metric)"));
        Assert.Equal(["12/12/2", "12/12/2"], await Strings(chromium,
            "[...document.querySelectorAll('svg.chart')].map(s => s.querySelectorAll('circle.point').length + '/' + s.dataset.points + '/' + s.querySelectorAll('circle.prod').length)"));
        Assert.True(await chromium.Evaluate<double>("document.querySelector('svg.chart').getBoundingClientRect().width") > 300);
        Assert.Equal(2, await Count(chromium, "svg.chart line.production"));
        Assert.Equal(["Production v2", "Staging v4", "Production v4", "Staging v6"], await Strings(chromium,
            "[...document.querySelectorAll('#timeline tbody tr')].map(r => r.cells[0].textContent + ' ' + r.cells[1].textContent)"));
        Assert.Contains("@champion", await Text(chromium, "#aliases"), StringComparison.Ordinal);
        await chromium.Screenshot(Path.Combine(Screenshots, "model-churn.png"), fullPage: true);

        await chromium.Emulate(1280, 900, mobile: false, "dark");
        Assert.Equal("rgb(13, 17, 23)", await chromium.Evaluate<string>("getComputedStyle(document.body).backgroundColor"));
        await chromium.Screenshot(Path.Combine(Screenshots, "model-churn-dark.png"), fullPage: true);

        // A phone: nothing wider than the screen but the tables, which scroll inside their own box.
        await chromium.Emulate(390, 844, mobile: true, "light");
        await chromium.Navigate(FileUrl(output, "models", "churn", "index.html"));
        Assert.True(await chromium.Evaluate<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the model page scrolls sideways on a phone");
        await chromium.Screenshot(Path.Combine(Screenshots, "model-churn-phone.png"), fullPage: true);
        await chromium.Emulate(1280, 900, mobile: false, "light");

        // Version page: stage, lineage, and every audit event verified.
        await chromium.Navigate(FileUrl(output, "models", "churn", "v4.html"));
        Assert.Equal("churn v4 Production", await Text(chromium, "h1"));
        var events = await Count(chromium, "#events tbody tr");
        Assert.Equal(4, events);
        Assert.Equal(events, await Count(chromium, "#events .badge.verified"));
        Assert.Equal(["learning_rate", "num_trees", "objective"], await Strings(chromium, "[...document.querySelectorAll('#params tbody tr')].map(r => r.cells[0].textContent)"));
        await chromium.Screenshot(Path.Combine(Screenshots, "version-churn-v4.png"), fullPage: true);

        // Comparison: the changed parameters are the highlighted rows.
        await chromium.Navigate(FileUrl(output, "models", "churn", "diff-3-4.html"));
        Assert.Equal(["learning_rate", "num_trees"], await Strings(chromium, "[...document.querySelectorAll('#params tr.changed th')].map(c => c.textContent)"));
        Assert.Equal(4, await Count(chromium, "#metrics tr.changed"));
        await chromium.Screenshot(Path.Combine(Screenshots, "diff-churn-3-4.png"), fullPage: true);

        Assert.Empty(chromium.Errors);
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshots: {Screenshots}");
    }

    /// <summary>Three models: churn with six versions through Staging and Production, two smaller ones.</summary>
    private static TestRegistry FixtureRegistry()
    {
        var registry = TestRegistry.Create(name: "acme-models");
        for (var step = 1; step <= 6; step++)
        {
            SiteFixture.RegisterTrained(registry, "churn", step);
        }
        registry.Registry.Transition("churn", 2, "Production");
        registry.Registry.Transition("churn", 4, "Staging");
        registry.Registry.Transition("churn", 4, "Production", archiveExisting: true, comment: "AUC 0.89 vs 0.87");
        registry.Registry.Transition("churn", 6, "Staging");
        registry.Registry.SetAlias("churn", "champion", 4);
        registry.Registry.Describe("churn", null, "Predicts churn within 30 days");
        SiteFixture.Register(registry, "fraud_detector", new Dictionary<string, object> { ["threshold"] = 0.7 },
            new Dictionary<string, IDictionary<string, double>> { ["test"] = new Dictionary<string, double> { ["auc"] = 0.97, ["precision"] = 0.81 } });
        SiteFixture.Register(registry, "fraud_detector", new Dictionary<string, object> { ["threshold"] = 0.75 },
            new Dictionary<string, IDictionary<string, double>> { ["test"] = new Dictionary<string, double> { ["auc"] = 0.98, ["precision"] = 0.85 } });
        SiteFixture.RegisterTrained(registry, "ranker", 1);
        registry.Registry.Describe("ranker", null, "<b>ranks</b> & sorts");
        return registry;
    }

    private static string FileUrl(params string[] parts) => new Uri(Path.Combine(parts)).AbsoluteUri;

    private static async Task<int> Count(HeadlessChromium chromium, string selector) =>
        await chromium.Evaluate<int>($"document.querySelectorAll({Js(selector)}).length");

    private static async Task<string> Text(HeadlessChromium chromium, string selector) =>
        (await chromium.Evaluate<string>($"document.querySelector({Js(selector)}).textContent")).Trim();

    private static async Task<List<string>> Strings(HeadlessChromium chromium, string expression) =>
        (await chromium.Evaluate(expression))!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    /// <summary>Types into the search box as a reader would and returns the models still shown.</summary>
    private static Task<List<string>> Search(HeadlessChromium chromium, string query) => Strings(chromium,
        $"(() => {{ const q = document.getElementById('search'); q.value = {Js(query)}; q.dispatchEvent(new Event('input')); " +
        "return [...document.querySelectorAll('#models tbody tr')].filter(r => !r.hidden).map(r => r.dataset.model); })()");

    private static string Js(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
