using System.Globalization;
using System.Net;
using System.Text;

namespace SecondSource.Web.Charts;

/// <summary>
/// An SVG chart of one measurement on two lines: both empirical distribution functions (from the quantile sketches,
/// 1 % to 99 %), the spec limits near the data, and the reference mean ± the equivalence margin as a band. Numbers only from the
/// server's data; the name is HTML-encoded.
/// </summary>
public static class DistributionChart
{
    private const int Width = 520;
    private const int Height = 190;
    private const int Left = 40;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 34;

    public static string Svg(string name, string unit, IReadOnlyList<double> probabilities, IReadOnlyList<double> a, IReadOnlyList<double> b, double? low, double? high, double? referenceMean, double? margin, string labelA, string labelB)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var values = a.Concat(b).Where(double.IsFinite).ToList();
        if (referenceMean is { } m && margin is { } d)
        {
            values.Add(m - d);
            values.Add(m + d);
        }

        var min = values.Min();
        var max = values.Max();

        // Limits are drawn when they are near the data (within one data span of it); far limits would flatten the curves.
        var span = Math.Max(max - min, Math.Abs(max) * 1e-9 + 1e-12);
        foreach (var limit in new[] { low, high })
        {
            if (limit is { } l && l >= min - span && l <= max + span)
            {
                (min, max) = (Math.Min(min, l), Math.Max(max, l));
            }
        }

        var pad = Math.Max((max - min) * 0.08, Math.Abs(max) * 1e-9 + 1e-12);
        min -= pad;
        max += pad;
        double X(double v) => Left + (Width - Left - Right) * (v - min) / (max - min);
        double Y(double p) => Top + (Height - Top - Bottom) * (1 - p);
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string V(double v) => SecondSource.Domain.Common.Quantities.Format(v, unit, 5);

        var svg = new StringBuilder();
        var title = WebUtility.HtmlEncode($"{name}: distribution on both lines");
        svg.Append(CultureInfo.InvariantCulture, $"""<svg viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-label="{title}" class="chart" data-chart="{WebUtility.HtmlEncode(name)}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{Top}" width="{Width - Left - Right}" height="{Height - Top - Bottom}" fill="#fff" stroke="#dde2ea"/>""");
        if (referenceMean is { } mean && margin is { } delta)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(X(mean - delta))}" y="{Top}" width="{F(X(mean + delta) - X(mean - delta))}" height="{Height - Top - Bottom}" fill="#1e7b4a" fill-opacity="0.08"><title>reference mean ± margin</title></rect>""");
        }

        foreach (var (limit, label) in new[] { (low, "LSL"), (high, "USL") })
        {
            if (limit is { } l && l >= min && l <= max)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(X(l))}" y1="{Top}" x2="{F(X(l))}" y2="{Height - Bottom}" stroke="#b42318" stroke-dasharray="4 3"/><text x="{F(X(l) + 3)}" y="{Top + 10}" font-size="9" fill="#b42318">{label}</text>""");
            }
        }

        foreach (var (quantiles, colour) in new[] { (a, "#1f5fae"), (b, "#9a6400") })
        {
            var points = string.Join(" ", quantiles.Select((q, i) => $"{F(X(q))},{F(Y(probabilities[i]))}"));
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="{Height - Bottom + 12}" font-size="9" fill="#5d6877">{WebUtility.HtmlEncode(V(min))}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width - Right}" y="{Height - Bottom + 12}" font-size="9" fill="#5d6877" text-anchor="end">{WebUtility.HtmlEncode(V(max))}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="4" y="{F(Y(1) + 4)}" font-size="9" fill="#5d6877">100 %</text><text x="4" y="{F(Y(0))}" font-size="9" fill="#5d6877">0 %</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{Height - 14}" width="10" height="3" fill="#1f5fae"/><text x="{Left + 14}" y="{Height - 10}" font-size="10">{WebUtility.HtmlEncode(labelA)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left + 240}" y="{Height - 14}" width="10" height="3" fill="#9a6400"/><text x="{Left + 254}" y="{Height - 10}" font-size="10">{WebUtility.HtmlEncode(labelB)}</text>""");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
