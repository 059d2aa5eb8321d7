using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record UpdateAvlEntryRequest(Guid EntryId, AvlEntryDetails Details, string By);

/// <summary>Changes a source's rank, lifecycle, lead time and notes (e.g. an EOL notice arrived), each change in the change record.</summary>
public sealed class UpdateAvlEntryHandler(SecondSourceDbContext db, PartLibrary library, TimeProvider clock, CoverageRecorder coverage)
{
    public async Task<Result<int>> HandleAsync(UpdateAvlEntryRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = await db.AvlEntries.SingleOrDefaultAsync(e => e.Id == request.EntryId, ct);
        if (entry is null)
        {
            return Fail.NotFound($"There is no AVL entry {request.EntryId}.");
        }

        try
        {
            var changes = entry.Update(request.Details);
            if (changes.Count == 0)
            {
                return Result.Ok(0);
            }

            var buyer = await library.BuyerAsync(ct);
            var at = clock.GetUtcNow();
            foreach (var (field, before, after) in changes)
            {
                db.AvlChanges.Add(AvlChange.Of(buyer, entry.PartId, entry.Id, field, before, after, at, request.By));
            }

            await db.SaveChangesAsync(ct);
            await coverage.RecordForPartAsync(entry.PartId, ct);
            return Result.Ok(changes.Count);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
