using System.Xml.Linq;
using SecondSource.Domain.Planning;
using SecondSource.Web.Charts;

namespace SecondSource.Web.Tests.Charts;

public sealed class PlanChartTests
{
    private static readonly Guid Primary = Guid.NewGuid(), Second = Guid.NewGuid();

    /// <summary>Eight weeks from Monday 2027-03-22 (2027-W12) to 2027-W19, 1,000 units each; the second line builds 400 in every other week.</summary>
    private static List<PlanWeek> Weeks() =>
    [
        .. Enumerable.Range(0, 8).Select(i => new PlanWeek(new DateOnly(2027, 3, 22).AddDays(7 * i), 1000,
            new Dictionary<Guid, double> { [Primary] = i % 2 == 0 ? 600 : 1000, [Second] = i % 2 == 0 ? 400 : 0 })),
    ];

    [Fact]
    public void Each_week_stacks_the_lines_under_the_demand_and_each_quarter_shows_its_share_against_its_band()
    {
        var svg = PlanChart.Svg(Weeks(), [(Primary, "SMT line 3 <b>", false), (Second, "SMT line 1", true)], new SharePolicy(), new CalendarQuarter(2026, 4));

        var root = XElement.Parse(svg);
        var ns = root.Name.Namespace;
        svg.ShouldNotContain("<b>");
        var titles = root.Descendants(ns + "title").Select(t => t.Value).ToList();
        // 8 primary bars and 4 second-line bars (the weeks with none draw nothing).
        titles.Count(t => t.Contains("SMT line 3", StringComparison.Ordinal)).ShouldBe(8);
        titles.Count(t => t.Contains("SMT line 1", StringComparison.Ordinal) && t.Contains("units", StringComparison.Ordinal)).ShouldBe(4);
        titles.ShouldContain("2027-W12, SMT line 1: 400 units");
        // A week belongs to the quarter of its Thursday: 2027-W13 (Thursday 1 April) is in 2027Q2. So 2027Q1 holds only W12
        // (400 of 1,000 = 40 %, above its launch band of 10–30 %, launch quarter 2026Q4 + 1), and 2027Q2 holds W13–W19 (400
        // in W14, W16 and W18: 1,200 of 7,000 = 17.1 %, inside the steady band of 15–25 %).
        titles.ShouldContain("2027Q1: band 10 %–30 %");
        titles.ShouldContain("2027Q1: second source 40.0 % of 1,000 units (outside the band)");
        titles.ShouldContain("2027Q2: band 15 %–25 %");
        titles.ShouldContain("2027Q2: second source 17.1 % of 7,000 units (in band)");
        root.Descendants(ns + "polyline").Single().Attribute("stroke-dasharray").ShouldNotBeNull("the demand is dashed, not a colour alone");
        root.Descendants(ns + "text").Select(t => t.Value).ShouldContain("units a week");
        root.Descendants(ns + "text").Select(t => t.Value).ShouldContain("2027-W12");
    }

    [Fact]
    public void A_quarter_outside_its_band_is_drawn_in_red_and_says_so()
    {
        var weeks = Weeks().Select(w => w with { Units = new Dictionary<Guid, double> { [Primary] = 1000, [Second] = 0 } }).ToList();
        weeks[0] = weeks[0] with { Units = new Dictionary<Guid, double> { [Primary] = 990, [Second] = 10 } };

        var svg = PlanChart.Svg(weeks, [(Primary, "A", false), (Second, "B", true)], new SharePolicy(), new CalendarQuarter(2026, 4));

        var share = XElement.Parse(svg).Descendants().Where(e => e.Name.LocalName == "line" && e.Attribute("stroke-width")?.Value == "3").ToList();
        // 2027Q1 (W12): 10 of 1,000 = 1 %, below the launch band; 2027Q2: none at all, below the steady band.
        share.Count.ShouldBe(2);
        share.ShouldAllBe(l => l.Attribute("stroke")!.Value == "#b3261e");
        svg.ShouldContain("(outside the band)");
    }
}
