using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record SetPartCriticalityRequest(Guid PartId, bool? Critical, string? Reason, string By);

/// <summary>Records the engineer's criticality verdict on a part (or hands it back to the policy).</summary>
public sealed class SetPartCriticalityHandler(SecondSourceDbContext db, PartLibrary library, TimeProvider clock, CoverageRecorder coverage)
{
    public async Task<Result<Criticality?>> HandleAsync(SetPartCriticalityRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var part = await db.Parts.FindAsync([request.PartId], ct);
        if (part is null)
        {
            return Fail.NotFound($"There is no part {request.PartId}.");
        }

        try
        {
            var (before, after) = part.SetCriticality(request.Critical, request.Reason);
            if (before != after)
            {
                db.AvlChanges.Add(AvlChange.Of(await library.BuyerAsync(ct), part.Id, null, "criticality", before, after, clock.GetUtcNow(), request.By));
                await db.SaveChangesAsync(ct);
                await coverage.RecordForPartAsync(part.Id, ct);
            }

            return Result.Ok(part.Criticality);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
