using System.Globalization;
using System.Net;
using System.Text;
using SecondSource.Application.Reviews;
using SecondSource.Domain.Common;
using SecondSource.Domain.Reviews;
using SecondSource.Domain.Statistics;

namespace SecondSource.Web.Charts;

/// <summary>
/// The review pack's charts as SVG: first-pass yield per quarter for each line, the defect Pareto (horizontal bars:
/// each line's share of its defects per category, largest first), the equivalence summary, and unit cost and lead time
/// on separate scales side by side.
/// A manufacturer's charts are drawn from its own line only.
/// </summary>
public static class ReviewCharts
{
    private const int Width = 500, Height = 230, Left = 52, Right = 12, Top = 12, Bottom = 56;
    private static readonly string[] Colours = ["#1f4e99", "#b35c00"];

    /// <summary>First-pass yield per quarter, one polyline a line.</summary>
    public static string YieldTrend(IReadOnlyList<(string Line, IReadOnlyList<YieldPoint> Points)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var quarters = lines[0].Points.Select(p => p.Quarter).ToList();
        var yields = lines.SelectMany(l => l.Points).Where(p => p.Yield is not null).Select(p => p.Yield!.Value).ToList();
        var low = yields.Count == 0 ? 0.9 : Math.Max(0, Math.Floor((yields.Min() - 0.01) * 50) / 50);
        double X(int i) => Left + 30 + ((Width - Left - Right - 60) * i / Math.Max(1, quarters.Count - 1));
        double Y(double p) => Top + ((Height - Top - Bottom) * (1 - ((p - low) / (1 - low))));
        var svg = Open("yield-trend", "First-pass yield per quarter");
        var ticks = Enumerable.Range(0, 5).Select(i => low + ((1 - low) * i / 4)).ToArray();
        Grid(svg, quarters.Select((q, i) => (X(i), q)), ticks, Y, p => p.ToString("P1", CultureInfo.InvariantCulture));
        for (var l = 0; l < lines.Count; l++)
        {
            var colour = Colours[l % Colours.Length];
            var points = lines[l].Points.Select((p, i) => (i, p)).Where(x => x.p.Yield is not null).ToList();
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{colour}" stroke-width="2" points="{string.Join(' ', points.Select(x => string.Create(CultureInfo.InvariantCulture, $"{X(x.i):0.#},{Y(x.p.Yield!.Value):0.#}")))}"/>""");
            foreach (var (i, p) in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{X(i):0.#}" cy="{Y(p.Yield!.Value):0.#}" r="3.5" fill="{colour}"><title>{Encode(lines[l].Line)} {p.Quarter}: {p.Yield:P2} of {p.Units:N0} units</title></circle>""");
            }
        }

        // Axis titles: what the vertical axis measures, and that the horizontal one is the review calendar's quarters.
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left + 4}" y="{Top + 11}" font-size="10" fill="#333">first-pass yield</text><text x="{(Left + Width - Right) / 2}" y="{Height - Bottom + 28}" font-size="10" text-anchor="middle" fill="#333">quarter</text>""");
        Legend(svg, [.. lines.Select((l, i) => (l.Line, Colours[i % Colours.Length]))]);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The defect Pareto as horizontal bars: a row per category (by their combined count, largest first) with its name
    /// written out on the left, one bar a line giving that line's share of its own defects, the count and share at
    /// the bar's end; the share axis on top. Names never overlap however long they are (cut at 26 characters, whole in
    /// the tooltip).
    /// </summary>
    public static string Pareto(IReadOnlyList<(string Line, IReadOnlyDictionary<string, long> Counts)> lines, int categories = 8)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var order = lines.SelectMany(l => l.Counts).GroupBy(c => c.Key, StringComparer.Ordinal).OrderByDescending(g => g.Sum(c => c.Value)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).Take(categories).ToList();
        var totals = lines.Select(l => l.Counts.Values.Sum()).ToList();
        var shares = lines.Select((l, i) => order.Select(c => totals[i] == 0 ? 0 : (double)l.Counts.GetValueOrDefault(c) / totals[i]).ToList()).ToList();
        var max = Math.Max(0.1, Math.Ceiling(shares.SelectMany(x => x).DefaultIfEmpty(0).Max() * 10) / 10);
        const int labelWidth = 168, axisTop = 30, barHeight = 11, gap = 9, valueRoom = 86;
        var row = (barHeight * lines.Count) + gap;
        var plotLeft = labelWidth + 8;
        var plotWidth = Width - plotLeft - valueRoom;
        var plotHeight = Math.Max(1, order.Count) * row;
        var legendTop = axisTop + plotHeight + 14;
        var height = legendTop + (lines.Count * 16) + 4;
        double X(double share) => plotLeft + (plotWidth * share / max);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" role="img" aria-label="Defect Pareto: each line's share of its own defects by category, largest first" class="chart" data-chart="pareto">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{plotLeft}" y="11" font-size="10" fill="#333">share of the line's defects</text>""");
        foreach (var tick in new[] { 0, max / 2, max })
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{X(tick):0.#}" x2="{X(tick):0.#}" y1="{axisTop - 4}" y2="{axisTop + plotHeight}" stroke="#dde2ea"/><text x="{X(tick):0.#}" y="{axisTop - 8}" font-size="10" text-anchor="middle" fill="#555">{tick.ToString("P0", CultureInfo.InvariantCulture)}</text>""");
        }

        if (order.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{plotLeft}" y="{axisTop + 14}" font-size="11" fill="#5d6877">no defect recorded in the quarter</text>""");
        }

        for (var c = 0; c < order.Count; c++)
        {
            var y0 = axisTop + (c * row) + (gap / 2.0);
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{labelWidth}" y="{y0 + (barHeight * lines.Count / 2.0) + 3.5:0.#}" font-size="10" text-anchor="end" fill="#333"><title>{Encode(order[c])}</title>{Encode(Short(order[c], 26))}</text>""");
            for (var l = 0; l < lines.Count; l++)
            {
                var y = y0 + (l * barHeight);
                var count = lines[l].Counts.GetValueOrDefault(order[c]);
                var text = $"{count:N0} ({shares[l][c].ToString("P1", CultureInfo.InvariantCulture)})";
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{plotLeft}" y="{y:0.#}" width="{Math.Max(0.5, X(shares[l][c]) - plotLeft):0.#}" height="{barHeight - 2}" fill="{Colours[l % Colours.Length]}"><title>{Encode(lines[l].Line)}, {Encode(order[c])}: {Encode(text)}</title></rect><text x="{X(shares[l][c]) + 4:0.#}" y="{y + barHeight - 3:0.#}" font-size="9" fill="#333">{Encode(text)}</text>""");
            }
        }

        for (var l = 0; l < lines.Count; l++)
        {
            var y = legendTop + (l * 16);
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="8" y="{y}" width="12" height="10" fill="{Colours[l % Colours.Length]}"/><text x="26" y="{y + 9}" font-size="10" fill="#333">{Encode(lines[l].Line)} ({totals[l]:N0} defects)</text>""");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The equivalence summary: one stacked bar of the measurements by verdict.</summary>
    public static string Equivalence(IReadOnlyDictionary<ComparisonVerdict, int> summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        (ComparisonVerdict Verdict, string Colour)[] parts = [(ComparisonVerdict.Equivalent, "#1e7b4a"), (ComparisonVerdict.Inconclusive, "#8a8f98"), (ComparisonVerdict.Different, "#b3261e"), (ComparisonVerdict.NotComparable, "#6b3fa0")];
        var total = Math.Max(1, summary.Values.Sum());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg viewBox="0 0 {Width} 70" width="{Width}" height="70" role="img" aria-label="Test-result equivalence by measurement" class="chart" data-chart="equivalence">""");
        double x = 0;
        foreach (var (verdict, colour) in parts)
        {
            var count = summary.GetValueOrDefault(verdict);
            var w = (Width - 2) * count / (double)total;
            if (count > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{1 + x:0.#}" y="4" width="{w:0.#}" height="26" fill="{colour}"><title>{Labels.Of(verdict)}: {count}</title></rect>""");
                if (w > 24)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"""<text x="{1 + x + (w / 2):0.#}" y="22" font-size="12" text-anchor="middle" fill="#fff">{count}</text>""");
                }
            }

            x += w;
        }

        // The legend's entries are placed by their text's width (about 6.2 px a character at 11 px), so none is cut.
        var at = 1.0;
        foreach (var (verdict, colour) in parts)
        {
            var text = $"{Labels.Of(verdict)} ({summary.GetValueOrDefault(verdict)})";
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{at:0.#}" y="44" width="12" height="12" fill="{colour}"/><text x="{at + 17:0.#}" y="54" font-size="11" fill="#333">{Encode(text)}</text>""");
            at += 17 + (text.Length * 6.2) + 16;
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Unit cost and lead time of each line as paired bars (cost on the left, lead time on the right).</summary>
    public static string CostAndLeadTime(IReadOnlyList<LineQuarterFacts> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var svg = Open("cost-lead-time", "Unit cost and lead time per line");
        var half = (Width - Left - Right) / 2.0;
        Panel(svg, lines.Select(l => (double?)l.UnitCost).ToList(), Left, half, $"unit cost ({lines.FirstOrDefault(l => l.Currency is not null)?.Currency ?? "-"})", v => v.ToString("0.00", CultureInfo.InvariantCulture));
        Panel(svg, lines.Select(l => l.LeadTimeDays).ToList(), Left + half, half, "lead time (days)", v => v.ToString("0.#", CultureInfo.InvariantCulture));
        Legend(svg, [.. lines.Select((l, i) => (l.Line, Colours[i % Colours.Length]))]);
        return svg.Append("</svg>").ToString();
    }

    private static void Panel(StringBuilder svg, List<double?> values, double x0, double width, string label, Func<double, string> format)
    {
        var max = Math.Max(1e-9, values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max() * 1.15);
        var bar = width * 0.7 / values.Count;
        for (var i = 0; i < values.Count; i++)
        {
            var x = x0 + (width * 0.15) + (bar * i);
            if (values[i] is not { } v)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + (bar / 2):0.#}" y="{Height - Bottom - 4}" font-size="10" text-anchor="middle" fill="#8a8f98">no data</text>""");
                continue;
            }

            var h = (Height - Top - Bottom) * v / max;
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x:0.#}" y="{Height - Bottom - h:0.#}" width="{bar * 0.9:0.#}" height="{h:0.#}" fill="{Colours[i % Colours.Length]}"><title>{format(v)}</title></rect><text x="{x + (bar * 0.45):0.#}" y="{Height - Bottom - h - 4:0.#}" font-size="11" text-anchor="middle" fill="#333">{format(v)}</text>""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x0 + (width / 2):0.#}" y="{Height - Bottom + 16}" font-size="11" text-anchor="middle" fill="#333">{Encode(label)}</text>""");
    }

    private static StringBuilder Open(string kind, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg viewBox="0 0 {Width} {Height + 30}" width="{Width}" height="{Height + 30}" role="img" aria-label="{Encode(title)}" class="chart" data-chart="{kind}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{Top}" width="{Width - Left - Right}" height="{Height - Top - Bottom}" fill="#fff" stroke="#dde2ea"/>""");
        return svg;
    }

    private static void Grid(StringBuilder svg, IEnumerable<(double X, string Label)> xTicks, double[] yTicks, Func<double, double> y, Func<double, string> yLabel, bool slanted = false)
    {
        foreach (var (x, label) in xTicks)
        {
            // Category names are slanted so that long ones do not run into each other.
            var at = Height - Bottom + 14;
            svg.Append(slanted
                ? string.Create(CultureInfo.InvariantCulture, $"""<text x="{x:0.#}" y="{at}" font-size="9" text-anchor="end" fill="#555" transform="rotate(-30 {x:0.#} {at})">{Encode(label)}</text>""")
                : string.Create(CultureInfo.InvariantCulture, $"""<text x="{x:0.#}" y="{at}" font-size="10" text-anchor="middle" fill="#555">{Encode(label)}</text>"""));
        }

        foreach (var p in yTicks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" x2="{Width - Right}" y1="{y(p):0.#}" y2="{y(p):0.#}" stroke="#eef1f5"/><text x="{Left - 4}" y="{y(p) + 3:0.#}" font-size="10" text-anchor="end" fill="#555">{yLabel(p)}</text>""");
        }
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<(string Name, string Colour)> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var y = Height + 2 + (i * 14) - 14;
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{y - 8 + 14}" width="12" height="10" fill="{items[i].Colour}"/><text x="{Left + 18}" y="{y + 1 + 14}" font-size="10" fill="#333">{Encode(items[i].Name)}</text>""");
        }
    }

    private static string Short(string category, int length)
    {
        var text = category.StartsWith("Out of limits: ", StringComparison.Ordinal) ? "limits: " + category["Out of limits: ".Length..] : category;
        return text.Length > length ? text[..(length - 1)] + "…" : text;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
