using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

public sealed record AddFindingActionRequest(Guid FindingId, string Description, string Owner, DateOnly Due, string By);

/// <summary>Adds an action to a finding: what, who, by when.</summary>
public sealed class AddFindingActionHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<FindingAction>> HandleAsync(AddFindingActionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var finding = await db.ReviewFindings.Include(f => f.Actions).SingleOrDefaultAsync(f => f.Id == request.FindingId, ct);
        if (finding is null)
        {
            return Fail.NotFound("No such finding.");
        }

        try
        {
            var action = finding.AddAction(request.Description, request.Owner, request.Due, clock.GetUtcNow(), request.By);
            db.FindingActions.Add(action);
            await db.SaveChangesAsync(ct);
            return Result.Ok(action);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
