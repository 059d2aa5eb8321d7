using System.Globalization;
using System.Net;
using System.Text;
using SecondSource.Application.Planning;

namespace SecondSource.Web.Charts;

/// <summary>
/// The stress test's two charts as SVG (research/planning.md §4.4): the survival curves S(k) = P(time to survive ≥ k)
/// of each warm-batch cadence over the primary's recovery exceedance P(outage ≥ k) — risk is where supply falls before
/// the primary is back — and the loss-exceedance curves P(lost units &gt; x) on a log axis with each cadence's CVaR95.
/// </summary>
public static class StressCharts
{
    private const int Width = 560, Height = 230, Left = 48, Right = 12, Top = 12, Bottom = 40;
    private static readonly string[] Colours = ["#1f4e99", "#1e7b4a", "#b35c00"];

    /// <summary>Each cadence's line pattern besides its colour, so that curves lying on one another stay apart and colour is never the only signal.</summary>
    private static readonly string?[] Dashes = [null, "9 4", "2 3"];

    public static string Survival(IReadOnlyList<StressPolicyResult> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var weeks = policies[0].Summary.Survival.Count - 1;
        double X(double k) => Left + ((Width - Left - Right) * k / weeks);
        double Y(double p) => Top + ((Height - Top - Bottom) * (1 - p));
        var svg = Open("survival", "Survival: P(time to survive ≥ k weeks) against the primary's recovery");
        Grid(svg, Enumerable.Range(0, (weeks / 4) + 1).Select(i => (X(i * 4), (i * 4).ToString(CultureInfo.InvariantCulture))), [0, 0.25, 0.5, 0.75, 1.0], Y, p => p.ToString("P0", CultureInfo.InvariantCulture));
        Step(svg, policies[0].Summary.RecoveryExceedance, X, Y, "#8a8f98", "6 4", "primary still down: P(outage ≥ k)");
        for (var i = 0; i < policies.Count; i++)
        {
            Step(svg, policies[i].Summary.Survival, X, Y, Colours[i % Colours.Length], Dashes[i % Dashes.Length], policies[i].Name);
        }

        Axis(svg, "weeks after the primary fails", "probability");
        Legend(svg, [.. policies.Select((p, i) => (p.Name, Colours[i % Colours.Length], Dashes[i % Dashes.Length])), ("primary still down", "#8a8f98", (string?)"6 4")]);
        return svg.Append("</svg>").ToString();
    }

    public static string LossExceedance(IReadOnlyList<StressPolicyResult> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var max = Math.Max(1, policies.Max(p => p.Summary.SortedLosses.Length == 0 ? 0 : p.Summary.SortedLosses[^1]));
        const double floor = 1e-3; // P below 0.1 % is off the chart
        double X(double v) => Left + ((Width - Left - Right) * v / max);
        double Y(double p) => Top + ((Height - Top - Bottom) * (Math.Log10(Math.Max(p, floor)) / Math.Log10(floor)));
        var svg = Open("loss-exceedance", "Loss exceedance: P(lost units > x), log scale, with CVaR95");
        var ticks = Enumerable.Range(0, 5).Select(i => max * i / 4).Select(v => (X(v), v.ToString("N0", CultureInfo.InvariantCulture)));
        Grid(svg, ticks, [1, 0.1, 0.01, 0.001], Y, p => p.ToString("0.###", CultureInfo.InvariantCulture));
        for (var i = 0; i < policies.Count; i++)
        {
            var s = policies[i].Summary;
            var colour = Colours[i % Colours.Length];
            var points = new StringBuilder();
            foreach (var x in Enumerable.Range(0, 121).Select(j => max * j / 120))
            {
                var p = s.Exceedance(x);
                if (p < floor)
                {
                    break;
                }

                points.Append(CultureInfo.InvariantCulture, $"{X(x):0.#},{Y(p):0.#} ");
            }

            var dash = Dashes[i % Dashes.Length];
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{colour}" stroke-width="2"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} points="{points.ToString().TrimEnd()}"><title>{WebUtility.HtmlEncode(policies[i].Name)}</title></polyline>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{X(s.ConditionalValueAtRisk95):0.#}" x2="{X(s.ConditionalValueAtRisk95):0.#}" y1="{Top}" y2="{Height - Bottom}" stroke="{colour}" stroke-dasharray="2 3"><title>CVaR95 {s.ConditionalValueAtRisk95:N0} units ({WebUtility.HtmlEncode(policies[i].Name)})</title></line>""");
        }

        Axis(svg, "lost units", "P(loss > x)");
        Legend(svg, [.. policies.Select((p, i) => (p.Name, Colours[i % Colours.Length], Dashes[i % Dashes.Length]))]);
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string kind, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg viewBox="0 0 {Width} {Height + 44}" width="{Width}" height="{Height + 44}" role="img" aria-label="{WebUtility.HtmlEncode(title)}" class="chart" data-chart="{kind}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{Top}" width="{Width - Left - Right}" height="{Height - Top - Bottom}" fill="#fff" stroke="#dde2ea"/>""");
        return svg;
    }

    private static void Grid(StringBuilder svg, IEnumerable<(double X, string Label)> xTicks, double[] yTicks, Func<double, double> y, Func<double, string> yLabel)
    {
        foreach (var (x, label) in xTicks)
        {
            // A label at the right edge is anchored at its end so it is not cut off.
            var anchor = x > Width - Right - 20 ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x:0.#}" y="{Height - Bottom + 14}" font-size="10" text-anchor="{anchor}" fill="#555">{label}</text>""");
        }

        foreach (var p in yTicks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" x2="{Width - Right}" y1="{y(p):0.#}" y2="{y(p):0.#}" stroke="#eef1f5"/><text x="{Left - 4}" y="{y(p) + 3:0.#}" font-size="10" text-anchor="end" fill="#555">{yLabel(p)}</text>""");
        }
    }

    private static void Step(StringBuilder svg, IReadOnlyList<double> series, Func<double, double> x, Func<double, double> y, string colour, string? dash, string title)
    {
        var points = new StringBuilder();
        for (var k = 0; k < series.Count; k++)
        {
            points.Append(CultureInfo.InvariantCulture, $"{x(k):0.#},{y(series[k]):0.#} ");
            if (k + 1 < series.Count)
            {
                points.Append(CultureInfo.InvariantCulture, $"{x(k + 1):0.#},{y(series[k]):0.#} ");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{colour}" stroke-width="2"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} points="{points.ToString().TrimEnd()}"><title>{WebUtility.HtmlEncode(title)}</title></polyline>""");
    }

    private static void Axis(StringBuilder svg, string x, string y)
    {
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{(Left + Width - Right) / 2}" y="{Height - Bottom + 30}" font-size="11" text-anchor="middle" fill="#333">{WebUtility.HtmlEncode(x)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="12" y="{(Top + Height - Bottom) / 2}" font-size="11" text-anchor="middle" fill="#333" transform="rotate(-90 12 {(Top + Height - Bottom) / 2})">{WebUtility.HtmlEncode(y)}</text>""");
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<(string Name, string Colour, string? Dash)> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var (name, colour, dash) = items[i];
            var x = Left + ((i % 2) * 260);
            var y = Height + 6 + ((i / 2) * 16);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x}" x2="{x + 18}" y1="{y}" y2="{y}" stroke="{colour}" stroke-width="2"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/><text x="{x + 24}" y="{y + 4}" font-size="10" fill="#333">{WebUtility.HtmlEncode(name)}</text>""");
        }
    }
}
