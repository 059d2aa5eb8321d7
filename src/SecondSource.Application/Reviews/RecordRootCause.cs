using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

public sealed record RecordRootCauseRequest(Guid FindingId, RootCauseCategory Category, string Description, string? Evidence, string Owner, string By);

/// <summary>Records (or replaces) a finding's root cause: with it the difference is understood and no longer flagged as persistent.</summary>
public sealed class RecordRootCauseHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<ReviewFinding>> HandleAsync(RecordRootCauseRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var finding = await db.ReviewFindings.SingleOrDefaultAsync(f => f.Id == request.FindingId, ct);
        if (finding is null)
        {
            return Fail.NotFound("No such finding.");
        }

        try
        {
            finding.RecordRootCause(request.Category, request.Description, request.Evidence, request.Owner, clock.GetUtcNow(), request.By);
            await db.SaveChangesAsync(ct);
            return Result.Ok(finding);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
