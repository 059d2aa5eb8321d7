using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record AdoptBomSourcesRequest(Guid RevisionId, string By);

/// <summary>
/// Takes the sources a BOM revision lists and the AVL does not know into the library as <see cref="AvlStatus.Proposed"/>
/// entries (ranked in the BOM's order), so that qualification can start from the design's own choices. Sources the
/// AVL already has — in any state, rejected included — are left as they are. All or nothing.
/// </summary>
public sealed class AdoptBomSourcesHandler(SecondSourceDbContext db, ManufacturerDirectory manufacturers, PartLibrary library, TimeProvider clock, CoverageRecorder coverage)
{
    public async Task<Result<int>> HandleAsync(AdoptBomSourcesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var revision = await db.BomRevisions.AsNoTracking().Include(r => r.Lines).ThenInclude(l => l.Sources).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == request.RevisionId, ct);
        if (revision is null)
        {
            return Fail.NotFound($"There is no BOM revision {request.RevisionId}.");
        }

        var partIds = revision.Lines.Where(l => l.PartId is not null).Select(l => l.PartId!.Value).Distinct().ToList();
        var existing = (await db.AvlEntries.Where(e => partIds.Contains(e.PartId)).Select(e => new { e.PartId, e.ManufacturerId, e.MpnKey }).ToListAsync(ct))
            .Select(e => (e.PartId, e.ManufacturerId, e.MpnKey)).ToHashSet();
        var ranks = (await db.AvlEntries.Where(e => partIds.Contains(e.PartId)).GroupBy(e => e.PartId).Select(g => new { g.Key, Max = g.Max(e => e.Rank) }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Max);
        var at = clock.GetUtcNow();
        var buyer = await library.BuyerAsync(ct);
        var added = 0;
        try
        {
            foreach (var line in revision.Lines.Where(l => l.PartId is not null && !l.Dnp && !l.Generic).OrderBy(l => l.Position))
            {
                foreach (var source in line.Sources.Where(s => s.Mpn.Length > 0 && s.ManufacturerKey is not null).OrderBy(s => s.Position))
                {
                    var maker = await manufacturers.ResolveAsync(source.Manufacturer, ct);
                    var key = (line.PartId!.Value, maker.Id, Part.Normalize(source.Mpn));
                    if (!existing.Add(key))
                    {
                        continue;
                    }

                    var rank = Math.Min(99, ranks.GetValueOrDefault(key.Item1) + 1);
                    ranks[key.Item1] = rank;
                    var entry = AvlEntry.Propose(key.Item1, maker.Id, source.Mpn, new AvlEntryDetails(rank, Notes: $"From BOM {revision.Label}, row {line.Row}"), at, request.By);
                    db.AvlEntries.Add(entry);
                    db.AvlChanges.Add(AvlChange.Of(buyer, entry.PartId, entry.Id, "status", "", $"Proposed: {maker.Name} {entry.Mpn} (from BOM {revision.Label})", at, request.By));
                    added++;
                }
            }
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        await db.SaveChangesAsync(ct);
        await coverage.RecordAsync([revision.ProductId], null, ct);
        return Result.Ok(added);
    }
}
