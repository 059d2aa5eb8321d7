using System.Diagnostics;
using System.Globalization;
using SecondSource.Application.Planning;
using SecondSource.Domain.Planning;

namespace SecondSource.Benchmarks;

/// <summary>
/// Planning at scale (issue 9): (1) the weekly allocation MILP for P products over W weeks on two lines sharing
/// their hours (seeded demand, varied hours per unit and costs, a monthly warm window, quarterly bands), solved with
/// SCIP to a 1 % gap under a time limit — solve time, status, gap and how many rules gave; (2) the outage Monte Carlo,
/// N scenarios of one cadence — scenarios per second, and N for each of three cadences as the stress test runs them.
/// </summary>
internal static class PlanBenchmark
{
    public static int Run(string[] args)
    {
        var products = BomAuditBenchmark.Option(args, "--products", 20);
        var weeks = BomAuditBenchmark.Option(args, "--weeks", 26);
        var scenarios = BomAuditBenchmark.Option(args, "--scenarios", 100_000);
        var limit = BomAuditBenchmark.Option(args, "--time-limit", 60);
        var inv = CultureInfo.InvariantCulture;

        var problem = Problem(products, weeks, limit, seed: 2026);
        var binaries = (2 * products * weeks) + (products * weeks);
        Console.WriteLine(string.Create(inv, $"MILP: {products} products × {weeks} weeks × 2 lines, {binaries:N0} binaries, gap 1 %, time limit {limit} s"));
        var solverName = args.SkipWhile(a => a != "--solver").Skip(1).FirstOrDefault();
        var threads = BomAuditBenchmark.Option(args, "--threads", 1);
        var solution = new AllocationOptimiser(null, solverName is null ? null : [solverName], threads).Solve(problem);
        var violations = solution.Violations(problem);
        Console.WriteLine(string.Create(inv,
            $"  {solution.Solver} ({threads} thread(s)) {solution.Status}{(solution.HitTimeLimit ? " (time limit)" : "")} in {solution.Seconds:0.00} s, gap {solution.Gap:P2}, objective {solution.Objective:N0}, bound {solution.BestBound:N0}; {solution.Slacks.Count} rules gave; invariants {(violations.Count == 0 ? "hold" : $"BROKEN: {violations[0]}")}"));

        var inputs = new OutageInputs(4000, 0.2, 4200, 16_000, 12, 0, 4);
        OutageSimulation.Run(inputs, 1000, 1); // warm the JIT
        var clock = Stopwatch.StartNew();
        var outcomes = OutageSimulation.Run(inputs, scenarios, 1);
        var run = clock.Elapsed.TotalSeconds;
        var summary = OutageSimulation.Summarise(outcomes, inputs.HorizonWeeks);
        var total = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(inv,
            $"Monte Carlo: {scenarios:N0} scenarios × {inputs.HorizonWeeks} weeks in {run:0.000} s = {scenarios / run:N0} scenarios/s ({scenarios / total:N0}/s with the summary); mean fill {summary.MeanFillRate:P2}, CVaR95 {summary.ConditionalValueAtRisk95:N0} units"));
        Console.WriteLine(string.Create(inv, $"  on {Environment.ProcessorCount} cores"));
        return violations.Count == 0 ? 0 : 1;
    }

    /// <summary>A seeded instance: demand 200–1,200 a week per product with a seasonal swing, two lines sharing hours.</summary>
    private static AllocationProblem Problem(int products, int weeks, int limit, int seed)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, products).Select(i =>
        {
            var level = random.Next(200, 1200);
            var hours = 0.05 + (random.NextDouble() * 0.1);
            return new ModelProduct($"P{i:00}",
                [.. Enumerable.Range(0, weeks).Select(t => Math.Round(level * (1 + (0.15 * Math.Sin((2 * Math.PI * (t + i)) / 13))) * (0.9 + (0.2 * random.NextDouble()))))],
                random.Next(0, level * 2), [hours, hours * 1.1], [1, 1 + (random.NextDouble() * 0.08)], [30, 30], [50, 50], 50);
        }).ToList();
        var need = items.Sum(p => p.Demand.Average() * p.HoursPerUnit[0]);
        var lines = new[]
        {
            new ModelLine("Primary", false, [.. Enumerable.Repeat(Math.Round(need * 1.0), weeks)], 0.5, need * 0.2),
            new ModelLine("Second", true, [.. Enumerable.Repeat(Math.Round(need * 0.4), weeks)], 0.6, need * 0.1),
        };
        return new AllocationProblem(lines, items, [.. Enumerable.Range(0, weeks).Select(t => 2 + (t / 13))], new SharePolicy(), TimeLimitSeconds: limit);
    }
}
