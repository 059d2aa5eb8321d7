using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Domain.Tests.Planning;

/// <summary>The golden cases of the research note planning.md §8 ([M] values measured there with OR-Tools and probes).</summary>
public sealed class PlanningGoldenCaseTests
{
    [Fact]
    public void Single_bucket_time_to_survive_is_two_and_a_half_weeks()
    {
        // §8 case 1: I₀ = 2,000, d = 1,000/wk, c_B = 200/wk → t* = 2.5; c_B ≥ d → the horizon, flagged.
        StressTest.SingleBucket(2000, 1000, 200).ShouldBe(new TimeToSurvive(2.5, false));
        StressTest.SingleBucket(2000, 1000, 1000).ShouldBe(new TimeToSurvive(52, true));
        Should.Throw<DomainException>(() => StressTest.SingleBucket(-1, 1000, 200));
    }

    [Fact]
    public void Time_indexed_time_to_survive_over_the_ramp_is_three_weeks_and_the_bridge_inventory_2550()
    {
        // §8 case 2: ramp 0.25 … 1.00 × 1,000, I₀ = 2,000 → TTS = 3 weeks, G* = 2,550.
        double[] ramp = [250, 350, 500, 650, 800, 900, 1000];
        double[] demand = [1000];

        StressTest.TimeIndexed(2000, demand, ramp).ShouldBe(new TimeToSurvive(3, false));
        StressTest.BridgeInventory(demand, ramp).ShouldBe(2550, 1e-9);
        StressTest.TimeIndexed(2550, demand, ramp).ShouldBe(new TimeToSurvive(52, true));
    }

    [Fact]
    public void Risk_exposure_is_relative_to_the_largest_impact()
    {
        // §8 case 3: PI = (100, 50, 25) → (1.00, 0.50, 0.25); all zero → all zero.
        StressTest.RiskExposure([100, 50, 25]).ShouldBe([1.0, 0.5, 0.25]);
        StressTest.RiskExposure([0, 0]).ShouldBe([0.0, 0.0]);
    }

    [Fact]
    public void Learn_forget_curve_matches_the_worked_example()
    {
        // §8 case 4 / §5.2: T₁ = 10 min, LR = 0.85, 2,000 units, D = 52 × 2,400 min, break 4 × 2,400 → u ≈ 148, f ≈ 0.404,
        // first-unit penalty +84 % (M = 0) and +3 % (M = 0.8); a break of D leaves one unit.
        var model = new LearnForget(10, 0.85, 52 * 2400);

        model.Exponent.ShouldBe(0.2345, 1e-4);
        model.ForgettingExponent(2000).ShouldBe(0.404, 5e-4);
        model.Remembered(2000, 4 * 2400).ShouldBe(148, 0.5);
        model.RestartPenalty(2000, 4 * 2400).ShouldBe(0.84, 0.005);
        model.RestartPenalty(2000, 4 * 2400, machinePaced: 0.8).ShouldBe(0.03, 0.005);
        model.Remembered(2000, 52 * 2400).ShouldBe(1);
        // The table's other columns: 1 week → 751, 13 weeks → 18.
        model.Remembered(2000, 2400).ShouldBe(751, 1);
        model.Remembered(2000, 13 * 2400).ShouldBe(18, 0.5);
    }

    [Fact]
    public void Knowledge_retention_of_three_quarters_a_month_leaves_three_percent_after_a_year()
    {
        // §8 case 5: λ = 0.75 → 0.032 after 12 months (52 weeks); §5.3 table: 0.85 → 0.61 after 3 months.
        Warmth.Retention(0.75, 52).ShouldBe(0.0317, 1e-4);
        Warmth.Retention(0.85, 13).ShouldBe(0.614, 1e-3);
    }

    [Fact]
    public void Value_at_risk_and_its_tail_mean_use_the_index_based_quantile()
    {
        // §8 case 6: losses 1..100 → VaR95 = 96, CVaR95 = mean(96..100) = 98.
        var (var95, cvar95) = StressTest.Tail([.. Enumerable.Range(1, 100).Select(i => (double)i)]);
        var95.ShouldBe(96);
        cvar95.ShouldBe(98);
    }
}
