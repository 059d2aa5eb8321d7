using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Avl;

/// <summary>
/// The library as the rest of the application uses it: parts for imported BOM lines, the lines that build a
/// product, and the <see cref="SourcingLibrary"/> the audit judges a revision by. Reads go through the party filter,
/// so a manufacturer's audit knows its own line's acceptances only.
/// </summary>
public sealed class PartLibrary(SecondSourceDbContext db, LibraryMakers makers)
{
    /// <summary>Gives every line with a part number its library part, adding the parts not yet known (saved by the caller).</summary>
    public async Task AttachPartsAsync(IReadOnlyList<BomRevisionLine> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var wanted = new Dictionary<string, BomLine>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var bomLine = line.ToBomLine();
            if (Part.NumberOf(bomLine) is { } number)
            {
                wanted.TryAdd(number, bomLine);
            }
        }

        var known = new Dictionary<string, Part>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Keys.Chunk(500))
        {
            foreach (var part in await db.Parts.Where(p => chunk.Contains(p.Number)).ToListAsync(ct))
            {
                known[part.Number] = part;
            }
        }

        foreach (var (number, bomLine) in wanted.Where(w => !known.ContainsKey(w.Key)))
        {
            var part = Part.FromBomLine(bomLine);
            db.Parts.Add(part);
            known[number] = part;
        }

        foreach (var line in lines)
        {
            if (Part.NumberOf(line.ToBomLine()) is { } number)
            {
                line.AssignPart(known[number].Id);
            }
        }
    }

    /// <summary>The manufacturing lines that build the product: those in its programs past candidacy and not suspended.</summary>
    public async Task<IReadOnlyList<BuildLine>> BuildLinesAsync(IReadOnlyCollection<Guid> productIds, CancellationToken ct)
    {
        var rows = await (from pl in db.ProgramLines
                          join program in db.Programs on pl.ProgramId equals program.Id
                          join line in db.Lines on pl.LineId equals line.Id
                          join party in db.Parties on line.PartyId equals party.Id
                          where productIds.Contains(program.ProductId) && pl.Stage != LineStage.Candidate && pl.Stage != LineStage.Suspended
                          select new { line.Id, line.Name, Party = party.Name, pl.Role }).ToListAsync(ct);
        return rows.OrderBy(r => r.Role).ThenBy(r => r.Party, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .DistinctBy(r => r.Id).Select(r => new BuildLine(r.Id, $"{r.Party} / {r.Name}")).ToList();
    }

    /// <summary>The library's knowledge of the parts a revision uses, for the audit of that revision.</summary>
    public async Task<SourcingLibrary> ForRevisionAsync(Guid productId, Guid revisionId, CancellationToken ct)
    {
        var lines = await BuildLinesAsync([productId], ct);
        var partIds = db.BomRevisionLines.Where(l => l.RevisionId == revisionId && l.PartId != null).Select(l => l.PartId!.Value);
        return new SourcingLibrary(lines, await KnownPartsAsync(partIds, ct));
    }

    /// <summary>
    /// Parts with their AVL entries, manufacturer names and (visible) line acceptances. Each maker is keyed as
    /// <see cref="LibraryMakers"/> recognises its name, so a BOM source and the library's entry compare under one reading
    /// (the keys stored when the maker was added still match, for rows written by older versions).
    /// </summary>
    public async Task<IReadOnlyList<KnownPart>> KnownPartsAsync(IQueryable<Guid> partIds, CancellationToken ct)
    {
        var parts = await db.Parts.AsNoTracking().Where(p => partIds.Contains(p.Id)).ToListAsync(ct);
        var entries = await (from e in db.AvlEntries.AsNoTracking()
                             join m in db.ComponentManufacturers on e.ManufacturerId equals m.Id
                             where partIds.Contains(e.PartId)
                             orderby e.Rank, e.ProposedAt
                             select new { e.Id, e.PartId, e.ManufacturerId, m.Key, m.Name, e.Mpn, e.Status, e.Lifecycle, e.Rank }).ToListAsync(ct);
        var acceptances = (await db.LineAcceptances.AsNoTracking()
                .Where(a => db.AvlEntries.Any(e => e.Id == a.EntryId && partIds.Contains(e.PartId)))
                .Select(a => new { a.EntryId, a.LineId, a.State }).ToListAsync(ct))
            .ToLookup(a => a.EntryId);
        var makerIds = entries.Select(e => e.ManufacturerId).Distinct().ToList();
        var aliases = (await db.ManufacturerAliases.AsNoTracking().Where(a => makerIds.Contains(a.ManufacturerId)).Select(a => new { a.ManufacturerId, a.Key }).ToListAsync(ct))
            .ToLookup(a => a.ManufacturerId, a => a.Key);
        var catalog = await makers.CatalogAsync(ct);
        var byPart = entries.ToLookup(e => e.PartId);
        return parts.Select(p => new KnownPart(p.Id, p.Number, p.Criticality,
            byPart[p.Id].Select(e => new KnownSource(e.Id, catalog.Recognise(e.Name)?.Key ?? e.Key, e.Name, e.Mpn, e.Status, e.Lifecycle,
                acceptances[e.Id].ToDictionary(a => a.LineId, a => a.State)) { Rank = e.Rank, AliasKeys = [.. aliases[e.ManufacturerId], e.Key] }).ToList())).ToList();
    }

    /// <summary>The buyer, owner of every library change that is not a line's acceptance.</summary>
    public async Task<PartyId> BuyerAsync(CancellationToken ct) =>
        await db.Parties.Where(p => p.Kind == PartyKind.Buyer).Select(p => p.Id).SingleAsync(ct);
}
