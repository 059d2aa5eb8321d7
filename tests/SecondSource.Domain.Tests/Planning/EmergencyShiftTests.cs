using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Domain.Tests.Planning;

public sealed class EmergencyShiftTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static WarmthAssessment Warm(double retention = 1) =>
        new(WarmthState.Warm, new BuiltBatch("VE-11", Today.AddDays(-7), 60), 1, retention, retention, Today.AddDays(175), false, 0.5 + 0.5 * retention, 4, []);

    private static ShiftInputs Inputs(SurgeRun? surge = null, double reserved = 1200, double inventory = 3000, int uncovered = 0, int behind = 0, WarmthAssessment? warmth = null) =>
        new(new ShiftClause(), 1000, 0.2, reserved, 2000, surge ?? new SurgeRun(Today.AddDays(-30), 8, 80, 82, 120), warmth ?? Warm(), 6, inventory, uncovered, behind);

    [Fact]
    public void A_fresh_surge_run_a_warm_line_and_enough_inventory_pass_every_criterion()
    {
        // 80 good units in 8 h at 120 surge hours a week: 1,200 a week demonstrated; reserved 1,200; demand 1,000 → ECR 1.2.
        var a = EmergencyShift.Assess(Inputs(), Today);

        a.DemonstratedWeekly.ShouldBe(1200, 1e-9);
        a.Credit.ShouldBe(1);
        a.CoverageRatio.ShouldBe(1.2, 1e-12);
        a.WeeksTo90.ShouldNotBeNull();
        a.WeeksTo90!.Value.ShouldBeLessThanOrEqualTo(4);
        a.Passes.ShouldBeTrue(string.Join("; ", a.Criteria.Where(c => !c.Met).Select(c => $"{c.Name}: {c.Detail}")));
        a.Envelope[0].ShouldBeLessThan(a.Envelope[^1]);
        a.Envelope[^1].ShouldBe(1200, 1);
    }

    [Fact]
    public void Surge_test_credit_is_full_to_six_months_and_none_at_twelve()
    {
        var run = new SurgeRun(Today, 8, 80, 80, 120);
        run.Credit(Today.AddDays(182)).ShouldBe(1);
        run.Credit(Today.AddDays(273)).ShouldBe(0.5, 0.01);
        run.Credit(Today.AddDays(365)).ShouldBe(0);
    }

    [Fact]
    public void A_stale_surge_run_fails_coverage_and_the_recent_run_criterion()
    {
        var a = EmergencyShift.Assess(Inputs(new SurgeRun(Today.AddDays(-300), 8, 80, 82, 120)), Today);

        a.Credit.ShouldBeLessThan(0.5);
        a.CoverageRatio.ShouldBeLessThan(0.9);
        a.Criteria.Where(c => !c.Met).Select(c => c.Name).ShouldContain("Emergency coverage ratio ≥ 0.90");
        a.Criteria.Where(c => !c.Met).Select(c => c.Name).ShouldContain("A recent surge run at rate");
        a.Passes.ShouldBeFalse();
    }

    [Fact]
    public void A_cold_line_ramps_slower_and_a_short_run_never_counts()
    {
        var warm = EmergencyShift.Assess(Inputs(), Today);
        var cold = EmergencyShift.Assess(Inputs(warmth: Warm(0) with { State = WarmthState.Cold }), Today);
        cold.Envelope[0].ShouldBeLessThan(warm.Envelope[0]);
        (cold.WeeksTo90 ?? 99).ShouldBeGreaterThanOrEqualTo(warm.WeeksTo90!.Value);

        var shortRun = EmergencyShift.Assess(Inputs(new SurgeRun(Today.AddDays(-10), 3, 40, 40, 120)), Today);
        shortRun.Criteria.Single(c => c.Name == "A recent surge run at rate").Met.ShouldBeFalse("GP-9: never shorter than four hours");
    }

    [Fact]
    public void Coverage_parity_and_bridge_inventory_each_fail_their_criterion()
    {
        var a = EmergencyShift.Assess(Inputs(inventory: 0, uncovered: 3, behind: 2), Today);
        a.Criteria.Where(c => !c.Met).Select(c => c.Name).ShouldBe([
            "Time to survive ≥ the primary's recovery time, or bridge inventory ≥ what the ramp needs",
            "Every BOM line has a source usable on the second line",
            "Revision parity with the primary"]);
        a.BridgeNeeded.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Should.Throw<DomainException>(() => EmergencyShift.Assess(Inputs() with { WeeklyDemand = 0 }, Today));
        Should.Throw<DomainException>(() => EmergencyShift.Assess(Inputs() with { Clause = new ShiftClause(1.5, 4) }, Today));
        Should.Throw<DomainException>(() => EmergencyShift.Assess(Inputs(new SurgeRun(Today, 8, 90, 80, 120)), Today));
    }
}
