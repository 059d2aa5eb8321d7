using System.Xml.Linq;
using SecondSource.Application.Reviews;
using SecondSource.Web.Charts;

namespace SecondSource.Web.Tests.Charts;

/// <summary>The review pack's charts read: every category name on its own row, counts and shares written out, axes titled.</summary>
public sealed class ReviewChartsTests
{
    [Fact]
    public void The_pareto_puts_each_category_on_its_own_row_with_each_lines_count_and_share()
    {
        // Primary: 6 defects (3 solder bridge, 2 tombstone, 1 missing part); second: 4 (1 solder bridge, 3 tombstone).
        var svg = ReviewCharts.Pareto(
        [
            ("SMT line 3", new Dictionary<string, long> { ["Solder bridge between adjacent pins"] = 3, ["Tombstone"] = 2, ["Missing part"] = 1 }),
            ("SMT line 1 <i>", new Dictionary<string, long> { ["Solder bridge between adjacent pins"] = 1, ["Tombstone"] = 3 }),
        ]);
        var root = XElement.Parse(svg);
        var ns = root.Name.Namespace;
        svg.ShouldNotContain("<i>");
        var texts = root.Descendants(ns + "text").ToList();
        // Categories by combined count (tombstone 5, solder bridge 4, missing part 1), long names cut with the whole in the tooltip.
        var labels = texts.Where(t => t.Attribute("text-anchor")?.Value == "end").ToList();
        labels.Select(t => t.Nodes().OfType<XText>().Single().Value).ShouldBe(["Tombstone", "Solder bridge between adj…", "Missing part"]);
        labels[1].Element(ns + "title")!.Value.ShouldBe("Solder bridge between adjacent pins");
        labels.Select(t => double.Parse(t.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder(SortDirection.Ascending);
        labels.Select(t => t.Attribute("y")!.Value).Distinct().Count().ShouldBe(3, "one row a category: names never overlap");
        // Each line's share of its own defects: tombstone 2 of 6 = 33.3 % and 3 of 4 = 75.0 %.
        var values = texts.Select(t => t.Value).ToList();
        values.ShouldContain("2 (33.3 %)");
        values.ShouldContain("3 (75.0 %)");
        values.ShouldContain("0 (0.0 %)", "the second line's missing part: none");
        values.ShouldContain("SMT line 3 (6 defects)");
        values.ShouldContain("SMT line 1 <i> (4 defects)");
        values.ShouldContain("share of the line's defects");
        // The axis runs to the next 10 % above the largest share (75 % → 80 %), so the longest bar is 75/80 of the plot.
        values.ShouldContain("80 %");
    }

    [Fact]
    public void The_yield_trend_titles_its_axes_and_gives_each_point_its_units()
    {
        var svg = ReviewCharts.YieldTrend(
        [
            ("SMT line 3", [new YieldPoint("2026Q2", 900, 872), new YieldPoint("2026Q3", 900, 873)]),
            ("SMT line 1", [new YieldPoint("2026Q2", 0, 0), new YieldPoint("2026Q3", 120, 116)]),
        ]);
        var root = XElement.Parse(svg);
        var ns = root.Name.Namespace;
        var texts = root.Descendants(ns + "text").Select(t => t.Value).ToList();
        texts.ShouldContain("first-pass yield");
        texts.ShouldContain("quarter");
        // 873 of 900 = 97.00 %; a quarter without a tested unit draws no point.
        root.Descendants(ns + "title").Select(t => t.Value).ShouldContain("SMT line 3 2026Q3: 97.00 % of 900 units");
        root.Descendants(ns + "circle").Count().ShouldBe(3);
    }
}
