using SecondSource.Application.Planning;
using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Tests.Planning;

public sealed class AllocationOptimiserTests
{
    private static ModelProduct Product(string name, double[] demand, double inventory = 0, int minWarm = 50, int? since = 0, double secondCost = 1.05) =>
        new(name, demand, inventory, [1, 1], [1, secondCost], [20, 20], [50, 50], minWarm, WeeksSinceWarmBatch: since);

    private static ModelLine Line(string name, bool second, int weeks, double hours, double ramp = double.PositiveInfinity) =>
        new(name, second, [.. Enumerable.Repeat(hours, weeks)], 0.01, ramp);

    private static int[] Quarters(int weeks, int offset = 0) => [.. Enumerable.Range(0, weeks).Select(t => offset + (t / 13))];

    [Fact]
    public void A_plan_with_room_meets_demand_holds_the_steady_band_and_keeps_the_second_line_warm_every_month()
    {
        const int weeks = 26;
        var problem = new AllocationProblem(
            [Line("Primary", false, weeks, 5000), Line("Second", true, weeks, 1500)],
            [Product("VSM-200", [.. Enumerable.Repeat(4000.0, weeks)], inventory: 2000)], Quarters(weeks, offset: 2), new SharePolicy());

        var plan = new AllocationOptimiser().Solve(problem);

        plan.Status.ShouldBeOneOf(SolveStatus.Optimal, SolveStatus.Feasible);
        plan.Solver.ShouldBe("SCIP");
        plan.Gap.ShouldBeLessThanOrEqualTo(0.01 + 1e-9);
        plan.Violations(problem).ShouldBeEmpty();
        plan.Slacks.ShouldBeEmpty(string.Join("; ", plan.Slacks.Select(s => $"{s.Constraint} {s.Period} {s.Amount}")));
        for (var q = 0; q < 2; q++)
        {
            var total = Enumerable.Range(q * 13, 13).Sum(t => plan.Units[0, 0, t] + plan.Units[1, 0, t]);
            var second = Enumerable.Range(q * 13, 13).Sum(t => plan.Units[1, 0, t]);
            (second / total).ShouldBeInRange(0.15 - 1e-6, 0.25 + 1e-6);
        }

        // Warm: every rolling 4-week window has a batch of ≥ 50 at the second line.
        for (var end = 3; end < weeks; end++)
        {
            Enumerable.Range(end - 3, 4).Any(t => plan.Units[1, 0, t] >= 50 - 1e-6).ShouldBeTrue($"window ending week {end + 1}");
        }
    }

    [Fact]
    public void When_the_second_line_cannot_hold_the_band_the_slack_is_named_with_its_period_instead_of_an_empty_result()
    {
        const int weeks = 13;
        // The second line can make 300 a week at most: 3,900 of 52,000 = 7.5 %, below the steady band's 15 %.
        var problem = new AllocationProblem(
            [Line("Primary", false, weeks, 6000), Line("Second", true, weeks, 300)],
            [Product("VSM-200", [.. Enumerable.Repeat(4000.0, weeks)])], Quarters(weeks, offset: 4), new SharePolicy(), FirstMonday: new DateOnly(2027, 1, 4));

        var plan = new AllocationOptimiser().Solve(problem);

        plan.Status.ShouldNotBe(SolveStatus.NoSolution);
        var band = plan.Slacks.ShouldHaveSingleItem();
        band.Constraint.ShouldBe(AllocationCheck.BandRule);
        band.Period.ShouldBe("VSM-200 2027-W01 to 2027-W13");
        band.Amount.ShouldBe(0.15 * 52_000 - 3_900, 1);
        plan.Violations(problem).ShouldBeEmpty();
    }

    [Fact]
    public void Demand_beyond_both_lines_is_a_named_backlog_and_a_missing_warm_batch_a_named_window()
    {
        const int weeks = 8;
        // Demand 7,000 a week against 5,000 + 1,000 of capacity; the second line is down (no capacity) in weeks 3–8.
        var second = new ModelLine("Second", true, [1000, 1000, 0, 0, 0, 0, 0, 0], 0.01);
        var problem = new AllocationProblem(
            [Line("Primary", false, weeks, 5000), second],
            [Product("VSM-200", [.. Enumerable.Repeat(7000.0, weeks)])], Quarters(weeks), new SharePolicy(LaunchMin: 0, LaunchMax: 1));

        var plan = new AllocationOptimiser().Solve(problem);

        plan.Violations(problem).ShouldBeEmpty();
        plan.Slacks.ShouldContain(s => s.Constraint == AllocationCheck.DemandRule && s.Period == "VSM-200 week 1 to week 8");
        plan.Slacks.Where(s => s.Constraint == AllocationCheck.WarmRule).Select(s => s.Period)
            .ShouldBe(["VSM-200 week 3 to week 6", "VSM-200 week 4 to week 7", "VSM-200 week 5 to week 8"]);
    }

    [Fact]
    public void Ramp_limits_bound_the_change_in_committed_hours_from_week_to_week()
    {
        const int weeks = 10;
        double[] demand = [0, 0, 0, 0, 0, 6000, 6000, 6000, 6000, 6000];
        var problem = new AllocationProblem(
            [Line("Primary", false, weeks, 6000, ramp: 1000), Line("Second", true, weeks, 2000, ramp: 500)],
            [Product("VSM-200", demand, since: null)], Quarters(weeks), new SharePolicy(LaunchMin: 0, LaunchMax: 1));

        var plan = new AllocationOptimiser().Solve(problem);

        plan.Violations(problem).ShouldBeEmpty();
        for (var s = 0; s < 2; s++)
        {
            for (var t = 1; t < weeks; t++)
            {
                Math.Abs(plan.CommittedHours[s, t] - plan.CommittedHours[s, t - 1]).ShouldBeLessThanOrEqualTo(problem.Lines[s].RampLimitHours + 1e-6);
            }
        }

        // Lines cannot jump to 6,000 a week in week 6, so units are built ahead into stock.
        Enumerable.Range(0, 5).Sum(t => plan.Inventory[0, t]).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Random_instances_keep_the_invariants_every_window_warm_bands_held_or_slack_named_balances_exact()
    {
        // Research/planning.md §8 case 7, on 12 seeded random instances: 1–3 products, 8–20 weeks, varied capacity.
        for (var seed = 1; seed <= 12; seed++)
        {
            var random = new Random(seed);
            var weeks = random.Next(8, 21);
            var products = Enumerable.Range(0, random.Next(1, 4)).Select(i => new ModelProduct(
                $"P{i}", [.. Enumerable.Range(0, weeks).Select(_ => (double)random.Next(0, 1500))], random.Next(0, 2000),
                [1 + random.NextDouble(), 1 + random.NextDouble()], [1, 1 + (random.NextDouble() * 0.2)], [random.Next(0, 50), random.Next(0, 50)],
                [random.Next(0, 100), random.Next(0, 100)], random.Next(20, 120), WeeksSinceWarmBatch: random.Next(0, 3) == 0 ? null : random.Next(0, 6))).ToList();
            var lines = new[]
            {
                new ModelLine("A", false, [.. Enumerable.Range(0, weeks).Select(_ => (double)random.Next(1000, 5000))], 0.01),
                new ModelLine("B", true, [.. Enumerable.Range(0, weeks).Select(_ => random.Next(0, 5) == 0 ? 0.0 : random.Next(100, 1500))], 0.01, random.Next(0, 2) == 0 ? double.PositiveInfinity : 400),
            };
            var problem = new AllocationProblem(lines, products, Quarters(weeks, random.Next(0, 3)), new SharePolicy(WarmWindowWeeks: random.Next(3, 6)), TimeLimitSeconds: 20);

            var plan = new AllocationOptimiser().Solve(problem);

            plan.Status.ShouldNotBe(SolveStatus.NoSolution, $"seed {seed}");
            plan.Violations(problem).ShouldBeEmpty($"seed {seed}");
        }
    }

    [Fact]
    public void Without_SCIP_it_falls_back_to_CBC_and_says_so()
    {
        const int weeks = 6;
        var problem = new AllocationProblem(
            [Line("Primary", false, weeks, 5000), Line("Second", true, weeks, 1500)],
            [Product("VSM-200", [.. Enumerable.Repeat(1000.0, weeks)])], Quarters(weeks, 3), new SharePolicy());

        var plan = new AllocationOptimiser(solvers: ["NO-SUCH-SOLVER", "CBC"]).Solve(problem);

        plan.Solver.ShouldBe("CBC");
        plan.SolverNote.ShouldBe("NO-SUCH-SOLVER not available in this build; solved with CBC");
        plan.Violations(problem).ShouldBeEmpty();
    }

    [Fact]
    public void A_tiny_time_limit_is_honoured_and_reported()
    {
        const int weeks = 26;
        var products = Enumerable.Range(0, 12).Select(i => Product($"P{i}", [.. Enumerable.Range(0, weeks).Select(t => 300.0 + (37 * ((i + t) % 7)))])).ToList();
        var problem = new AllocationProblem([Line("Primary", false, weeks, 9000), Line("Second", true, weeks, 3000)], products, Quarters(weeks, 2), new SharePolicy(),
            TimeLimitSeconds: 0.05, RelativeGap: 0);

        var plan = new AllocationOptimiser().Solve(problem);

        plan.HitTimeLimit.ShouldBeTrue();
        plan.Status.ShouldNotBe(SolveStatus.Optimal);
        if (plan.Status == SolveStatus.NoSolution)
        {
            plan.SolverNote.ShouldBe("no plan found within the time limit of 0.1 s");
        }
        else
        {
            plan.Gap.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void A_model_without_a_second_source_is_refused()
    {
        var problem = new AllocationProblem([Line("A", false, 4, 100), Line("B", false, 4, 100)], [Product("P", [1, 1, 1, 1])], Quarters(4), new SharePolicy());
        Should.Throw<DomainException>(() => new AllocationOptimiser().Solve(problem)).Message.ShouldContain("a primary and a second source");
    }
}
