using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Planning;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Planning;

/// <summary>
/// Optimise a product's plan over <paramref name="Weeks"/> weeks from this one. <paramref name="SecondLinePremium"/> is
/// the second line's extra unit cost as a fraction of the primary's (3 % by default); <paramref name="Adopt"/> stores the
/// proposal as the plan (replacing the planned weeks it covers).
/// </summary>
public sealed record OptimisePlanRequest(Guid ProductId, int Weeks = 26, double TimeLimitSeconds = 30, double RelativeGap = 0.001, double SecondLinePremium = 0.03, bool Adopt = false, string By = "");

/// <summary>The proposal: per week its demand and the whole units per line, the solution's figures and what the check then finds.</summary>
public sealed record PlanProposal(AllocationView Before, IReadOnlyList<PlanWeek> Weeks, AllocationSolution Solution, IReadOnlyList<PlanFinding> Findings, bool Adopted);

/// <summary>
/// Proposes an allocation plan with the weekly MILP from the stored forecast, the lines' standing capacities and the
/// program's policy (the buyer's editors): one product, its primary and second lines (a unit takes one unit of a line's
/// weekly capacity; a line's ramp limit bounds the week-to-week change of its committed volume), minimum batch = the warm batch, set-up cost 20 units, backlog 50 a unit-week, the second line's
/// warm history carried in, a 0.1 % gap by default (one product solves in well under a second).
/// Units are whole (integer variables), so the stored plan is the solved one, and checked again; when adopted they replace the plan's weeks in the horizon.
/// </summary>
public sealed class OptimisePlanHandler(SecondSourceDbContext db, AllocationQueries queries, AllocationOptimiser optimiser, TimeProvider clock)
{
    public const double SetupCost = 20;

    /// <summary>Cost of a unit a week late, in units of the primary's unit cost: late delivery is dear.</summary>
    public const double BacklogCost = 50;

    /// <summary>
    /// Cost of a unit of capacity committed for a week: small, but it keeps committed capacity close to the volume, so
    /// that a line's ramp limit (on the change in committed capacity) bounds how fast its volume can grow.
    /// </summary>
    public const double CommittedCost = 0.05;

    public async Task<Result<PlanProposal>> HandleAsync(OptimisePlanRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Weeks is < 4 or > AllocationQueries.MaxWeeks || !(request.TimeLimitSeconds is > 0 and <= 600) || request.RelativeGap is < 0 or > 1 || request.SecondLinePremium is < -0.5 or > 5)
        {
            return Fail.Invalid($"Plan 4–{AllocationQueries.MaxWeeks} weeks, with a time limit of up to 600 s, a gap in [0, 1] and a second-line premium in [−50 %, 500 %].");
        }

        var view = await queries.OfProductAsync(request.ProductId, ct);
        if (view is null)
        {
            return Fail.NotFound("That product has no program.");
        }

        var primary = view.Lines.Where(l => l.Line.Role == LineRole.Primary).ToList();
        var second = view.Lines.Where(l => l.Line.Role == LineRole.SecondSource).ToList();
        if (primary.Count == 0 || second.Count == 0)
        {
            return Fail.Invalid("The plan needs the primary line and a second line past candidacy.");
        }

        var missing = view.Lines.Where(l => l.StandingWeeklyCapacity is null).Select(l => l.Line.Name).ToList();
        if (missing.Count > 0)
        {
            return Fail.Invalid($"Record the standing capacity of {string.Join(" and ", missing)} first (units a week).");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = PlanWeeks.MondayOf(today);
        // The forecast's weeks, not the plan's: a new plan may run further than the stored one.
        var demand = Enumerable.Range(0, request.Weeks).Select(t => view.ForecastDemand.GetValueOrDefault(first.AddDays(7 * t))).ToList();
        var covered = Enumerable.Range(0, request.Weeks).Count(t => view.ForecastDemand.ContainsKey(first.AddDays(7 * t)));
        if (covered < request.Weeks || demand.All(d => d <= 0))
        {
            return Fail.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"The forecast covers {covered} of the {request.Weeks} weeks from {PlanWeeks.Label(first)}; import a forecast that covers them."));
        }

        var lines = view.Lines.OrderBy(l => l.Line.Role == LineRole.SecondSource).ToList();
        var policy = view.Policy;
        var since = view.LastSecondLineBatch is { } b ? Math.Max(0, (first.DayNumber - PlanWeeks.MondayOf(b.Completed).DayNumber) / 7 - 1) : (int?)null;
        var product = new ModelProduct(view.ProductCode, demand, 0, [.. lines.Select(_ => 1.0)],
            [.. lines.Select(l => l.Line.Role == LineRole.SecondSource ? 1 + request.SecondLinePremium : 1.0)], [.. lines.Select(_ => SetupCost)],
            [.. lines.Select(_ => policy.MinWarmBatch)], policy.MinWarmBatch, BacklogCost: BacklogCost, WeeksSinceWarmBatch: since);
        var problem = new AllocationProblem(
            [.. lines.Select(l => new ModelLine(l.Line.Name, l.Line.Role == LineRole.SecondSource, [.. Enumerable.Repeat((double)l.StandingWeeklyCapacity!.Value, request.Weeks)],
                CommittedCost, l.RampLimitWeekly ?? double.PositiveInfinity))],
            [product], [.. Enumerable.Range(0, request.Weeks).Select(t => Math.Max(0, CalendarQuarter.Of(first.AddDays(7 * t)).Index - view.LaunchQuarter.Index))],
            policy, request.TimeLimitSeconds, request.RelativeGap, FirstMonday: first, WholeUnits: true);
        var solution = optimiser.Solve(problem);

        var weeks = Enumerable.Range(0, request.Weeks).Select(t => new PlanWeek(first.AddDays(7 * t), demand[t],
            Enumerable.Range(0, lines.Count).ToDictionary(s => lines[s].Line.Id, s => Math.Round(solution.Units[s, 0, t])))).ToList();
        var findings = solution.Status == SolveStatus.NoSolution ? []
            : AllocationCheck.Check(policy, [.. lines.Select(l => l.ToPlanLine())], weeks, view.LaunchQuarter, view.LastSecondLineBatch?.Completed);
        var adopt = request.Adopt && solution.Status != SolveStatus.NoSolution;
        if (adopt && string.IsNullOrWhiteSpace(request.By))
        {
            return Fail.Invalid("Adopting a plan needs the name of who adopts it.");
        }

        if (adopt)
        {
            var end = first.AddDays(7 * request.Weeks);
            db.PlannedWeeks.RemoveRange(await db.PlannedWeeks.Where(w => w.ProductId == request.ProductId && w.Monday >= first && w.Monday < end).ToListAsync(ct));
            var at = clock.GetUtcNow();
            db.PlannedWeeks.AddRange(weeks.SelectMany(w => lines.Select(l => PlannedWeek.Create(request.ProductId, l.Line.Id, l.Line.PartyId, w.Monday, (int)w.Planned(l.Line.Id), "optimiser", at, request.By))));
            await db.SaveChangesAsync(ct); // one SaveChanges: the old weeks go and the new come in one transaction
        }

        return Result.Ok(new PlanProposal(view, weeks, solution, findings, adopt));
    }
}
