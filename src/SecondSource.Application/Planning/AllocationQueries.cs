using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Planning;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Planning;

/// <summary>A line of the plan with its stage, standing capacity and ramp limit (units a week; null when not recorded).</summary>
public sealed record AllocationLine(VaultLine Line, int? StandingWeeklyCapacity, int? RampLimitWeekly = null)
{
    public PlanLine ToPlanLine() => new(Line.Id, Line.Name, Line.Role == LineRole.SecondSource, StandingWeeklyCapacity);
}

/// <summary>
/// A product's allocation plan from this week on: the program's policy, the lines taking volume (primary and second
/// lines past candidacy), the weekly demand from the forecast and the units planned per line, the second line's launch
/// quarter and last qualifying batch, the findings of the check, and the forecast's weekly demand over the whole horizon
/// (it may run past the plan). Each manufacturer sees only its own line's units;
/// the forecast and the findings are the buyer's.
/// </summary>
public sealed record AllocationView(
    Guid ProductId, string ProductCode, Guid ProgramId, SharePolicy Policy, bool PolicyIsDefault, IReadOnlyList<AllocationLine> Lines,
    IReadOnlyList<PlanWeek> Weeks, CalendarQuarter LaunchQuarter, BuiltBatch? LastSecondLineBatch, IReadOnlyList<PlanFinding> Findings,
    string? ForecastSource, DateTimeOffset? ForecastImportedAt, IReadOnlyDictionary<DateOnly, double> ForecastDemand);

public sealed class AllocationQueries(SecondSourceDbContext db, VaultLines lines, Programs.ProgramFacts facts, TimeProvider clock)
{
    /// <summary>The most weeks a plan shows and checks.</summary>
    public const int MaxWeeks = 52;

    public async Task<AllocationView?> OfProductAsync(Guid productId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Lines).ThenInclude(l => l.History).FirstOrDefaultAsync(p => p.ProductId == productId, ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.Code).FirstOrDefaultAsync(ct);
        if (program is null || product is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = PlanWeeks.MondayOf(today);
        var horizonEnd = first.AddDays(7 * MaxWeeks);
        var taking = (await lines.OfProductAsync(productId, ct)).Where(l => l.Stage is not (LineStage.Candidate or LineStage.Suspended)).ToList();
        var byLine = program.Lines.ToDictionary(l => l.LineId);
        var planLines = taking.Select(l => new AllocationLine(l, byLine.GetValueOrDefault(l.Id)?.StandingWeeklyCapacity, byLine.GetValueOrDefault(l.Id)?.RampLimitWeekly)).ToList();

        var forecast = await db.ForecastPeriods.AsNoTracking().Where(f => f.ProductId == productId && f.End > first && f.Start < horizonEnd).ToListAsync(ct);
        var planned = await db.PlannedWeeks.AsNoTracking().Where(w => w.ProductId == productId && w.Monday >= first && w.Monday < horizonEnd).ToListAsync(ct);
        var demand = PlanWeeks.WeeklyDemand(forecast.Select(f => (f.Start, f.End, f.Quantity)));
        // The plan's horizon: its last planned week; with no plan yet, the forecast's (every week then shows what is unplanned).
        var lastForecast = demand.Keys.Where(k => k >= first && k < horizonEnd).DefaultIfEmpty(first.AddDays(-7)).Max();
        var last = planned.Count > 0 ? planned.Max(p => p.Monday) : lastForecast;
        var weeks = new List<PlanWeek>();
        for (var monday = first; monday <= last; monday = monday.AddDays(7))
        {
            var units = planned.Where(p => p.Monday == monday).ToDictionary(p => p.LineId, p => (double)p.Units);
            weeks.Add(new PlanWeek(monday, demand.GetValueOrDefault(monday), units));
        }

        var second = planLines.Where(l => l.Line.Role == LineRole.SecondSource).ToList();
        var warm = second.Count == 0 ? [] : await facts.WarmthAsync(productId, ct);
        var lastBatch = warm.Select(w => w.Warmth.LastQualifying).Where(b => b is not null).Select(b => b!.Value).OrderByDescending(b => b.Completed).Cast<BuiltBatch?>().FirstOrDefault();
        var launch = LaunchQuarter(program, second, planned, today);
        var findings = weeks.Count == 0 ? [] : AllocationCheck.Check(program.Policy, [.. planLines.Select(l => l.ToPlanLine())], weeks, launch, lastBatch?.Completed).ToList();
        if (lastForecast > last)
        {
            findings.Add(new PlanFinding($"{PlanWeeks.Label(last.AddDays(7))} to {PlanWeeks.Label(lastForecast)}", AllocationCheck.DemandRule,
                $"The forecast runs {(lastForecast.DayNumber - last.DayNumber) / 7} weeks past the plan's last week: those weeks are not planned yet."));
        }

        var latest = forecast.OrderByDescending(f => f.ImportedAt).FirstOrDefault();
        return new AllocationView(productId, product, program.Id, program.Policy, program.AllocationPolicy is null, planLines, weeks, launch, lastBatch, findings,
            latest?.Source, latest?.ImportedAt, demand.Where(d => d.Key >= first && d.Key < horizonEnd).ToDictionary());
    }

    /// <summary>The second line's launch quarter: when it entered Ramp, else its first planned week, else this quarter.</summary>
    private static CalendarQuarter LaunchQuarter(ProductProgram program, List<AllocationLine> second, List<PlannedWeek> planned, DateOnly today)
    {
        var ids = second.Select(l => l.Line.Id).ToHashSet();
        var ramp = program.Lines.Where(l => ids.Contains(l.LineId)).SelectMany(l => l.History).Where(h => h.To == LineStage.Ramp).Select(h => (DateOnly?)DateOnly.FromDateTime(h.At.UtcDateTime)).Min();
        var firstPlanned = planned.Where(p => ids.Contains(p.LineId) && p.Units > 0).Select(p => (DateOnly?)p.Monday).Min();
        return CalendarQuarter.Of(PlanWeeks.MondayOf(ramp ?? firstPlanned ?? today));
    }
}
