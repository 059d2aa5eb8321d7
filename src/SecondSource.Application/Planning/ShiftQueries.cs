using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Avl;
using SecondSource.Application.Boms;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

/// <summary>A second line's emergency-shift readiness: its plan, surge runs, drills, warmth and the assessment.</summary>
public sealed record ShiftReadiness(
    VaultLine Line, ShiftPlan? Plan, SurgeRunRecord? LatestSurge, IReadOnlyList<ShiftDrill> Drills, WarmthAssessment Warmth,
    int UncoveredBomLines, int RevisionItemsBehind, double StandingShare, ShiftAssessment? Assessment)
{
    public ShiftDrill? LastDrill => Drills.Count == 0 ? null : Drills[0];
}

/// <summary>
/// Emergency-shift readiness of each second line of a product, today: the buyer's plan (clause, reference demand,
/// capacities, the primary's recovery time, bridge inventory), the latest surge run (a Run@Rate or a physical drill's
/// best week), the drills, the line's warmth, BOM lines of the latest revision with no source qualified and accepted
/// on the line (from the AVL library), vault items the line is behind on (read once, with the warmth) and its standing
/// share from the allocation plan; then the six criteria. Computed over the whole program: read it through
/// <see cref="Programs.ProgramFacts"/>, which projects it for the viewer.
/// </summary>
public sealed class ShiftQueries(SecondSourceDbContext db, WarmthQueries warmth, PartLibrary library, TimeProvider clock)
{
    public async Task<IReadOnlyList<ShiftReadiness>> OfProductAsync(Guid productId, CancellationToken ct)
    {
        var lines = await warmth.OfProductAsync(productId, ct);
        if (lines.Count == 0)
        {
            return [];
        }

        var plans = await db.ShiftPlans.AsNoTracking().Where(p => p.ProductId == productId).ToListAsync(ct);
        var surges = await db.SurgeRuns.AsNoTracking().Where(r => r.ProductId == productId).ToListAsync(ct);
        var drills = await db.ShiftDrills.AsNoTracking().Where(d => d.ProductId == productId).ToListAsync(ct);
        var uncovered = await UncoveredAsync(productId, lines.Select(l => l.Line.Id).ToList(), ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var planned = await PlannedAsync(productId, today, ct);
        return [.. lines.Select(l =>
        {
            var plan = plans.FirstOrDefault(p => p.LineId == l.Line.Id);
            var surge = surges.Where(r => r.LineId == l.Line.Id).OrderByDescending(r => r.On).ThenByDescending(r => r.RecordedAt).FirstOrDefault();
            var behind = l.RevisionItemsBehind;
            var missing = uncovered.GetValueOrDefault(l.Line.Id);
            var share = StandingShare(l, planned);
            var assessment = plan is null ? null : EmergencyShift.Assess(new ShiftInputs(plan.Clause, plan.WeeklyDemand, share, plan.ReservedWeekly, plan.InstalledWeekly,
                surge?.Run, l.Warmth, plan.PrimaryRecoveryWeeks, plan.BridgeInventory, missing, behind), today);
            return new ShiftReadiness(l.Line, plan, surge, [.. drills.Where(d => d.LineId == l.Line.Id).OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.RecordedAt)],
                l.Warmth, missing, behind, share, assessment);
        })];
    }

    /// <summary>
    /// The line's standing share: its part of the units planned over the next 13 weeks, else the guide's target (20 %)
    /// while there is no plan; none when the line is cold.
    /// </summary>
    private static double StandingShare(LineWarmth line, List<(Guid LineId, int Units)> planned)
    {
        var total = planned.Sum(p => p.Units);
        return line.Warmth.State == WarmthState.Cold ? 0
            : total > 0 ? (double)planned.Where(p => p.LineId == line.Line.Id).Sum(p => p.Units) / total
            : new SharePolicy().Target;
    }

    /// <summary>Units planned per line over the 13 weeks from this one.</summary>
    private async Task<List<(Guid LineId, int Units)>> PlannedAsync(Guid productId, DateOnly today, CancellationToken ct)
    {
        var from = PlanWeeks.MondayOf(today);
        var to = from.AddDays(7 * 13);
        return [.. (await db.PlannedWeeks.AsNoTracking().Where(w => w.ProductId == productId && w.Monday >= from && w.Monday < to)
            .Select(w => new { w.LineId, w.Units }).ToListAsync(ct)).Select(w => (w.LineId, w.Units))];
    }

    /// <summary>Per line: BOM lines of the product's latest revision with no source qualified and accepted there.</summary>
    private async Task<Dictionary<Guid, int>> UncoveredAsync(Guid productId, IReadOnlyList<Guid> lineIds, CancellationToken ct)
    {
        var revision = await db.BomRevisions.AsNoTracking().CurrentOf(productId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (revision is null)
        {
            return [];
        }

        var bomLines = await db.BomRevisionLines.AsNoTracking().Where(l => l.RevisionId == revision && !l.Dnp).Select(l => l.PartId).ToListAsync(ct);
        var parts = (await library.KnownPartsAsync(db.BomRevisionLines.Where(l => l.RevisionId == revision && l.PartId != null).Select(l => l.PartId!.Value), ct)).ToDictionary(p => p.Id);
        return lineIds.ToDictionary(id => id, id =>
        {
            var line = new BuildLine(id, "");
            return bomLines.Count(partId => partId is not { } p || !parts.TryGetValue(p, out var part) || !part.Sources.Any(s => s.UsableOn(line)));
        });
    }
}
