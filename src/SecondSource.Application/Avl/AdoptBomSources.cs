using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record AdoptBomSourcesRequest(Guid RevisionId, string By);

/// <summary>How many sources were proposed, and the maker names left out because nobody has confirmed them as makers.</summary>
public sealed record AdoptedSources(int Proposed, IReadOnlyList<string> Unverified);

/// <summary>
/// Takes the sources a BOM revision lists and the AVL does not know into the library as <see cref="AvlStatus.Proposed"/>
/// entries (ranked in the BOM's order), so that qualification can start from the design's own choices. Sources the
/// AVL already has — in any state, rejected included — are left as they are. A source whose maker is not recognised
/// (by the catalogue or the library, as <see cref="LibraryMakers"/> reads it) is not adopted: adoption would make an
/// unverified name a maker of the library. Those names are returned so the user can confirm them. All or nothing.
/// </summary>
public sealed class AdoptBomSourcesHandler(SecondSourceDbContext db, ManufacturerDirectory manufacturers, LibraryMakers makers, PartLibrary library, TimeProvider clock, CoverageRecorder coverage)
{
    public async Task<Result<AdoptedSources>> HandleAsync(AdoptBomSourcesRequest request, CancellationToken ct)
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
        var catalog = await makers.CatalogAsync(ct);
        var unverified = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var added = 0;
        try
        {
            foreach (var line in revision.Lines.Where(l => l.PartId is not null && !l.Dnp && !l.Generic).OrderBy(l => l.Position))
            {
                foreach (var source in line.Sources.Where(s => s.Mpn.Length > 0 && s.Manufacturer.Length > 0).OrderBy(s => s.Position))
                {
                    if (catalog.Recognise(source.Manufacturer) is null)
                    {
                        unverified.Add(source.Manufacturer);
                        continue;
                    }

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
        return Result.Ok(new AdoptedSources(added, [.. unverified]));
    }
}
