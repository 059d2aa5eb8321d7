using System.Globalization;
using System.Net;
using System.Text;
using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Web.Charts;

/// <summary>
/// The allocation plan as SVG, two panels over one time axis of ISO weeks. Above, the units planned a week, stacked
/// per line (the primary first) with the week's demand as a step line, on an axis in units a week. Below, the second
/// source's share of each calendar quarter (what the band judges) against that quarter's band, shaded, on an axis in
/// per cent. Two units, two panels: never one axis for both.
/// </summary>
public static class PlanChart
{
    private const int Width = 900, Left = 64, Right = 16, Top = 14, UnitsHeight = 220, Gap = 44, ShareHeight = 90, Bottom = 76;
    private const string Primary = "#1f4e99", Second = "#d97706", Demand = "#1d2430", Band = "#1e7b4a";

    /// <summary>The chart; <paramref name="lines"/> in stacking order, each with whether it is a second source.</summary>
    public static string Svg(IReadOnlyList<PlanWeek> weeks, IReadOnlyList<(Guid Id, string Name, bool SecondSource)> lines, SharePolicy policy, CalendarQuarter launch)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(policy);
        var height = Top + UnitsHeight + Gap + ShareHeight + Bottom;
        var plotWidth = Width - Left - Right;
        var slot = plotWidth / (double)Math.Max(1, weeks.Count);
        var maxUnits = Math.Max(1, weeks.Max(w => Math.Max(w.Total, w.Demand)));
        var step = NiceStep(maxUnits / 4);
        var top = Math.Ceiling(maxUnits / step) * step;
        double X(int i) => Left + (slot * i);
        double YUnits(double units) => Top + (UnitsHeight * (1 - (units / top)));
        var shareTop = Top + UnitsHeight + Gap;
        double YShare(double share) => shareTop + (ShareHeight * (1 - share));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" role="img" class="chart" data-chart="plan" aria-label="Units planned a week per line, stacked, with the demand; below, the second source's share of each quarter against its band">""");

        // Units panel: grid and axis in units a week.
        for (var v = 0.0; v <= top + 1e-9; v += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" x2="{Width - Right}" y1="{F(YUnits(v))}" y2="{F(YUnits(v))}" stroke="#e3e8ef"/><text x="{Left - 6}" y="{F(YUnits(v) + 4)}" font-size="11" text-anchor="end" fill="#5d6877">{Quantities.Count((long)v)}</text>""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="14" y="{F(Top + (UnitsHeight / 2.0))}" font-size="11" fill="#5d6877" transform="rotate(-90 14 {F(Top + (UnitsHeight / 2.0))})" text-anchor="middle">units a week</text>""");
        for (var i = 0; i < weeks.Count; i++)
        {
            var w = weeks[i];
            var stacked = 0.0;
            foreach (var (line, colour) in Ordered(lines))
            {
                var units = w.Planned(line.Id);
                if (units <= 0)
                {
                    continue;
                }

                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(X(i) + (slot * 0.12))}" y="{F(YUnits(stacked + units))}" width="{F(slot * 0.76)}" height="{F(YUnits(stacked) - YUnits(stacked + units))}" fill="{colour}"><title>{Encode(PlanWeeks.Label(w.Monday))}, {Encode(line.Name)}: {Quantities.Count((long)Math.Round(units))} units</title></rect>""");
                stacked += units;
            }
        }

        // Demand as a step line over the bars.
        var demand = new StringBuilder();
        for (var i = 0; i < weeks.Count; i++)
        {
            demand.Append(CultureInfo.InvariantCulture, $"{F(X(i))},{F(YUnits(weeks[i].Demand))} {F(X(i + 1))},{F(YUnits(weeks[i].Demand))} ");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<polyline points="{demand.ToString().Trim()}" fill="none" stroke="{Demand}" stroke-width="2" stroke-dasharray="5 3"/>""");

        // Share panel: each quarter's second-source share against its band.
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{shareTop}" width="{plotWidth}" height="{ShareHeight}" fill="none" stroke="#dde2ea"/>""");
        foreach (var share in new[] { 0.0, 0.5, 1.0 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{F(YShare(share) + 4)}" font-size="11" text-anchor="end" fill="#5d6877">{share:P0}</text>""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="14" y="{F(shareTop + (ShareHeight / 2.0))}" font-size="11" fill="#5d6877" transform="rotate(-90 14 {F(shareTop + (ShareHeight / 2.0))})" text-anchor="middle">2nd share</text>""");
        var second = lines.Where(l => l.SecondSource).Select(l => l.Id).ToList();
        foreach (var quarter in weeks.Select((w, i) => (w, i)).GroupBy(x => CalendarQuarter.Of(x.w.Monday)))
        {
            var first = quarter.Min(x => x.i);
            var last = quarter.Max(x => x.i) + 1;
            var (min, max, _) = policy.BandFor(Math.Max(0, quarter.Key.Index - launch.Index));
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(X(first))}" y="{F(YShare(max))}" width="{F(X(last) - X(first))}" height="{F(YShare(min) - YShare(max))}" fill="{Band}" fill-opacity="0.28"><title>{quarter.Key}: band {min:P0}–{max:P0}</title></rect>""");
            var total = quarter.Sum(x => x.w.Total);
            if (total > 0)
            {
                var share = quarter.Sum(x => second.Sum(id => x.w.Planned(id))) / total;
                var inBand = share >= min - 1e-9 && share <= max + 1e-9;
                svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(X(first) + 2)}" x2="{F(X(last) - 2)}" y1="{F(YShare(share))}" y2="{F(YShare(share))}" stroke="{(inBand ? Second : "#b3261e")}" stroke-width="3"><title>{quarter.Key}: second source {share:P1} of {Quantities.Count((long)Math.Round(total))} units ({(inBand ? "in band" : "outside the band")})</title></line>""");
            }

            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F((X(first) + X(last)) / 2)}" y="{shareTop + ShareHeight + 14}" font-size="11" text-anchor="middle" fill="#5d6877">{quarter.Key}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(X(first))}" x2="{F(X(first))}" y1="{Top}" y2="{shareTop + ShareHeight}" stroke="#c4ccd8" stroke-dasharray="2 3"/>""");
        }

        // Time axis: every fourth ISO week under the units panel.
        for (var i = 0; i < weeks.Count; i += 4)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(X(i) + (slot / 2))}" y="{Top + UnitsHeight + 16}" font-size="10" text-anchor="middle" fill="#5d6877">{PlanWeeks.Label(weeks[i].Monday)}</text>""");
        }

        // Legend, placed by the width of its texts (about 6.3 px a character at 11 px), on a second row when the first is full.
        var legendY = height - 36;
        var at = (double)Left;
        foreach (var (text, colour, dashed) in Ordered(lines).Select(l => (l.Line.Name, l.Colour, false)).Append(("demand", Demand, true)).Append(("share band", Band, false)))
        {
            if (at > Left && at + 19 + (text.Length * 6.3) > Width - Right)
            {
                (at, legendY) = (Left, legendY + 18);
            }

            svg.Append(dashed
                ? string.Create(CultureInfo.InvariantCulture, $"""<line x1="{F(at)}" x2="{F(at + 14)}" y1="{legendY - 4}" y2="{legendY - 4}" stroke="{colour}" stroke-width="2" stroke-dasharray="5 3"/>""")
                : string.Create(CultureInfo.InvariantCulture, $"""<rect x="{F(at)}" y="{legendY - 10}" width="14" height="12" fill="{colour}" fill-opacity="{(text == "share band" ? "0.3" : "1")}"/>"""));
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(at + 19)}" y="{legendY}" font-size="11" fill="#333">{Encode(text)}</text>""");
            at += 19 + (text.Length * 6.3) + 18;
        }

        return svg.Append("</svg>").ToString();
    }

    private static IEnumerable<((Guid Id, string Name, bool SecondSource) Line, string Colour)> Ordered(IReadOnlyList<(Guid Id, string Name, bool SecondSource)> lines)
    {
        var secondShades = new[] { Second, "#f59e0b", "#b45309" };
        var primaryShades = new[] { Primary, "#3b82c4" };
        var (p, s) = (0, 0);
        foreach (var line in lines.OrderBy(l => l.SecondSource))
        {
            yield return (line, line.SecondSource ? secondShades[s++ % secondShades.Length] : primaryShades[p++ % primaryShades.Length]);
        }
    }

    private static double NiceStep(double raw)
    {
        if (raw <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normal = raw / magnitude;
        return (normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10) * magnitude;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
