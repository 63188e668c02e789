using System.Globalization;
using System.Text;
using static GitRegistry.Site.SiteText;

namespace GitRegistry.Site;

/// <summary>
/// Draws a metric's history as a small inline SVG line chart: a line per split, a point per version (with a
/// title, for hover and screen readers) and the Production version marked. No script, no external file.
/// </summary>
internal static class MetricChart
{
    private const double Width = 640, Height = 240, Left = 60, Right = 16, Top = 22, Bottom = 36;

    public static string Render(string model, MetricHistory history, int? production, string id)
    {
        var versions = history.Series.SelectMany(s => s.Points.Select(p => p.Version)).Append(production ?? int.MaxValue)
            .Where(v => v != int.MaxValue).Distinct().Order().ToList();
        var values = history.Series.SelectMany(s => s.Points.Select(p => p.Value)).ToList();
        var (low, high) = (values.Min(), values.Max());
        if (high - low < 1e-12)
        {
            var pad = Math.Abs(low) > 1e-12 ? Math.Abs(low) * 0.05 : 1;
            (low, high) = (low - pad, high + pad);
        }
        var index = versions.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        double X(int version) => versions.Count == 1 ? Left + (Width - Left - Right) / 2 : Left + index[version] * (Width - Left - Right) / (versions.Count - 1);
        double Y(double value) => Top + (high - value) / (high - low) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        var title = $"{history.Metric} of {model} by version";
        var desc = string.Join("; ", history.Series.Select(s => $"{s.Split}: {s.Points.Count} versions, from {Number(s.Points[0].Value)} (v{s.Points[0].Version}) to {Number(s.Points[^1].Value)} (v{s.Points[^1].Version})"));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" data-metric=\"{Html(history.Metric)}\" data-points=\"{history.PointCount}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Html(title)}</title><desc id=\"{id}-d\">{Html(desc)}{(production is null ? "" : $"; Production is v{production}")}</desc>");

        for (var i = 0; i <= 4; i++)
        {
            var value = low + (high - low) * i / 4;
            var y = F(Y(value));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{y}\" y2=\"{y}\"/><text class=\"axis\" x=\"{F(Left - 6)}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Number(value)}</text>");
        }
        // At most ~12 version labels, so they stay readable with a hundred versions.
        var step = Math.Max(1, (int)Math.Ceiling(versions.Count / 12.0));
        for (var i = 0; i < versions.Count; i += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{F(X(versions[i]))}\" y=\"{F(Height - Bottom + 16)}\" text-anchor=\"middle\">v{versions[i]}</text>");
        }
        if (production is { } prod)
        {
            var x = F(X(prod));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"production\" x1=\"{x}\" x2=\"{x}\" y1=\"{F(Top)}\" y2=\"{F(Height - Bottom)}\"><title>Production: v{prod}</title></line>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"production-label\" x=\"{x}\" y=\"{F(Top - 4)}\" text-anchor=\"middle\">Production v{prod}</text>");
        }
        for (var s = 0; s < history.Series.Count; s++)
        {
            var series = history.Series[s];
            var css = $"s{s % 6}";
            if (series.Points.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line {css}\" points=\"{string.Join(' ', series.Points.Select(p => $"{F(X(p.Version))},{F(Y(p.Value))}"))}\"/>");
            }
            foreach (var point in series.Points)
            {
                var marked = point.Version == production ? " prod" : "";
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point {css}{marked}\" cx=\"{F(X(point.Version))}\" cy=\"{F(Y(point.Value))}\" r=\"{(marked.Length > 0 ? 5 : 3)}\" data-version=\"{point.Version}\" data-split=\"{Html(series.Split)}\"><title>v{point.Version} {Html(series.Split)} {Html(history.Metric)} = {Number(point.Value)}</title></circle>");
            }
        }
        svg.Append("</svg>");
        var legend = string.Concat(history.Series.Select((s, i) => $"<li><span class=\"swatch s{i % 6}\" aria-hidden=\"true\"></span>{Html(s.Split)}</li>"));
        return $"<figure class=\"chart-figure\">{svg}<figcaption><strong>{Html(history.Metric)}</strong> by version <ul class=\"legend\">{legend}</ul></figcaption></figure>";
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
