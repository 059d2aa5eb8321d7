using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public enum AvlStatusAction
{
    Reject = 1,
    Retire = 2,
    Reopen = 3,
}

public sealed record ChangeAvlStatusRequest(Guid EntryId, AvlStatusAction Action, string Reason, string By);

/// <summary>Rejects, retires or reopens an AVL entry, with the reason in the change record.</summary>
public sealed class ChangeAvlStatusHandler(SecondSourceDbContext db, PartLibrary library, TimeProvider clock, CoverageRecorder coverage)
{
    public async Task<Result<AvlStatus>> HandleAsync(ChangeAvlStatusRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = await db.AvlEntries.Include(e => e.Qualifications).SingleOrDefaultAsync(e => e.Id == request.EntryId, ct);
        if (entry is null)
        {
            return Fail.NotFound($"There is no AVL entry {request.EntryId}.");
        }

        try
        {
            var (before, after) = request.Action switch
            {
                AvlStatusAction.Reject => entry.Reject(request.Reason),
                AvlStatusAction.Retire => entry.Retire(request.Reason),
                AvlStatusAction.Reopen => entry.Reopen(request.Reason),
                _ => throw new DomainException($"'{request.Action}' is not a status action."),
            };
            db.AvlChanges.Add(AvlChange.Of(await library.BuyerAsync(ct), entry.PartId, entry.Id, "status", before.ToString(), $"{after}: {entry.StatusReason}", clock.GetUtcNow(), request.By));
            await db.SaveChangesAsync(ct);
            await coverage.RecordForPartAsync(entry.PartId, ct);
            return Result.Ok(after);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
