using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record ProposeAlternateRequest(Guid PartId, string Manufacturer, string Mpn, AvlEntryDetails Details, string By);

/// <summary>Adds a source to a part's AVL as <see cref="AvlStatus.Proposed"/>; the same maker and part number twice is refused.</summary>
public sealed class ProposeAlternateHandler(SecondSourceDbContext db, ManufacturerDirectory manufacturers, PartLibrary library, TimeProvider clock, CoverageRecorder coverage)
{
    public async Task<Result<Guid>> HandleAsync(ProposeAlternateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Parts.AnyAsync(p => p.Id == request.PartId, ct))
        {
            return Fail.NotFound($"There is no part {request.PartId}.");
        }

        try
        {
            var maker = await manufacturers.ResolveAsync(request.Manufacturer, ct);
            var entry = AvlEntry.Propose(request.PartId, maker.Id, request.Mpn, request.Details, clock.GetUtcNow(), request.By);
            if (await db.AvlEntries.AnyAsync(e => e.PartId == request.PartId && e.ManufacturerId == maker.Id && e.MpnKey == entry.MpnKey, ct))
            {
                return Fail.Conflict($"{maker.Name} {entry.Mpn} is already in this part's AVL.");
            }

            db.AvlEntries.Add(entry);
            db.AvlChanges.Add(AvlChange.Of(await library.BuyerAsync(ct), entry.PartId, entry.Id, "status", "", $"Proposed: {maker.Name} {entry.Mpn}", entry.ProposedAt, request.By));
            await db.SaveChangesAsync(ct);
            await coverage.RecordForPartAsync(entry.PartId, ct);
            return Result.Ok(entry.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
