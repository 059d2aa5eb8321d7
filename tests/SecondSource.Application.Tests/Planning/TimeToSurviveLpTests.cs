using SecondSource.Application.Planning;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Tests.Planning;

public sealed class TimeToSurviveLpTests
{
    [Fact]
    public void The_ramp_golden_case_survives_three_weeks_and_the_bridge_inventory_covers_the_horizon()
    {
        // Research/planning.md §8 case 2: ramp 0.25 … 1.00 × 1,000, I₀ = 2,000 → TTS = 3; with G* = 2,550 → the horizon.
        double[] ramp = [250, 350, 500, 650, 800, 900, 1000];
        TimeToSurviveLp.Solve(2000, [1000], ramp).ShouldBe(new TimeToSurvive(3, false));
        TimeToSurviveLp.Solve(2550, [1000], ramp).ShouldBe(new TimeToSurvive(52, true));
        TimeToSurviveLp.Solve(0, [1000], [0]).ShouldBe(new TimeToSurvive(0, false));
    }

    [Fact]
    public void The_binary_search_on_the_LP_agrees_with_the_greedy_oracle_on_random_instances()
    {
        // §8 case 2: "binary-search LP result = greedy oracle".
        var random = new Random(5);
        for (var i = 0; i < 40; i++)
        {
            var demand = Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.Next(0, 2000) * 1.0).ToArray();
            var envelope = Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.Next(0, 2000) * 1.0).ToArray();
            var inventory = random.Next(0, 10_000);
            var horizon = random.Next(1, 60);

            TimeToSurviveLp.Solve(inventory, demand, envelope, horizon).ShouldBe(StressTest.TimeIndexed(inventory, demand, envelope, horizon), $"instance {i}");
        }
    }

    [Fact]
    public void Component_kits_limit_the_surge_until_supply_catches_up()
    {
        // The ramp case (demand 1,000, envelope 250, 350, 500, …) with a standing 250 a week:
        // no kits: the line makes 250 a week, 2,000 − 750·(k + 1) ≥ 0 holds for 2 weeks (2,550: 3 weeks);
        // 1,000 kits: the cap 1,000 + 250·(k + 1) never binds below the envelope's 250, 600, 1,100, 1,750 → 3 weeks, as without;
        // kits limited for 0 weeks: no limit, and 2,550 is the bridge inventory that lasts the horizon.
        double[] ramp = [250, 350, 500, 650, 800, 900, 1000];
        TimeToSurviveLp.Solve(2000, [1000], ramp, kits: 0, standing: 250, kitWeeks: 52).ShouldBe(new TimeToSurvive(2, false));
        TimeToSurviveLp.Solve(2000, [1000], ramp, kits: 1000, standing: 250, kitWeeks: 52).ShouldBe(new TimeToSurvive(3, false));
        TimeToSurviveLp.Solve(2550, [1000], ramp, kits: 0, standing: 250, kitWeeks: 52).ShouldBe(new TimeToSurvive(3, false));
        TimeToSurviveLp.Solve(2550, [1000], ramp, kits: 0, standing: 250, kitWeeks: 0).ShouldBe(new TimeToSurvive(52, true));
    }
}
