namespace GitRegistry.Site;

/// <summary>The site's one stylesheet and one script, written next to the pages: nothing is fetched at view time.</summary>
internal static class SiteAssets
{
    public const string StylesheetFile = "site.css";
    public const string ScriptFile = "site.js";

    // Colours meet WCAG AA contrast on their background in both schemes; dark mode follows the reader's system.
    public const string Stylesheet = """
        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
          --link: #0550ae; --ok: #116329; --ok-bg: #dafbe1; --bad: #a40e26; --bad-bg: #ffebe9; --add: #dafbe1; --del: #ffebe9; --chg: #fff8c5;
          --s0: #0969da; --s1: #bc4c00; --s2: #1a7f37; --s3: #8250df; --s4: #bf3989; --s5: #4d5b67; --prod: #a40e26; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --panel: #161b22; --link: #79c0ff;
            --ok: #7ee787; --ok-bg: #033a16; --bad: #ffa198; --bad-bg: #490202; --add: #033a16; --del: #490202; --chg: #3b2e00;
            --s0: #58a6ff; --s1: #ffa657; --s2: #7ee787; --s3: #d2a8ff; --s4: #ff7b72; --s5: #c9d1d9; --prod: #ff7b72; }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
        header { padding-top: 1rem; }
        nav ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
        nav li + li::before { content: "›"; margin-right: .25rem; color: var(--muted); }
        footer { color: var(--muted); font-size: .875rem; padding-bottom: 2rem; }
        a { color: var(--link); }
        h1 { font-size: 1.75rem; margin: .5rem 0; word-break: break-word; }
        h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .875em; word-break: break-all; }
        .table-wrap { overflow-x: auto; }
        time, .nowrap { white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { text-align: left; padding: .375rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--panel); font-weight: 600; }
        td.num { font-variant-numeric: tabular-nums; }
        dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .25rem 1rem; }
        dt { color: var(--muted); }
        dd { margin: 0; }
        .badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .8125rem; border: 1px solid var(--line); white-space: nowrap; }
        .badge.verified { color: var(--ok); background: var(--ok-bg); border-color: var(--ok); }
        .badge.unverified { color: var(--bad); background: var(--bad-bg); border-color: var(--bad); }
        .badge.stage-production { color: var(--ok); border-color: var(--ok); }
        .muted { color: var(--muted); }
        tr.changed td { background: var(--chg); }
        tr.added td { background: var(--add); }
        tr.removed td { background: var(--del); }
        label { font-weight: 600; display: block; margin-top: 1rem; }
        input[type=search] { width: 100%; max-width: 30rem; font: inherit; padding: .5rem; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: .375rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr)); gap: 1rem; }
        figure.chart-figure { margin: 0; border: 1px solid var(--line); border-radius: .5rem; padding: .5rem; background: var(--panel); }
        svg.chart { width: 100%; height: auto; display: block; }
        svg .grid { stroke: var(--line); stroke-width: 1; }
        svg .axis { fill: var(--muted); font-size: 13px; }
        svg .line { fill: none; stroke-width: 2; }
        svg .production { stroke: var(--prod); stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg .production-label { fill: var(--prod); font-size: 13px; }
        svg circle.prod { stroke: var(--prod); stroke-width: 2; }
        .s0 { stroke: var(--s0); fill: var(--s0); background: var(--s0); } .s1 { stroke: var(--s1); fill: var(--s1); background: var(--s1); }
        .s2 { stroke: var(--s2); fill: var(--s2); background: var(--s2); } .s3 { stroke: var(--s3); fill: var(--s3); background: var(--s3); }
        .s4 { stroke: var(--s4); fill: var(--s4); background: var(--s4); } .s5 { stroke: var(--s5); fill: var(--s5); background: var(--s5); }
        polyline.line { fill: none; }
        ul.legend { list-style: none; display: inline-flex; flex-wrap: wrap; gap: .75rem; padding: 0; margin: 0 0 0 .5rem; }
        .swatch { display: inline-block; width: .75rem; height: .75rem; border-radius: 50%; margin-right: .25rem; vertical-align: middle; }
        pre { background: var(--panel); padding: .5rem; overflow-x: auto; border-radius: .375rem; }
        @media (max-width: 40rem) { body { font-size: 15px; } th, td { padding: .25rem .375rem; } dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; } }
        """;

    // Filters the index's model rows as the reader types; works from file:// (no fetch, no module).
    public const string Script = """
        (function () {
          var input = document.getElementById('search');
          if (!input) { return; }
          var rows = Array.prototype.slice.call(document.querySelectorAll('[data-search]'));
          var status = document.getElementById('search-status');
          function filter() {
            var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
            var shown = 0;
            rows.forEach(function (row) {
              var text = row.getAttribute('data-search');
              var match = words.every(function (w) { return text.indexOf(w) >= 0; });
              row.hidden = !match;
              if (match) { shown++; }
            });
            status.textContent = shown + ' of ' + rows.length + ' models';
          }
          input.addEventListener('input', filter);
          filter();
        })();
        """;
}
