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
}
