using SecondSource.Domain.Reviews;
using SecondSource.Domain.Statistics;

namespace SecondSource.Domain.Tests.Reviews;

/// <summary>Each review item's verdict pinned on hand-made quarters: aligned, different and insufficient data.</summary>
public sealed class ReviewRulesTests
{
    private static readonly ReviewPolicy Policy = new();

    private static LineQuarterFacts Line(string name) => new()
    {
        Line = name, Units = 900, FirstPassed = 873, FinalPassed = 900, Defects = 30, Opportunities = 10_800,
        DefectsByCategory = new Dictionary<string, long> { ["bridge"] = 12, ["insufficient"] = 10, ["tombstone"] = 8 },
        UnitCost = 41.60m, Currency = "USD", CostRecords = 3, LeadTimeDays = 34, LeadTimeRecords = 3,
        FirmwareInUse = new Dictionary<string, long> { ["2.4.1"] = 900 }, CurrentFirmware = "2.4.1",
    };

    private static readonly LineQuarterFacts A = Line("Primary");
    private static readonly LineQuarterFacts B = Line("Second") with { Units = 180, FirstPassed = 175, FinalPassed = 180, Defects = 6, Opportunities = 2_160,
        DefectsByCategory = new Dictionary<string, long> { ["bridge"] = 2, ["insufficient"] = 2, ["tombstone"] = 2 } };

    [Fact]
    public void Yields_within_chance_are_aligned_and_a_real_drop_is_different()
    {
        // 97.0 % against 97.2 %: Fisher p well above 0.05.
        var same = ReviewRules.Yield(A, B, firstPass: true, Policy);
        same.Verdict.ShouldBe(ReviewVerdict.Aligned);
        same.Yield!.Method.ShouldBe("Fisher exact");
        same.Title.ShouldBe("First-pass yield: Primary and Second");
        same.Title.ShouldNotContain("%");
        ReviewRules.TitleForOneLine(ReviewArea.FirstPassYield).ShouldBe("First-pass yield: your line and the other line");
        Enum.GetValues<ReviewArea>().Select(ReviewRules.TitleForOneLine).ShouldAllBe(t => t.EndsWith(": your line and the other line"));

        // 97.0 % against 90.0 % on 180 units: 18 failures against 27 of 900, Fisher p < 0.001.
        var worse = ReviewRules.Yield(A, B with { FirstPassed = 162 }, firstPass: true, Policy);
        worse.Verdict.ShouldBe(ReviewVerdict.Different);
        worse.Finding.ShouldContain("90.0 % on Second");
        worse.Yield!.P.ShouldBeLessThan(0.001);

        ReviewRules.Yield(A, B, firstPass: false, Policy).Verdict.ShouldBe(ReviewVerdict.Aligned);
    }

    [Fact]
    public void Too_few_units_on_a_line_is_insufficient_data_not_alignment()
    {
        var item = ReviewRules.Yield(A, B with { Units = 29, FirstPassed = 29, FinalPassed = 29 }, firstPass: true, Policy);
        item.Verdict.ShouldBe(ReviewVerdict.InsufficientData);
        item.Finding.ShouldBe("Second tested 29 unit(s) — at least 30 per line are needed to compare yields.");
        item.Yield.ShouldBeNull();
    }

    [Fact]
    public void Defects_compare_rates_exactly_and_the_mix_by_chi_square()
    {
        var same = ReviewRules.Defects(A, B, Policy);
        same.Verdict.ShouldBe(ReviewVerdict.Aligned);
        same.RateA!.Dpmo.ShouldBe(1e6 * 30 / 10_800, 1e-9);
        same.RateP!.Value.ShouldBeGreaterThan(0.5);

        // Example 3 of the research note: χ² p = 0.01686 with "insufficient solder" over-represented on B.
        var a = Line("A") with { Defects = 300, Opportunities = 6_000_000, DefectsByCategory = Counts(120, 80, 30, 20, 50) };
        var b = Line("B") with { Defects = 100, Opportunities = 360_000, DefectsByCategory = Counts(30, 45, 6, 5, 14) };
        var item = ReviewRules.Defects(a, b, Policy);
        item.Verdict.ShouldBe(ReviewVerdict.Different);
        item.Pareto!.Test!.P.ShouldBe(0.016862339401114857, 1e-12);
        item.Pareto.OverRepresentedOnB.ShouldBe(["2 insufficient solder"]);
        item.RateP!.Value.ShouldBeLessThan(1e-30);
        item.Finding.ShouldContain("the rates differ");
        item.Finding.ShouldContain("more 2 insufficient solder on B");
    }

    [Fact]
    public void A_new_failure_mode_alone_makes_defects_different()
    {
        var b = B with { Defects = 9, DefectsByCategory = new Dictionary<string, long> { ["bridge"] = 2, ["insufficient"] = 2, ["tombstone"] = 2, ["cracked cap"] = 3 } };
        var item = ReviewRules.Defects(A, b, Policy);
        item.Verdict.ShouldBe(ReviewVerdict.Different);
        item.Finding.ShouldContain("new failure mode(s) on Second: cracked cap");
    }

    [Fact]
    public void No_measurements_on_a_line_is_insufficient_data_for_defects() =>
        ReviewRules.Defects(A, B with { Opportunities = 0, Defects = 0 }, Policy).Verdict.ShouldBe(ReviewVerdict.InsufficientData);

    [Fact]
    public void Cost_beyond_ten_percent_either_way_is_different()
    {
        ReviewRules.Cost(A, B with { UnitCost = 45.70m }, Policy).Verdict.ShouldBe(ReviewVerdict.Aligned); // +9.9 %
        var dear = ReviewRules.Cost(A, B with { UnitCost = 48.00m }, Policy);
        dear.Verdict.ShouldBe(ReviewVerdict.Different);
        dear.CostDifference!.Value.ShouldBe(48.00 / 41.60 - 1, 1e-12);
        dear.Finding.ShouldContain("+15.4%");
        ReviewRules.Cost(A, B with { UnitCost = 37.00m }, Policy).Verdict.ShouldBe(ReviewVerdict.Different);
        ReviewRules.Cost(A, B with { UnitCost = null }, Policy).Finding.ShouldBe("No quote or order recorded this quarter for Second.");
        ReviewRules.Cost(A, B with { Currency = "EUR" }, Policy).Verdict.ShouldBe(ReviewVerdict.InsufficientData);
    }

    [Fact]
    public void Lead_times_differ_beyond_a_week_and_a_quarter()
    {
        ReviewRules.LeadTime(A, B with { LeadTimeDays = 41 }, Policy).Verdict.ShouldBe(ReviewVerdict.Aligned); // 7 days apart: not beyond
        ReviewRules.LeadTime(A, B with { LeadTimeDays = 51 }, Policy).Verdict.ShouldBe(ReviewVerdict.Different);
        // 10 days apart on 100: beyond a week, within 25 %.
        ReviewRules.LeadTime(A with { LeadTimeDays = 100 }, B with { LeadTimeDays = 110 }, Policy).Verdict.ShouldBe(ReviewVerdict.Aligned);
        ReviewRules.LeadTime(A with { LeadTimeDays = null }, B, Policy).Verdict.ShouldBe(ReviewVerdict.InsufficientData);
    }

    [Fact]
    public void Avl_alignment_lists_sources_accepted_on_one_line_only()
    {
        ReviewRules.Avl("Primary", "Second", 280, []).Verdict.ShouldBe(ReviewVerdict.Aligned);
        var item = ReviewRules.Avl("Primary", "Second", 280, [new AvlMismatch("U7", "Diodes", "AP7354", "Primary", "Second", "Refused")]);
        item.Verdict.ShouldBe(ReviewVerdict.Different);
        item.Finding.ShouldBe("1 of 280 approved sources are accepted on one line only: U7 Diodes AP7354 on Primary, refused on Second.");
        ReviewRules.Avl("Primary", "Second", 0, []).Verdict.ShouldBe(ReviewVerdict.InsufficientData);
    }

    [Fact]
    public void Firmware_is_in_sync_when_both_lines_build_the_same_release()
    {
        ReviewRules.Firmware(A, B, ["2.4.1", "2.5.0"]).Verdict.ShouldBe(ReviewVerdict.Aligned);
        ReviewRules.Firmware(A, B, []).Finding.ShouldBe("Both lines build 2.4.1 (the vault records no firmware release for this product).");
        var apart = ReviewRules.Firmware(A, B with { CurrentFirmware = "2.5.0", FirmwareInUse = new Dictionary<string, long> { ["2.4.1"] = 100, ["2.5.0"] = 80 } }, ["2.4.1", "2.5.0"]);
        apart.Verdict.ShouldBe(ReviewVerdict.Different);
        apart.Finding.ShouldBe("the lines build different versions (Primary 2.4.1, Second 2.5.0).");
        var unreleased = ReviewRules.Firmware(A, B with { FirmwareInUse = new Dictionary<string, long> { ["2.4.1"] = 170, ["2.5.0-rc3"] = 10 } }, ["2.4.1", "2.5.0"]);
        unreleased.Verdict.ShouldBe(ReviewVerdict.Different);
        unreleased.UnreleasedInUse.ShouldBe(["2.5.0-rc3"]);
        ReviewRules.Firmware(A, B with { CurrentFirmware = null }, ["2.4.1"]).Verdict.ShouldBe(ReviewVerdict.InsufficientData);
    }

    [Fact]
    public void Test_results_follow_the_statistics_engines_verdicts()
    {
        static MeasurementComparison M(string name, ComparisonVerdict verdict) =>
            new(name, "V", 0, 1, null, null, 0.1, "spec", 0.01, null, null, 0.01, 0.5, 0.5, 1, 0.1, verdict, "");
        ReviewRules.TestResults("A", "B", [M("a", ComparisonVerdict.Equivalent), M("b", ComparisonVerdict.Equivalent), M("c", ComparisonVerdict.Inconclusive)])
            .Verdict.ShouldBe(ReviewVerdict.Aligned);
        var different = ReviewRules.TestResults("A", "B", [M("a", ComparisonVerdict.Equivalent), M("b", ComparisonVerdict.Different)]);
        different.Verdict.ShouldBe(ReviewVerdict.Different);
        different.Worst[0].Name.ShouldBe("b");
        different.Finding.ShouldBe("2 measurements: 1 equivalent, 1 different, 0 inconclusive, 0 not comparable; worst: b.");
        ReviewRules.TestResults("A", "B", [M("a", ComparisonVerdict.NotComparable)]).Verdict.ShouldBe(ReviewVerdict.Different);
        ReviewRules.TestResults("A", "B", [M("a", ComparisonVerdict.Equivalent), M("b", ComparisonVerdict.Inconclusive), M("c", ComparisonVerdict.Inconclusive)])
            .Verdict.ShouldBe(ReviewVerdict.InsufficientData);
        ReviewRules.TestResults("A", "B", []).Verdict.ShouldBe(ReviewVerdict.InsufficientData);
    }

    private static Dictionary<string, long> Counts(params long[] counts) =>
        new[] { "1 solder bridge", "2 insufficient solder", "3 tombstone", "4 missing component", "5 other" }.Zip(counts).ToDictionary(p => p.First, p => p.Second);
}
