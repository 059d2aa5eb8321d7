using System.Globalization;
using System.Net;
using System.Text;

namespace SecondSource.Web.Charts;

/// <summary>
/// A word-sized trend for a table cell: a step line of percentages (0–100 %) over time, ending in a dot at the latest
/// value; its accessible name says where it started and where it is (rounded down, as the badges are), so it never
/// carries meaning by shape alone.
/// </summary>
public static class Sparkline
{
    private const int Width = 120, Height = 28, Pad = 3;

    public static string Percent(IReadOnlyList<(DateTimeOffset At, double Percent)> points, string what, string testId)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return "";
        }

        var start = points[0].At;
        var span = Math.Max(1.0, (points[^1].At - start).TotalHours);
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double X(DateTimeOffset at) => Pad + ((Width - (2 * Pad)) * (at - start).TotalHours / span);
        double Y(double percent) => Pad + ((Height - (2 * Pad)) * (1 - (Math.Clamp(percent, 0, 100) / 100)));
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                path.Append(CultureInfo.InvariantCulture, $"{F(X(points[i].At))},{F(Y(points[i - 1].Percent))} ");
            }

            path.Append(CultureInfo.InvariantCulture, $"{F(X(points[i].At))},{F(Y(points[i].Percent))} ");
        }

        var label = WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {Math.Floor(points[0].Percent)} % on {points[0].At.UtcDateTime:yyyy-MM-dd}, {Math.Floor(points[^1].Percent)} % on {points[^1].At.UtcDateTime:yyyy-MM-dd}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"""<svg viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-label="{label}" class="sparkline" data-testid="{testId}"><title>{label}</title><line x1="{Pad}" x2="{Width - Pad}" y1="{F(Y(100))}" y2="{F(Y(100))}" stroke="#dde2ea"/><polyline fill="none" stroke="#1f5fae" stroke-width="1.5" points="{path.ToString().Trim()}"/><circle cx="{F(X(points[^1].At))}" cy="{F(Y(points[^1].Percent))}" r="2.5" fill="#1f5fae"/></svg>""");
    }

    /// <summary>One series of a quarterly sparkline: its name, a value (0–1) or none for each quarter, and whether it is dashed.</summary>
    public sealed record Series(string Name, IReadOnlyList<double?> Values, bool Dashed = false);

    /// <summary>
    /// A word-sized quarterly trend of fractions (0–1): one polyline per series over the quarters, broken where a quarter
    /// has no value, optionally over a shaded band, on an axis from 0 to 1 or the given scale; the accessible name gives
    /// every value in words, quarter by quarter.
    /// </summary>
    public static string Quarterly(IReadOnlyList<string> quarters, IReadOnlyList<Series> series, string what, string testId, (double Low, double High)? band = null, (double Min, double Max)? scale = null)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        ArgumentNullException.ThrowIfNull(series);
        if (quarters.Count < 2 || series.All(s => s.Values.All(v => v is null)))
        {
            return "";
        }

        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double X(int i) => Pad + ((Width - (2 * Pad)) * i / (double)(quarters.Count - 1));
        var (min, max) = scale ?? (0, 1);
        double Y(double fraction) => Pad + ((Height - (2 * Pad)) * (1 - ((Math.Clamp(fraction, min, max) - min) / (max - min))));
        string[] colours = ["#1f5fae", "#5d6877", "#8a4b08"];
        var svg = new StringBuilder();
        var words = new List<string>();
        if (band is { } b)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Pad}" y="{F(Y(b.High))}" width="{Width - (2 * Pad)}" height="{F(Y(b.Low) - Y(b.High))}" fill="#2e7d32" fill-opacity="0.16"/>""");
            words.Add(string.Create(CultureInfo.InvariantCulture, $"band {b.Low * 100:0}–{b.High * 100:0} %"));
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Pad}" x2="{Width - Pad}" y1="{F(Y(1))}" y2="{F(Y(1))}" stroke="#dde2ea"/>""");
        for (var k = 0; k < series.Count; k++)
        {
            var s = series[k];
            var colour = colours[k % colours.Length];
            var dash = s.Dashed ? " stroke-dasharray=\"3 2\"" : "";
            var run = new List<string>();
            void Flush()
            {
                if (run.Count > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{colour}" stroke-width="1.5"{dash} points="{string.Join(' ', run)}"/>""");
                }

                run.Clear();
            }

            for (var i = 0; i < quarters.Count; i++)
            {
                if (s.Values[i] is { } v)
                {
                    run.Add($"{F(X(i))},{F(Y(v))}");
                    svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{F(X(i))}" cy="{F(Y(v))}" r="{(i == quarters.Count - 1 ? 2.5 : 1.5)}" fill="{colour}"/>""");
                }
                else
                {
                    Flush();
                }
            }

            Flush();
            words.Add(s.Name + " " + string.Join(", ", quarters.Select((q, i) => $"{q} {(s.Values[i] is { } v ? Percent(v) : "none")}")));
        }

        var label = WebUtility.HtmlEncode($"{what}: {string.Join("; ", words)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"""<svg viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-label="{label}" class="sparkline" data-testid="{testId}"><title>{label}</title>{svg}</svg>""");
    }

    /// <summary>A fraction as the badges show it: whole percent, rounded down.</summary>
    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(fraction * 100)} %");
}
