using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

public sealed record SetShiftPlanRequest(Guid ProductId, Guid LineId, double TargetShare, int WeeksToReach, double WeeklyDemand, double ReservedWeekly, double InstalledWeekly, double PrimaryRecoveryWeeks, double BridgeInventory, string By,
    double? ComponentKits = null, int ComponentLeadWeeks = 0);

/// <summary>Sets a second line's emergency-shift plan (the buyer's editors): clause, reference demand, capacities, recovery time, bridge inventory, component kits.</summary>
public sealed class SetShiftPlanHandler(SecondSourceDbContext db, VaultLines lines, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(SetShiftPlanRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await lines.SecondLineAsync(request.ProductId, request.LineId, ct);
        if (line is null)
        {
            return Fail.NotFound("That line is not a second source of this product.");
        }

        try
        {
            var plan = await db.ShiftPlans.SingleOrDefaultAsync(p => p.ProductId == request.ProductId && p.LineId == line.Id, ct);
            if (plan is null)
            {
                plan = ShiftPlan.Create(request.ProductId, line.Id, line.PartyId);
                db.ShiftPlans.Add(plan);
            }

            plan.Set(new ShiftClause(request.TargetShare, request.WeeksToReach), request.WeeklyDemand, request.ReservedWeekly, request.InstalledWeekly,
                request.PrimaryRecoveryWeeks, request.BridgeInventory, clock.GetUtcNow(), request.By);
            plan.SetComponents(request.ComponentKits, request.ComponentLeadWeeks);
            await db.SaveChangesAsync(ct);
            return Result.Ok(plan.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
