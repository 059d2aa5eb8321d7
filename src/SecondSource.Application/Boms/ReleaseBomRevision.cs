using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Avl;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Boms;

public sealed record ReleaseBomRevisionRequest(Guid RevisionId, string Note, Actor Actor);

/// <summary>The release: the revision, and the vault revision of the product's "BOM and AVL" item the lines acknowledge.</summary>
public sealed record ReleasedBomRevision(Guid RevisionId, string Label, DateTimeOffset ReleasedAt, Guid ArtifactId, int VaultRevisionNumber);

/// <summary>
/// Releases a draft BOM revision with a note (who, when, why): it becomes the product's current revision at once, so
/// coverage, health, the emergency shift, reviews, plans and exports read it from now on. The file as imported becomes
/// the next revision of the product's "BOM and AVL" vault item in the same transaction; that notifies every line holding
/// a grant on the item and leaves it "not acknowledged" in the package sync until the line acknowledges the revision —
/// the acknowledgement request, tied to the vault item.
/// </summary>
public sealed class ReleaseBomRevisionHandler(SecondSourceDbContext db, ImportStaging staging, VaultStore store, UploadArtifactRevisionHandler upload,
    CoverageRecorder coverage, TimeProvider clock)
{
    public async Task<Result<ReleasedBomRevision>> HandleAsync(ReleaseBomRevisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var revision = await db.BomRevisions.SingleOrDefaultAsync(r => r.Id == request.RevisionId, ct);
        if (revision is null)
        {
            return Fail.NotFound($"There is no BOM revision {request.RevisionId}.");
        }

        try
        {
            revision.Release(clock.GetUtcNow(), request.Actor.Name, request.Note);
        }
        catch (DomainException ex)
        {
            return revision.ReleasedAt is null ? Fail.Invalid(ex.Message) : Fail.Conflict(ex.Message);
        }

        StoredFile file;
        await using (var content = staging.Open(revision.Sha256))
        {
            if (content is null)
            {
                return Fail.Invalid($"The file of revision '{revision.Label}' ({revision.FileName}) is missing from the data folder's imports; restore it or import the file again.");
            }

            try
            {
                file = await store.StoreFileAsync(content, revision.FileName, null, ct);
            }
            catch (DomainException ex)
            {
                return Fail.Invalid($"{revision.FileName}: {ex.Message}");
            }
        }

        // The vault item may already hold this very file (uploaded by hand): then it is that revision the lines acknowledge.
        var item = await db.Artifacts.AsNoTracking().Where(a => a.ProductId == revision.ProductId && a.Kind == ArtifactKind.BomAndAvl).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        var held = item is null ? null : await db.ArtifactRevisions.AsNoTracking().Where(r => r.ArtifactId == item)
            .OrderByDescending(r => r.Number).Select(r => new { Id = r.ArtifactId, r.Number, r.Sha256 }).FirstOrDefaultAsync(ct);
        if (held is not null && held.Sha256 == file.Sha256)
        {
            await db.SaveChangesAsync(ct);
            await coverage.RecordAsync([revision.ProductId], null, ct);
            return Result.Ok(new ReleasedBomRevision(revision.Id, revision.Label, revision.ReleasedAt!.Value, held.Id, held.Number));
        }

        // The upload saves the context once: the release and the vault revision, its log entry and notices commit together.
        var uploaded = await upload.HandleAsync(new UploadArtifactRevisionRequest(revision.ProductId, ArtifactKind.BomAndAvl, file,
            $"BOM revision '{revision.Label}' released: {revision.ReleaseNote}", request.Actor), ct);
        if (uploaded.Failure is { } failed)
        {
            return failed;
        }

        await coverage.RecordAsync([revision.ProductId], null, ct);
        return Result.Ok(new ReleasedBomRevision(revision.Id, revision.Label, revision.ReleasedAt!.Value, uploaded.Value!.ArtifactId, uploaded.Value.Number));
    }
}
