using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;
using SecondSource.Formats.Boms;

namespace SecondSource.Application.Avl;

public sealed record ImportCrossReferenceRequest(string FileName, Stream Content, string By);

public sealed record CrossReferenceImported(int Rows, int Proposed, int AlreadyInAvl);

/// <summary>
/// Imports a cross-reference table (part or MPN, alternate manufacturer, alternate MPN, notes) as <see cref="AvlStatus.Proposed"/>
/// entries (A8). A row names its part by internal part number or by an MPN already in the part's AVL. Any bad row —
/// unreadable, unknown part, an MPN shared by several parts — refuses the whole file with its row and column, and
/// nothing is stored; alternates the AVL already has are counted and left as they are.
/// </summary>
public sealed class ImportCrossReferenceHandler(SecondSourceDbContext db, ManufacturerDirectory manufacturers, PartLibrary library, CoverageRecorder coverage, TimeProvider clock)
{
    public async Task<Result<CrossReferenceImported>> HandleAsync(ImportCrossReferenceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<CrossReferenceRow> rows;
        try
        {
            rows = CrossReferenceReader.Read(request.FileName, request.Content);
        }
        catch (BomFileException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        var keys = rows.Select(r => Part.Normalize(r.Part)).Distinct().ToList();
        var byNumber = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var byMpn = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            foreach (var p in await db.Parts.Where(p => chunk.Contains(p.Number)).Select(p => new { p.Id, p.Number }).ToListAsync(ct))
            {
                byNumber[p.Number] = p.Id;
            }

            foreach (var e in await db.AvlEntries.Where(e => chunk.Contains(e.MpnKey)).Select(e => new { e.PartId, e.MpnKey }).Distinct().ToListAsync(ct))
            {
                (byMpn.TryGetValue(e.MpnKey, out var list) ? list : byMpn[e.MpnKey] = []).Add(e.PartId);
            }
        }

        var problems = new List<string>();
        var resolved = new List<(CrossReferenceRow Row, Guid PartId)>();
        var file = Path.GetFileName(request.FileName);
        foreach (var row in rows)
        {
            var key = Part.Normalize(row.Part);
            var parts = byMpn.GetValueOrDefault(key)?.Distinct().ToList() ?? [];
            if (byNumber.TryGetValue(key, out var partId))
            {
                resolved.Add((row, partId));
            }
            else if (parts.Count == 1)
            {
                resolved.Add((row, parts[0]));
            }
            else
            {
                problems.Add($"{file}, row {row.Row}, column '{row.PartColumn}': " + (parts.Count > 1
                    ? $"'{row.Part}' is a source of {parts.Count} parts; give the internal part number."
                    : $"no part '{row.Part}' and no source with that part number in the library."));
            }
        }

        if (problems.Count > 0)
        {
            return Fail.Invalid($"Nothing was imported: {problems.Count} row(s) name no single part. " + string.Join(" ", problems.Take(10)) + (problems.Count > 10 ? " …" : ""));
        }

        var at = clock.GetUtcNow();
        var buyer = await library.BuyerAsync(ct);
        var proposed = 0;
        var known = 0;
        var seen = new HashSet<(Guid, Guid, string)>();
        try
        {
            foreach (var (row, partId) in resolved)
            {
                var maker = await manufacturers.ResolveAsync(row.Manufacturer, ct);
                var mpnKey = Part.Normalize(row.Mpn);
                if (!seen.Add((partId, maker.Id, mpnKey)) || await db.AvlEntries.AnyAsync(e => e.PartId == partId && e.ManufacturerId == maker.Id && e.MpnKey == mpnKey, ct))
                {
                    known++;
                    continue;
                }

                var rank = await db.AvlEntries.Where(e => e.PartId == partId).Select(e => (int?)e.Rank).MaxAsync(ct) ?? 0;
                rank += db.AvlEntries.Local.Count(e => e.PartId == partId && db.Entry(e).State == EntityState.Added);
                var entry = AvlEntry.Propose(partId, maker.Id, row.Mpn, new AvlEntryDetails(Math.Min(99, rank + 1), Notes: row.Notes ?? $"From cross-reference {file}, row {row.Row}"), at, request.By);
                db.AvlEntries.Add(entry);
                db.AvlChanges.Add(AvlChange.Of(buyer, partId, entry.Id, "status", "", $"Proposed: {maker.Name} {entry.Mpn} (cross-reference {file})", at, request.By));
                proposed++;
            }
        }
        catch (DomainException ex)
        {
            return Fail.Invalid($"Nothing was imported: {ex.Message}");
        }

        await db.SaveChangesAsync(ct);
        foreach (var partId in resolved.Select(r => r.PartId).Distinct())
        {
            await coverage.RecordForPartAsync(partId, ct);
        }

        return Result.Ok(new CrossReferenceImported(rows.Count, proposed, known));
    }
}
