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
/// </summary>
public sealed class ImportBomRevisionHandler(SecondSourceDbContext db, ImportStaging staging, PartLibrary library, CoverageRecorder coverage, TimeProvider clock)
{
    public async Task<Result<ImportedRevision>> HandleAsync(ImportBomRevisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Products.AnyAsync(p => p.Id == request.ProductId, ct))
        {
            return Fail.NotFound($"There is no product {request.ProductId}.");
        }

        var existing = await db.BomRevisions.AsNoTracking().Where(r => r.ProductId == request.ProductId && r.Sha256 == request.Sha256)
            .Select(r => new { r.Id, Lines = r.Lines.Count }).SingleOrDefaultAsync(ct);
        if (existing is not null)
        {
            return Result.Ok(new ImportedRevision(existing.Id, existing.Lines, AlreadyImported: true));
        }

        await using var stream = staging.Open(request.Sha256);
        if (stream is null)
        {
            return Fail.NotFound("The uploaded file is no longer there; upload it again.");
        }

        List<BomLine> lines;
        BomSourceInfo info;
        try
        {
            var document = BomReader.Open(request.FileName, stream, request.Options);
            lines = document.ReadLines().ToList();
            info = document.Info;
        }
        catch (BomFileException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        BomRevision revision;
        try
        {
            revision = BomRevision.Import(request.ProductId, request.Label, request.FileName, request.Sha256, info.Format.ToString().ToLowerInvariant(), lines, clock.GetUtcNow(), request.By);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        db.BomRevisions.Add(revision);
        await library.AttachPartsAsync(revision.Lines, ct);
        await db.SaveChangesAsync(ct);
        await coverage.RecordAsync([request.ProductId], null, ct);
        return Result.Ok(new ImportedRevision(revision.Id, lines.Count, AlreadyImported: false));
    }
}
