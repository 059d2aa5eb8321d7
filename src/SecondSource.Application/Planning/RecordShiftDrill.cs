using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

/// <summary>
/// A drill to record: how and when, the units achieved each week, and — for a physical drill — the hours run at surge
/// rate in its best week, which makes that week a surge run (a demonstrated week of output).
/// </summary>
public sealed record RecordShiftDrillRequest(Guid ProductId, Guid LineId, DrillKind Kind, DateOnly HeldOn, IReadOnlyList<double> WeeklyOutput, double? BestWeekHours, string? Note, string By);

/// <summary>Records an emergency-shift drill against the line's plan (the buyer's editors); needs a plan first.</summary>
public sealed class RecordShiftDrillHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<ShiftDrill>> HandleAsync(RecordShiftDrillRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await db.ShiftPlans.SingleOrDefaultAsync(p => p.ProductId == request.ProductId && p.LineId == request.LineId, ct);
        if (plan is null)
        {
            return Fail.Invalid("Set the line's emergency-shift plan (the clause and reference demand) before recording a drill.");
        }

        try
        {
            var now = clock.GetUtcNow();
            var drill = ShiftDrill.Record(plan, request.Kind, request.HeldOn, request.WeeklyOutput, request.Note, now, request.By);
            db.ShiftDrills.Add(drill);
            if (request.Kind == DrillKind.Physical)
            {
                var hours = request.BestWeekHours ?? throw new DomainException("A physical drill needs the hours run at surge rate in its best week.");
                var best = (int)Math.Floor(request.WeeklyOutput.Max());
                db.SurgeRuns.Add(SurgeRunRecord.Record(plan.ProductId, plan.LineId, plan.PartyId, new SurgeRun(request.HeldOn, hours, best, best, hours), "physical drill", now, request.By));
            }

            await db.SaveChangesAsync(ct);
            return Result.Ok(drill);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
