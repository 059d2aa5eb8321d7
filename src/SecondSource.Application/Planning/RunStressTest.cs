using System.Diagnostics;
using SecondSource.Application.Vault;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

public sealed record RunStressTestRequest(Guid ProductId, int Scenarios = 10_000, int Seed = 1);

/// <summary>One cadence of warm batches simulated: its name, the weeks since the last batch at the outage, and the summary.</summary>
public sealed record StressPolicyResult(string Name, double WeeksSinceMin, double WeeksSinceMax, OutageSummary Summary);

/// <summary>
/// A product's stress test: the second line, the inputs taken from its emergency-shift plan, tested capacity and warmth,
/// the deterministic time to survive (binary search on the time-indexed LP over the assessment's ramp envelope) and the
/// bridge inventory the ramp needs, and three Monte Carlo runs on the
/// same scenarios — the line as it is today, kept warm monthly, kept warm only quarterly — with the wall time.
/// </summary>
public sealed record StressReport(VaultLine Line, OutageInputs Inputs, ShiftAssessment Assessment, TimeToSurvive Survive, int Seed, IReadOnlyList<StressPolicyResult> Policies, double Seconds);

/// <summary>
/// Runs the stress test of a product's second line (research/planning.md §4): the primary fails at week 0; demand,
/// bridge inventory and the primary's recovery time come from the emergency-shift plan, the surge ceiling is the tested
/// capacity credited by age and capped by the reservation, the standing share is the plan's next 13 weeks (else the
/// policy's target), and the component kits held for a surge (when recorded) limit it until supply catches up. The same seeded scenarios are run for today's warmth, a monthly and a quarterly warm batch.
/// </summary>
public sealed class RunStressTestHandler(Programs.ProgramFacts facts)
{
    public const int MaxScenarios = 1_000_000;

    public async Task<Result<StressReport>> HandleAsync(RunStressTestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Scenarios is < 100 or > MaxScenarios)
        {
            return Fail.Invalid($"Run between 100 and {MaxScenarios:N0} scenarios (asked for {request.Scenarios:N0}).");
        }

        var readiness = (await facts.ShiftAsync(request.ProductId, ct)).FirstOrDefault(r => r.Plan is not null && r.Assessment is not null);
        if (readiness is null)
        {
            return Fail.Invalid("A stress test needs a second line with an emergency-shift plan (clause, reference demand, capacities, recovery time, bridge inventory).");
        }

        var plan = readiness.Plan!;
        var assessment = readiness.Assessment!;
        var share = readiness.StandingShare;
        var ceiling = Math.Min(assessment.Credit * assessment.DemonstratedWeekly, plan.ReservedWeekly);
        var since = readiness.Warmth.WeeksSince ?? 52;
        var inputs = new OutageInputs(plan.WeeklyDemand, share, ceiling, plan.BridgeInventory, Math.Max(plan.PrimaryRecoveryWeeks, 0.5), since, since,
            ComponentKits: plan.ComponentKits, ComponentLeadWeeks: plan.ComponentLeadWeeks);

        var survive = TimeToSurviveLp.Solve(plan.BridgeInventory, [plan.WeeklyDemand], assessment.Envelope, EmergencyShift.HorizonWeeks,
            plan.ComponentKits, share * plan.WeeklyDemand, plan.ComponentLeadWeeks);
        var clock = Stopwatch.StartNew();
        (string Name, double Min, double Max)[] cadences = [($"today ({since:0.#} weeks since the last batch)", since, since), ("warm batch monthly", 0, 4), ("warm batch quarterly", 0, 13)];
        var results = cadences.Select(c =>
        {
            var run = inputs with { WeeksSinceBatchMin = c.Min, WeeksSinceBatchMax = c.Max };
            return new StressPolicyResult(c.Name, c.Min, c.Max, OutageSimulation.Summarise(OutageSimulation.Run(run, request.Scenarios, request.Seed), run.HorizonWeeks));
        }).ToList();
        return Result.Ok(new StressReport(readiness.Line, inputs, assessment, survive, request.Seed, results, clock.Elapsed.TotalSeconds));
    }
}
