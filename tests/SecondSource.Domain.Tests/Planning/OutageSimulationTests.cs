using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Domain.Tests.Planning;

public sealed class OutageSimulationTests
{
    // Demand 4,000 a week, 20 % standing share, surge ceiling 4,200, 16,000 finished goods, the primary back in 12 weeks at P90.
    private static OutageInputs Inputs(double since0 = 0, double since1 = 4, double ceiling = 4200, double inventory = 16_000) =>
        new(4000, 0.2, ceiling, inventory, 12, since0, since1);

    [Fact]
    public void The_same_seed_gives_the_same_outcomes_and_another_seed_others()
    {
        // Research/planning.md §8 case 8: determinism.
        var a = OutageSimulation.Run(Inputs(), 5000, 42);
        var b = OutageSimulation.Run(Inputs(), 5000, 42);
        var c = OutageSimulation.Run(Inputs(), 5000, 43);

        a.ShouldBe(b);
        a.SequenceEqual(c).ShouldBeFalse();
        OutageSimulation.Summarise(a, 26).ShouldBeEquivalentTo(OutageSimulation.Summarise(b, 26));
    }

    [Fact]
    public void Common_random_numbers_make_the_difference_between_cadences_less_noisy_than_independent_runs()
    {
        // §8 case 8: CRN — monthly vs quarterly on the same scenarios vary less in their per-scenario difference than on independent ones.
        // A line short of full demand with little stock, so the loss is driven mostly by the outage both cadences share.
        const int n = 20_000;
        var monthly = OutageSimulation.Run(Inputs(0, 4, ceiling: 3000, inventory: 4000), n, 7);
        var quarterly = OutageSimulation.Run(Inputs(0, 13, ceiling: 3000, inventory: 4000), n, 7);
        var independent = OutageSimulation.Run(Inputs(0, 13, ceiling: 3000, inventory: 4000), n, 8);

        static double Variance(IEnumerable<double> xs) { var l = xs.ToList(); var m = l.Average(); return l.Sum(x => (x - m) * (x - m)) / (l.Count - 1); }
        var paired = Variance(monthly.Zip(quarterly, (m, q) => q.LostUnits - m.LostUnits));
        var unpaired = Variance(monthly.Zip(independent, (m, q) => q.LostUnits - m.LostUnits));

        paired.ShouldBeLessThan(unpaired / 4);
        // Kept warm monthly, the line ramps faster: never more loss on the same scenario.
        monthly.Zip(quarterly).All(p => p.First.LostUnits <= p.Second.LostUnits + 1e-6).ShouldBeTrue();
    }

    [Fact]
    public void A_second_line_that_can_take_all_demand_with_ample_stock_loses_nothing_and_a_single_source_loses_most()
    {
        var covered = OutageSimulation.Summarise(OutageSimulation.Run(Inputs(ceiling: 10_000, inventory: 200_000), 2000, 1), 26);
        covered.MeanFillRate.ShouldBe(1);
        covered.ProbabilityOfLoss.ShouldBe(0);
        covered.Survival.ShouldAllBe(s => s == 1);

        var single = OutageSimulation.Summarise(OutageOutcomes(new OutageInputs(4000, 0, 0, 0, 12, 0, 0)), 26);
        single.ProbabilityOfLoss.ShouldBe(1);
        single.Survival[1].ShouldBeLessThan(1);
        single.ConditionalValueAtRisk95.ShouldBeGreaterThanOrEqualTo(single.ValueAtRisk95);
        single.ValueAtRisk95.ShouldBeGreaterThanOrEqualTo(single.MedianLost);
    }

    [Fact]
    public void The_summary_follows_the_index_quantile_and_the_survival_and_exceedance_definitions()
    {
        // §8 case 6 through the summary: losses 1..100 → VaR95 = 96, CVaR95 = 98.
        var outcomes = Enumerable.Range(1, 100).Select(i => new OutageOutcome(i, 1 - (i / 1000.0), i % 27, i % 2 == 0 ? 3 : null, i % 10)).ToArray();
        var s = OutageSimulation.Summarise(outcomes, 26);

        s.ValueAtRisk95.ShouldBe(96);
        s.ConditionalValueAtRisk95.ShouldBe(98);
        s.MedianLost.ShouldBe(51);
        s.ShareReaching90.ShouldBe(0.5);
        s.MedianWeeksTo90.ShouldBe(3);
        s.Survival[0].ShouldBe(1);
        s.Survival[26].ShouldBe(3 / 100.0); // TTS = i mod 27 = 26 for i = 26, 53, 80
        s.RecoveryExceedance[10].ShouldBe(0);
        s.Exceedance(95).ShouldBe(0.05);
        s.Exceedance(0).ShouldBe(1);
    }

    [Fact]
    public void Component_kits_bind_the_surge_until_supply_catches_up()
    {
        var free = OutageSimulation.Run(Inputs(), 5000, 4);
        var none = OutageSimulation.Run(Inputs() with { ComponentKits = 0, ComponentLeadWeeks = 26 }, 5000, 4);
        var some = OutageSimulation.Run(Inputs() with { ComponentKits = 12_000, ComponentLeadWeeks = 6 }, 5000, 4);

        // Scenario by scenario: no kits at all can only lose more than some kits, and some kits more than no limit.
        none.Zip(some).All(p => p.First.LostUnits >= p.Second.LostUnits - 1e-6).ShouldBeTrue();
        some.Zip(free).All(p => p.First.LostUnits >= p.Second.LostUnits - 1e-6).ShouldBeTrue();
        none.Average(o => o.LostUnits).ShouldBeGreaterThan(free.Average(o => o.LostUnits));
        none.ShouldAllBe(o => o.WeeksTo90 == null, "without kits the second line never leaves its standing 20 %");
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Should.Throw<DomainException>(() => OutageSimulation.Run(Inputs() with { WeeklyDemand = 0 }, 100, 1));
        Should.Throw<DomainException>(() => OutageSimulation.Run(Inputs(5, 4), 100, 1));
        Should.Throw<DomainException>(() => OutageSimulation.Run(Inputs(), 0, 1));
    }

    private static OutageOutcome[] OutageOutcomes(OutageInputs inputs) => OutageSimulation.Run(inputs, 2000, 3);
}
