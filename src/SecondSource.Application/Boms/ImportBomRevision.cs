using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Avl;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;
using SecondSource.Formats.Boms;

namespace SecondSource.Application.Boms;

public sealed record ImportBomRevisionRequest(Guid ProductId, string Sha256, string FileName, string Label, BomReadOptions Options, string By);

public sealed record ImportedRevision(Guid RevisionId, int Lines, bool AlreadyImported);

/// <summary>
/// Imports a staged BOM file as a revision of a product, all lines in one transaction (with the library parts its
/// lines call for, added where new): either the whole revision is stored or nothing is. The same file imported again for the same product is the same revision.
/// The file is read as the preview showed it (<see cref="StagedBomReader"/>: the library's makers known, the column roles
/// chosen for the same layout before unless the request chooses its own), and the roles are stored with the revision.
/// Names an aliases file gave for this
/// import and the revision uses are recorded in the library in the same transaction: the revision is audited later by
/// the library's reading, so what the user stated at import must be there for every party to read the same way.
/// </summary>
public sealed class ImportBomRevisionHandler(SecondSourceDbContext db, StagedBomReader reader, PartLibrary library, LibraryMakers makers, ManufacturerDirectory directory,
    CoverageRecorder coverage, TimeProvider clock)
{
    public async Task<Result<ImportedRevision>> HandleAsync(ImportBomRevisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Products.AnyAsync(p => p.Id == request.ProductId, ct))
        {
            return Fail.NotFound($"There is no product {request.ProductId}.");
        }

        var existing = await db.BomRevisions.AsNoTracking().Where(r => r.ProductId == request.ProductId && r.Sha256 == request.Sha256)
            .Select(r => new { r.Id, Lines = r.LineCount }).SingleOrDefaultAsync(ct);
        if (existing is not null)
        {
            return Result.Ok(new ImportedRevision(existing.Id, existing.Lines, AlreadyImported: true));
        }

        var read = await reader.ReadAsync(request.Sha256, request.FileName, request.Options, (document, chosen) => (Lines: document.ReadLines().ToList(), document.Info, chosen), ct);
        if (read.Failure is { } unreadable)
        {
            return unreadable;
        }

        var (lines, info, choices) = read.Value;
        BomRevision revision;
        try
        {
            revision = BomRevision.Import(request.ProductId, request.Label, request.FileName, request.Sha256, info.Format.ToString().ToLowerInvariant(), lines, clock.GetUtcNow(), request.By);
            revision.RecordReading(info.LayoutKey, choices.Choices);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        if (await RecordAliasesAsync(request.Options.Manufacturers, lines, ct) is { } refused)
        {
            return refused;
        }

        db.BomRevisions.Add(revision);
        await library.AttachPartsAsync(revision.Lines, ct);
        await db.SaveChangesAsync(ct);
        await coverage.RecordAsync([request.ProductId], null, ct);
        return Result.Ok(new ImportedRevision(revision.Id, lines.Count, AlreadyImported: false));
    }

    // The aliases file's names this revision uses, as aliases of their maker in the library (the maker added if new).
    private async Task<Failure?> RecordAliasesAsync(ManufacturerCatalog catalog, List<BomLine> lines, CancellationToken ct)
    {
        if (catalog.NamesFromAliasesFile.Count == 0)
        {
            return null;
        }

        var used = lines.SelectMany(l => l.Sources).Select(s => ManufacturerCatalog.CleanKey(s.Manufacturer)).ToHashSet(StringComparer.Ordinal);
        var shipped = ManufacturerCatalog.CreateDefault();
        try
        {
            foreach (var (written, maker) in catalog.NamesFromAliasesFile.Where(n => used.Contains(ManufacturerCatalog.CleanKey(n.Written))))
            {
                if (shipped.Recognise(written) is { } lineage && lineage.Key != maker.Key)
                {
                    return Fail.Conflict($"The aliases file makes '{written}' {maker.DisplayName}, but the catalogue knows it as {lineage.DisplayName}; a stored revision cannot contradict the catalogue.");
                }

                var owner = await directory.ResolveAsync(maker.DisplayName, ct);
                var key = ManufacturerCatalog.CleanKey(written);
                if (key == owner.Key)
                {
                    continue;
                }

                var other = db.ComponentManufacturers.Local.FirstOrDefault(m => m != owner && (m.Key == key || m.Aliases.Any(a => a.Key == key)))?.Name
                    ?? await db.ComponentManufacturers.Where(m => m.Id != owner.Id && (m.Key == key || m.Aliases.Any(a => a.Key == key))).Select(m => m.Name).FirstOrDefaultAsync(ct);
                if (other is not null)
                {
                    return Fail.Conflict($"The aliases file makes '{written}' {maker.DisplayName}, but the library records '{written}' as {other}; correct the file or the library.");
                }

                owner.AddAlias(written, key);
            }
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        makers.Invalidate();
        return null;
    }
}
