using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Domain.Tests.Planning;

public sealed class AllocationCheckTests
{
    private static readonly Guid Primary = Guid.NewGuid(), Second = Guid.NewGuid();
    private static readonly DateOnly Start = new(2027, 1, 4); // Monday of 2027-W01, in 2027-Q1

    private static PlanLine[] Lines(double? primaryCapacity = 5000, double? secondCapacity = 1500) =>
        [new(Primary, "Wrocław", false, primaryCapacity), new(Second, "Vistula", true, secondCapacity)];

    private static List<PlanWeek> Weeks(int count, Func<int, (double Demand, double A, double B)> at) =>
        [.. Enumerable.Range(0, count).Select(t => { var (d, a, b) = at(t); return new PlanWeek(Start.AddDays(7 * t), d, new Dictionary<Guid, double> { [Primary] = a, [Second] = b }); })];

    [Fact]
    public void A_plan_in_band_within_capacity_and_warm_every_month_has_no_findings()
    {
        var weeks = Weeks(26, _ => (4000, 3200, 800)); // 20 %
        AllocationCheck.Check(new SharePolicy(), Lines(), weeks, new CalendarQuarter(2026, 1), new DateOnly(2026, 12, 30)).ShouldBeEmpty();
    }

    [Fact]
    public void Each_rule_names_its_period()
    {
        // Week 3 short of demand (so week 4 too, cumulatively; week 5 builds ahead and makes it up); week 5 over the primary's capacity; Q1 below the steady 15 %; weeks 6–12 without a batch at Vistula.
        // (Twelve weeks: the week of 29 March 2027 has its Thursday in April, so it belongs to Q2.)
        var weeks = Weeks(12, t => t switch
        {
            2 => (4000, 3000, 400),
            4 => (4000, 5600, 400),
            >= 5 => (4000, 4000, 0),
            _ => (4000, 3600, 400),
        });

        var findings = AllocationCheck.Check(new SharePolicy(), Lines(), weeks, new CalendarQuarter(2026, 1), null);

        findings.Select(f => (f.Period, f.Rule)).ShouldBe(
        [
            ("2027-W03", AllocationCheck.DemandRule),
            ("2027-W04", AllocationCheck.DemandRule),
            ("2027-W05", AllocationCheck.CapacityRule),
            ("2027Q1", AllocationCheck.BandRule),
            ("2027-W06 to 2027-W12", AllocationCheck.WarmRule),
        ]);
        findings[0].Message.ShouldBe("11,400 units planned up to this week against a demand of 12,000 so far: 600 short (this week 3,400 planned, 4,000 demanded).");
        findings[2].Message.ShouldContain("5,600 units planned at Wrocław, above its standing capacity of 5,000");
        findings[3].Message.ShouldContain("outside the steady band 15 %–25 %");
        findings[4].Message.ShouldBe("7 weeks without a batch of ≥ 50 units at Vistula; the policy wants one in every 4 weeks.");
    }

    [Fact]
    public void Launch_quarters_use_the_launch_band_and_later_quarters_the_steady_one()
    {
        // 12 % at the second line: inside launch 10–30 %, outside steady 15–25 %. 26 weeks from 2027-W01: Q1 (12), Q2 (13), Q3 (1).
        var weeks = Weeks(26, _ => (1000, 880, 120));
        var policy = new SharePolicy(LaunchQuarters: 1);

        var findings = AllocationCheck.Check(policy, Lines(), weeks, new CalendarQuarter(2027, 1), new DateOnly(2027, 1, 1));

        findings.Select(f => f.Period).ShouldBe(["2027Q2", "2027Q3"]);
        AllocationCheck.Check(policy with { LaunchQuarters = 2 }, Lines(), weeks, new CalendarQuarter(2027, 1), new DateOnly(2027, 1, 1))
            .ShouldHaveSingleItem().Period.ShouldBe("2027Q3");
    }

    [Fact]
    public void The_second_lines_history_counts_for_the_first_window_and_thirteen_weeks_is_the_hard_limit()
    {
        // No batch in the plan's first 3 weeks: fine after a batch the week before; a finding if the last was 6 weeks before.
        var weeks = Weeks(8, t => t == 3 ? (1000, 800, 200) : (1000, 1000, 0));
        var policy = new SharePolicy(LaunchMin: 0, LaunchMax: 1, SteadyMin: 0, SteadyMax: 1);
        AllocationCheck.Check(policy, Lines(), weeks, new CalendarQuarter(2027, 1), Start.AddDays(-7))
            .Where(f => f.Rule == AllocationCheck.WarmRule).Select(f => f.Period).ShouldBe(["2027-W05 to 2027-W08"]);
        var cold = AllocationCheck.Check(policy, Lines(), weeks, new CalendarQuarter(2027, 1), Start.AddDays(-77)).Where(f => f.Rule == AllocationCheck.WarmRule).ToList();
        cold.Select(f => f.Period).ShouldBe(["2027-W01 to 2027-W03", "2027-W05 to 2027-W08"]);
        cold[0].Message.ShouldBe("13 weeks without a batch of ≥ 50 units at Vistula (the last batch was in 2026-W43); the policy wants one in every 4 weeks, and 13 weeks is the hard minimum (a first-article check on restart).");
    }

    [Fact]
    public void A_line_without_a_recorded_capacity_is_named_once()
    {
        var weeks = Weeks(4, _ => (1000, 800, 200));
        var findings = AllocationCheck.Check(new SharePolicy(LaunchMin: 0), Lines(secondCapacity: null), weeks, new CalendarQuarter(2027, 1), Start);
        findings.ShouldHaveSingleItem().Message.ShouldBe("Vistula has no standing capacity recorded, so its weeks are not checked against one.");
    }

    [Theory]
    [InlineData(0.2, 0.1)]
    [InlineData(1.1, 0.2)]
    public void A_policy_with_crossed_or_impossible_bands_is_refused(double launchMin, double launchMax)
    {
        Should.Throw<DomainException>(() => new SharePolicy(LaunchMin: launchMin, LaunchMax: launchMax).Checked()).Message.ShouldContain("Share bands");
    }

    [Fact]
    public void Periods_parse_as_ISO_weeks_or_months_and_spread_to_weeks_by_their_days()
    {
        PlanWeeks.TryParsePeriod("2027-W01", out var s, out var e).ShouldBeTrue();
        (s, e).ShouldBe((new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 11)));
        PlanWeeks.TryParsePeriod("2026-W53", out s, out _).ShouldBeTrue(); // 2026 has 53 ISO weeks
        s.ShouldBe(new DateOnly(2026, 12, 28));
        PlanWeeks.TryParsePeriod("2027-W53", out _, out _).ShouldBeFalse();
        PlanWeeks.TryParsePeriod("2027-02", out s, out e).ShouldBeTrue();
        (s, e).ShouldBe((new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 1)));
        PlanWeeks.TryParsePeriod("2027-13", out _, out _).ShouldBeFalse();
        PlanWeeks.Label(new DateOnly(2027, 1, 4)).ShouldBe("2027-W01");

        // February 2027: 28 days, Monday 1 Feb to Sunday 28 Feb: exactly four weeks of 700 each.
        var weeks = PlanWeeks.WeeklyDemand([(new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 1), 2800)]);
        weeks.Values.ShouldBe([700, 700, 700, 700], 1e-9);

        // March 2027 (31 days, from a Monday): 4 full weeks of 7/31 and 3 days (29–31 March) in the week of 29 March.
        var march = PlanWeeks.WeeklyDemand([(new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 1), 3100)]);
        march[new DateOnly(2027, 3, 29)].ShouldBe(300, 1e-9);
        march.Values.Sum().ShouldBe(3100, 1e-9);
        CalendarQuarter.Of(new DateOnly(2027, 3, 29)).ShouldBe(new CalendarQuarter(2027, 2)); // its Thursday is 1 April
    }
}
