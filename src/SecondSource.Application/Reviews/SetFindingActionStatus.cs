using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

public sealed record SetFindingActionStatusRequest(Guid ActionId, ActionStatus Status, string By);

/// <summary>Moves a finding's action to open, in progress, done or cancelled.</summary>
public sealed class SetFindingActionStatusHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<FindingAction>> HandleAsync(SetFindingActionStatusRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var findingId = await db.FindingActions.Where(a => a.Id == request.ActionId).Select(a => (Guid?)a.FindingId).SingleOrDefaultAsync(ct);
        var finding = findingId is null ? null : await db.ReviewFindings.Include(f => f.Actions).SingleOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null)
        {
            return Fail.NotFound("No such action.");
        }

        try
        {
            finding.SetActionStatus(request.ActionId, request.Status, clock.GetUtcNow(), request.By);
            await db.SaveChangesAsync(ct);
            return Result.Ok(finding.Actions.Single(a => a.Id == request.ActionId));
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
