using System.Globalization;
using System.Net;
using System.Text;

namespace SecondSource.Web.Charts;

/// <summary>
/// A product's dual-sourcing coverage over time as SVG: one step line a series (every line together, then each
/// manufacturing line), the share of critical BOM lines dual-sourced on a 0–100 % axis, dates on the time axis, a legend
/// that wraps, each series told apart by dash as well as colour.
/// </summary>
public static class CoverageChart
{
    private const int Width = 640, Left = 46, Right = 14, Top = 12, PlotHeight = 130, Bottom = 30;
    private static readonly string[] Colours = ["#1d2430", "#1f5fae", "#1e7b4a", "#9a6400"];
    private static readonly string?[] Dashes = [null, "8 4", "3 3", "10 3 2 3"];

    /// <summary>The chart of <paramref name="series"/>, each a name and its points (when, percent), oldest first; the lines run to <paramref name="now"/>.</summary>
    public static string Svg(IReadOnlyList<(string Name, IReadOnlyList<(DateTimeOffset At, double Percent)> Points)> series, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(series);
        var drawn = series.Where(s => s.Points.Count > 0).ToList();
        var start = drawn.Count == 0 ? now : drawn.Min(s => s.Points[0].At);
        var span = Math.Max(1.0, (now - start).TotalHours);
        var plotWidth = Width - Left - Right;
        double X(DateTimeOffset at) => Left + (plotWidth * Math.Clamp((at - start).TotalHours / span, 0, 1));
        double Y(double percent) => Top + (PlotHeight * (1 - (Math.Clamp(percent, 0, 100) / 100)));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        // The legend's rows first: the height depends on how many there are.
        var legend = new List<(string Text, string Colour, string? Dash, double X, int Row)>();
        var at = (double)Left;
        var row = 0;
        for (var i = 0; i < drawn.Count; i++)
        {
            var width = 24 + (drawn[i].Name.Length * 6.2) + 16;
            if (at > Left && at + width > Width - Right)
            {
                (at, row) = (Left, row + 1);
            }

            legend.Add((drawn[i].Name, Colours[i % Colours.Length], Dashes[i % Dashes.Length], at, row));
            at += width;
        }

        var legendTop = Top + PlotHeight + Bottom;
        var height = legendTop + ((row + 1) * 16) + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" role="img" class="chart fluid-chart" data-testid="coverage-chart" aria-label="Share of critical BOM lines dual-sourced over time, per manufacturing line">""");
        foreach (var percent in new[] { 0, 50, 100 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" x2="{Width - Right}" y1="{F(Y(percent))}" y2="{F(Y(percent))}" stroke="#e3e8ef"/><text x="{Left - 6}" y="{F(Y(percent) + 4)}" font-size="10" text-anchor="end" fill="#5d6877">{percent} %</text>""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="10" y="{F(Top + (PlotHeight / 2.0))}" font-size="10" fill="#5d6877" text-anchor="middle" transform="rotate(-90 10 {F(Top + (PlotHeight / 2.0))})">dual-sourced</text>""");
        foreach (var (when, anchor) in new[] { (start, "start"), (start + ((now - start) / 2), "middle"), (now, "end") })
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(X(when))}" y="{Top + PlotHeight + 16}" font-size="10" text-anchor="{anchor}" fill="#5d6877">{when.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</text>""");
        }

        for (var i = 0; i < drawn.Count; i++)
        {
            var points = drawn[i].Points;
            var path = new StringBuilder();
            for (var k = 0; k < points.Count; k++)
            {
                if (k > 0)
                {
                    path.Append(CultureInfo.InvariantCulture, $"{F(X(points[k].At))},{F(Y(points[k - 1].Percent))} ");
                }

                path.Append(CultureInfo.InvariantCulture, $"{F(X(points[k].At))},{F(Y(points[k].Percent))} ");
            }

            path.Append(CultureInfo.InvariantCulture, $"{F(X(now))},{F(Y(points[^1].Percent))}");
            var dash = Dashes[i % Dashes.Length];
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{Colours[i % Colours.Length]}" stroke-width="2"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} points="{path}"><title>{WebUtility.HtmlEncode(drawn[i].Name)}: {points[^1].Percent.ToString("0.#", CultureInfo.InvariantCulture)} % now</title></polyline>""");
        }

        foreach (var (text, colour, dash, x, line) in legend)
        {
            var y = legendTop + (line * 16);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(x)}" x2="{F(x + 18)}" y1="{y - 4}" y2="{y - 4}" stroke="{colour}" stroke-width="2"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/><text x="{F(x + 24)}" y="{y}" font-size="11" fill="#333">{WebUtility.HtmlEncode(text)}</text>""");
        }

        return svg.Append("</svg>").ToString();
    }
}
