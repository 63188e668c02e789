using System.Globalization;
using System.Text;
using GitRegistry.Manifests;
using static GitRegistry.Site.SiteText;

namespace GitRegistry.Site;

/// <summary>
/// Writes a <see cref="RegistrySite"/> as static HTML: <c>index.html</c>, and per model
/// <c>models/NAME/index.html</c>, <c>models/NAME/vN.html</c> and <c>models/NAME/diff-A-B.html</c>, with one
/// stylesheet and one script. Links are relative, so the folder works from any static host or the file system.
/// </summary>
public static class SiteWriter
{
    /// <summary>Writes the site into <paramref name="directory"/> (created if needed) and returns how many pages it wrote.</summary>
    public static int Write(RegistrySite site, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, SiteAssets.StylesheetFile), SiteAssets.Stylesheet);
        File.WriteAllText(Path.Combine(directory, SiteAssets.ScriptFile), SiteAssets.Script);
        File.WriteAllText(Path.Combine(directory, "index.html"), IndexPage(site));
        // Models share nothing but the site's header: their pages are rendered and written in parallel.
        var pages = 1;
        Parallel.ForEach(site.Models, model => Interlocked.Add(ref pages, WriteModel(site, model, Path.Combine(directory, "models", model.Name))));
        return pages;
    }

    private static int WriteModel(RegistrySite site, ModelPage model, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), ModelPageHtml(site, model));
        foreach (var version in model.Versions)
        {
            File.WriteAllText(Path.Combine(folder, VersionFile(version.Version)), VersionPageHtml(site, model, version));
        }
        foreach (var diff in model.Diffs)
        {
            File.WriteAllText(Path.Combine(folder, DiffFile(diff.Older.Version, diff.Newer.Version)), DiffPageHtml(site, model, diff));
        }
        return 1 + model.Versions.Count + model.Diffs.Count;
    }

    /// <summary>The file name of a version's page, relative to its model's folder.</summary>
    public static string VersionFile(int version) => $"v{version}.html";

    /// <summary>The file name of a comparison page, relative to the model's folder.</summary>
    public static string DiffFile(int older, int newer) => $"diff-{older}-{newer}.html";

    // ---- pages -----------------------------------------------------------------------------------------

    private static string IndexPage(RegistrySite site)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Html(site.Name)}</h1><p class=\"muted\">{site.Models.Count} model{(site.Models.Count == 1 ? "" : "s")} in this registry.</p>");
        body.Append("<label for=\"search\">Search models</label><input id=\"search\" type=\"search\" placeholder=\"name, description, alias, tag\" autocomplete=\"off\" aria-describedby=\"search-status\">");
        body.Append("<p id=\"search-status\" class=\"muted\" aria-live=\"polite\"></p>");
        body.Append("<div class=\"table-wrap\"><table id=\"models\"><caption class=\"muted\">Models, their Production and Staging versions and last change</caption>");
        body.Append("<thead><tr><th scope=\"col\">Model</th><th scope=\"col\">Production</th><th scope=\"col\">Staging</th><th scope=\"col\">Aliases</th><th scope=\"col\">Versions</th><th scope=\"col\">Last change</th></tr></thead><tbody>");
        foreach (var model in site.Models)
        {
            var search = string.Join(' ', new[] { model.Name, model.State.Description ?? "" }
                .Concat(model.State.Aliases.Keys).Concat(model.State.Tags.Select(t => $"{t.Key}={t.Value}"))).ToLowerInvariant();
            var href = $"models/{Url(model.Name)}/index.html";
            body.Append(CultureInfo.InvariantCulture, $"<tr data-search=\"{Html(search)}\" data-model=\"{Html(model.Name)}\">");
            body.Append(CultureInfo.InvariantCulture, $"<td><a href=\"{href}\"><strong>{Html(model.Name)}</strong></a>{(model.State.Description is { } d ? $"<br><span class=\"muted\">{Html(d)}</span>" : "")}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td class=\"production\">{VersionLink(model.Production, $"models/{Url(model.Name)}/")}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td class=\"staging\">{VersionLink(model.Staging, $"models/{Url(model.Name)}/")}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{Aliases(model, $"models/{Url(model.Name)}/")}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{model.Versions.Count(v => !v.Info.IsDeleted)}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{LastChange(model.LastChange)}</td></tr>");
        }
        body.Append("</tbody></table></div>");
        return Layout(site, site.Name, "", [], body.ToString());
    }

    private static string ModelPageHtml(RegistrySite site, ModelPage model)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Html(model.Name)}</h1>");
        if (model.State.Description is { } description)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{Html(description)}</p>");
        }
        body.Append("<dl>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Production</dt><dd>{VersionLink(model.Production, "")}</dd>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Staging</dt><dd>{VersionLink(model.Staging, "")}</dd>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Aliases</dt><dd id=\"aliases\">{Aliases(model, "")}</dd>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Tags</dt><dd>{Tags(model.State.Tags)}</dd>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Last change</dt><dd>{LastChange(model.LastChange)}</dd>");
        body.Append("</dl>");

        body.Append("<h2 id=\"versions-heading\">Versions</h2><div class=\"table-wrap\"><table id=\"versions\" aria-labelledby=\"versions-heading\"><thead><tr>");
        body.Append("<th scope=\"col\">Version</th><th scope=\"col\">Stage</th><th scope=\"col\">Created</th><th scope=\"col\">Created by</th><th scope=\"col\">Data cutoff</th>");
        foreach (var metric in model.HeadlineMetrics)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{Html(metric)}</th>");
        }
        body.Append("<th scope=\"col\">Compare</th></tr></thead><tbody>");
        foreach (var version in model.Versions.Reverse())
        {
            var m = version.Info.Manifest;
            body.Append(CultureInfo.InvariantCulture, $"<tr data-version=\"{version.Version}\"><th scope=\"row\"><a href=\"{VersionFile(version.Version)}\">v{version.Version}</a>{AliasBadges(version.Info.Aliases)}</th>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{StageBadge(version.Info.IsDeleted ? "Deleted" : version.Info.Stage)}</td><td>{Html(m.CreatedAt)}</td><td>{Html(m.CreatedBy.Name)}</td><td>{Html(m.Data?.Cutoff ?? "")}</td>");
            foreach (var metric in model.HeadlineMetrics)
            {
                var cells = m.Metrics.Where(s => s.Value.ContainsKey(metric)).Select(s => $"<span class=\"muted\">{Html(s.Key)}</span> {Number(s.Value[metric])}");
                body.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{string.Join("<br>", cells)}</td>");
            }
            body.Append(CultureInfo.InvariantCulture, $"<td>{(version.Previous is { } p ? $"<a href=\"{DiffFile(p, version.Version)}\">vs v{p}</a>" : "")}</td></tr>");
        }
        body.Append("</tbody></table></div>");

        body.Append("<h2>Metrics across versions</h2>");
        if (model.Charts.Count == 0)
        {
            body.Append("<p class=\"muted\">No version reports metrics.</p>");
        }
        else
        {
            body.Append("<div class=\"charts\">");
            for (var i = 0; i < model.Charts.Count; i++)
            {
                body.Append(MetricChart.Render(model.Name, model.Charts[i], model.Production, $"chart{i}"));
            }
            body.Append("</div>");
        }

        body.Append("<h2 id=\"timeline-heading\">Stage timeline</h2>");
        if (model.Timeline.Count == 0)
        {
            body.Append("<p class=\"muted\">No version has entered a stage yet.</p>");
        }
        else
        {
            body.Append("<div class=\"table-wrap\"><table id=\"timeline\" aria-labelledby=\"timeline-heading\"><thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Version</th><th scope=\"col\">From</th><th scope=\"col\">Until</th><th scope=\"col\">History</th></tr></thead><tbody>");
            foreach (var span in model.Timeline)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{StageBadge(span.Stage)}</td><td><a href=\"{VersionFile(span.Version)}\">v{span.Version}</a></td><td>{TimeTag(span.From)}</td><td>{(span.To is { } to ? TimeTag(to) : "<em>now</em>")}</td><td>{Badge(span.Verified)}</td></tr>");
            }
            body.Append("</tbody></table></div>");
        }
        return Layout(site, model.Name, "../../", [(model.Name, null)], body.ToString());
    }

    private static string VersionPageHtml(RegistrySite site, ModelPage model, VersionPage page)
    {
        var info = page.Info;
        var m = info.Manifest;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Html(model.Name)} v{page.Version} {StageBadge(info.IsDeleted ? "Deleted" : info.Stage)}</h1>");
        if (info.Description is { } description)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{Html(description)}</p>");
        }
        body.Append("<dl>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Created</dt><dd>{Html(m.CreatedAt)} by {Html(m.CreatedBy.ToString())}</dd>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Aliases</dt><dd>{(info.Aliases.Count == 0 ? "<span class=\"muted\">none</span>" : AliasBadges(info.Aliases))}</dd>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Tags</dt><dd>{Tags(info.State.Tags.Count > 0 ? info.State.Tags : m.Tags)}</dd>");
        if (info.State.Deleted is { } deleted)
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>Deleted</dt><dd>{Html(deleted.At)} by {Html(deleted.By.ToString())}{(deleted.Comment is { } c ? ": " + Html(c) : "")}</dd>");
        }
        if (page.Previous is { } previous)
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>Compare</dt><dd><a href=\"{DiffFile(previous, page.Version)}\">with v{previous}</a></dd>");
        }
        if (m.Run is { } run)
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>Run</dt><dd><code>{Html(run.Id)}</code>{(run.Uri is { } u ? $" <code>{Html(u)}</code>" : "")}</dd>");
        }
        body.Append("</dl>");

        body.Append("<h2 id=\"params-heading\">Parameters</h2>");
        body.Append(m.Params.Count == 0 ? "<p class=\"muted\">None recorded.</p>"
            : Table("params", "params-heading", ["Parameter", "Value"], m.Params.Select(p => new[] { Html(p.Key), $"<code>{Html(Value(p.Value))}</code>" })));

        body.Append("<h2 id=\"metrics-heading\">Metrics</h2>");
        var splits = m.Metrics.Keys.ToList();
        var names = m.Metrics.Values.SelectMany(s => s.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        body.Append(names.Count == 0 ? "<p class=\"muted\">None recorded.</p>"
            : Table("metrics", "metrics-heading", ["Metric", .. splits], names.Select(n => new[] { Html(n) }.Concat(splits.Select(s => m.Metrics[s].TryGetValue(n, out var v) ? Number(v) : "")).ToArray())));

        body.Append("<h2>Lineage</h2><dl>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Data sha256</dt><dd>{Code(m.Data?.Sha256)}</dd><dt>Data cutoff</dt><dd>{Html(m.Data?.Cutoff ?? "—")}</dd>");
        if (m.Data?.Source is { } source)
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>Data source</dt><dd><code>{Html(source)}</code></dd>");
        }
        if (m.Data?.Rows is { } rows)
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>Rows</dt><dd>{rows}</dd>");
        }
        body.Append(CultureInfo.InvariantCulture, $"<dt>Preprocessing version</dt><dd>{Html(m.Preprocessing?.Version ?? "—")}</dd>");
        if (m.Preprocessing?.CodeCommit is { } preCommit)
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>Preprocessing commit</dt><dd>{Code(preCommit)}</dd>");
        }
        body.Append(CultureInfo.InvariantCulture, $"<dt>Code commit</dt><dd>{Code(m.CodeCommit)}</dd></dl>");

        body.Append("<h2>Artifact</h2><dl>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>URI</dt><dd>{Code(m.Artifact.Uri)}</dd><dt>File</dt><dd>{Html(m.Artifact.FileName)} ({Html(m.Artifact.Format)})</dd>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>Size</dt><dd>{m.Artifact.Size.ToString("N0", CultureInfo.InvariantCulture)} bytes</dd><dt>sha256</dt><dd>{Code(m.Artifact.Sha256)}</dd></dl>");

        body.Append("<h2>Dependencies</h2>");
        if (m.Dependencies is { } deps)
        {
            body.Append(CultureInfo.InvariantCulture, $"<dl><dt>File</dt><dd>{Html(deps.FileName)}</dd><dt>sha256</dt><dd>{Code(deps.Sha256)}</dd></dl>");
            if (deps.Content is { } content)
            {
                body.Append(CultureInfo.InvariantCulture, $"<pre>{Html(content)}</pre>");
            }
        }
        else
        {
            body.Append("<p class=\"muted\">None recorded.</p>");
        }

        body.Append("<h2 id=\"signature-heading\">Signature</h2>");
        if (m.Signature is { } signature)
        {
            var columns = signature.Inputs.Select(c => ("input", c)).Concat(signature.Outputs.Select(c => ("output", c)));
            body.Append(Table("signature", "signature-heading", ["Direction", "Name", "Type", "Shape", "Optional"], columns.Select(x => new[]
            {
                x.Item1, Html(x.c.Name), Html(x.c.Type), x.c.Shape is null ? "" : "[" + string.Join(", ", x.c.Shape) + "]", x.c.Optional == true ? "yes" : "",
            })));
        }
        else
        {
            body.Append("<p class=\"muted\">None recorded.</p>");
        }

        body.Append("<h2 id=\"approvals-heading\">Approvals</h2>");
        body.Append(page.Approvals.Count == 0 ? "<p class=\"muted\">No approvals recorded.</p>"
            : Table("approvals", "approvals-heading", ["Stage", "By", "At", "Comment", "Signature"], page.Approvals.Select(a => new[]
            {
                Html(a.Record.Stage), Html(a.Record.By.ToString()), Html(a.Record.At), Html(a.Record.Comment ?? ""),
                Badge(a.IsVerified, a.Problem) + $" <code class=\"nowrap\">{Html(Short(a.CommitId))}</code>",
            })));

        body.Append("<h2 id=\"events-heading\">Audit trail</h2>");
        body.Append(page.Events.Count == 0 ? "<p class=\"muted\">No events.</p>"
            : Table("events", "events-heading", ["When", "What", "Who", "Comment", "Commit", "Verification"], page.Events.Select(e => new[]
            {
                TimeTag(e.Event.Time), Html(e.Event.Detail), Html(e.Event.Actor), Html(e.Event.Comment ?? ""), $"<code class=\"nowrap\">{Html(Short(e.Event.CommitId))}</code>",
                Badge(e.IsVerified, e.Problems.Count == 0 ? (e.Event.Verified ? null : "signature not verified") : string.Join("; ", e.Problems)),
            })));
        return Layout(site, $"{model.Name} v{page.Version}", "../../", [(model.Name, "index.html"), ($"v{page.Version}", null)], body.ToString());
    }

    private static string DiffPageHtml(RegistrySite site, ModelPage model, VersionDiff diff)
    {
        var (a, b) = (diff.Older.Version, diff.Newer.Version);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Html(model.Name)}: v{a} → v{b}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{VersionFile(a)}\">v{a}</a> ({Html(diff.Older.Stage)}, {Html(diff.Older.Manifest.CreatedAt)}) compared with <a href=\"{VersionFile(b)}\">v{b}</a> ({Html(diff.Newer.Stage)}, {Html(diff.Newer.Manifest.CreatedAt)}). ");
        body.Append(CultureInfo.InvariantCulture, $"{diff.Params.Count(r => r.Changed)} parameter(s) and {diff.Metrics.Count(r => r.Changed)} metric(s) differ; changed rows are highlighted and marked.</p>");
        body.Append("<h2 id=\"params-heading\">Parameters</h2>");
        body.Append(DiffTable("params", "params-heading", "Parameter", a, b, diff.Params, withDelta: false));
        body.Append("<h2 id=\"metrics-heading\">Metrics</h2>");
        body.Append(DiffTable("metrics", "metrics-heading", "Split.metric", a, b, diff.Metrics, withDelta: true));
        return Layout(site, $"{model.Name} v{a} → v{b}", "../../", [(model.Name, "index.html"), ($"v{a} → v{b}", null)], body.ToString());
    }

    // ---- pieces ----------------------------------------------------------------------------------------

    private static string Layout(RegistrySite site, string title, string root, IReadOnlyList<(string Text, string? Href)> trail, string body)
    {
        var crumbs = new StringBuilder($"<li><a href=\"{root}index.html\">{Html(site.Name)}</a></li>");
        foreach (var (text, href) in trail)
        {
            crumbs.Append(href is null ? $"<li aria-current=\"page\">{Html(text)}</li>" : $"<li><a href=\"{href}\">{Html(text)}</a></li>");
        }
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="generator" content="gitreg site">
            <title>{Html(title)} · {Html(site.Name)}</title>
            <link rel="stylesheet" href="{root}{SiteAssets.StylesheetFile}">
            </head>
            <body>
            <header><nav aria-label="Breadcrumb"><ol>{crumbs}</ol></nav></header>
            <main>
            {body}
            </main>
            <footer>Generated by <code>gitreg site</code> from commit <code>{Html(Short(site.CommitId))}</code> at {TimeTag(site.GeneratedAt)}.</footer>
            <script src="{root}{SiteAssets.ScriptFile}"></script>
            </body>
            </html>
            """;
    }

    private static string Table(string id, string labelledBy, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var html = new StringBuilder($"<div class=\"table-wrap\"><table id=\"{id}\" aria-labelledby=\"{labelledBy}\"><thead><tr>");
        foreach (var header in headers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{Html(header)}</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>").Append(string.Concat(row.Select(cell => $"<td>{cell}</td>"))).Append("</tr>");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    private static string DiffTable(string id, string labelledBy, string keyHeader, int a, int b, IReadOnlyList<DiffRow> rows, bool withDelta)
    {
        if (rows.Count == 0)
        {
            return "<p class=\"muted\">Neither version records any.</p>";
        }
        var html = new StringBuilder($"<div class=\"table-wrap\"><table id=\"{id}\" aria-labelledby=\"{labelledBy}\"><thead><tr><th scope=\"col\">{keyHeader}</th><th scope=\"col\">v{a}</th><th scope=\"col\">v{b}</th>");
        html.Append(withDelta ? "<th scope=\"col\">Change</th>" : "").Append("<th scope=\"col\">Status</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var status = row.Old is null ? "added" : row.New is null ? "removed" : row.Changed ? "changed" : "same";
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{status}\"><th scope=\"row\">{Html(row.Key)}</th><td><code>{Html(row.Old ?? "—")}</code></td><td><code>{Html(row.New ?? "—")}</code></td>");
            if (withDelta)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(row.Delta is { } d ? (d > 0 ? "+" : "") + Number(d) : "")}</td>");
            }
            html.Append(CultureInfo.InvariantCulture, $"<td>{(status == "same" ? "<span class=\"muted\">same</span>" : $"<strong>{status}</strong>")}</td></tr>");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    private static string VersionLink(int? version, string prefix) =>
        version is { } v ? $"<a href=\"{prefix}{VersionFile(v)}\">v{v}</a>" : "<span class=\"muted\">—</span>";

    private static string Aliases(ModelPage model, string prefix) =>
        model.State.Aliases.Count == 0 ? "<span class=\"muted\">—</span>"
            : string.Join(", ", model.State.Aliases.Select(a => $"<a href=\"{prefix}{VersionFile(a.Value)}\">@{Html(a.Key)}</a>&nbsp;→&nbsp;v{a.Value}"));

    private static string AliasBadges(IReadOnlyList<string> aliases) => string.Concat(aliases.Select(a => $" <span class=\"badge\">@{Html(a)}</span>"));

    private static string Tags(IReadOnlyDictionary<string, string> tags) =>
        tags.Count == 0 ? "<span class=\"muted\">none</span>" : string.Join(" ", tags.Select(t => $"<span class=\"badge\">{Html(t.Key)}={Html(t.Value)}</span>"));

    private static string StageBadge(string stage) => $"<span class=\"badge stage-{Html(stage.ToLowerInvariant())}\">{Html(stage)}</span>";

    private static string Badge(bool verified, string? problem = null) => verified
        ? "<span class=\"badge verified\" title=\"signature and policy verified\">✓ verified</span>"
        : $"<span class=\"badge unverified\" title=\"{Html(problem ?? "not verified")}\">✗ unverified</span>{(problem is null ? "" : $" <span class=\"muted\">{Html(problem)}</span>")}";

    private static string LastChange(AuditEntry? entry) => entry is null ? "<span class=\"muted\">—</span>"
        : $"{TimeTag(entry.Event.Time)} by {Html(entry.Event.Actor)}<br><span class=\"muted\">{Html(entry.Event.Detail)}</span>";

    private static string TimeTag(DateTimeOffset time) => $"<time datetime=\"{IsoTime(time)}\">{Time(time)}</time>";

    private static string Code(string? text) => text is null ? "—" : $"<code>{Html(text)}</code>";

    private static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;

    private static string Url(string name) => Uri.EscapeDataString(name);
}
