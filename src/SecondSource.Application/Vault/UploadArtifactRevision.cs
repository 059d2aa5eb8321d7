using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>Who is acting and from where, for the access log.</summary>
public sealed record Actor(string Name, string Party, string? ClientAddress);

public sealed record UploadArtifactRevisionRequest(Guid ProductId, ArtifactKind Kind, StoredFile File, string? ChangeNote, Actor Actor);

public sealed record UploadedRevision(Guid ArtifactId, Guid RevisionId, int Number);

/// <summary>
/// Adds a revision to the product's artifact of a kind (creating the artifact on its first upload). The content is
/// already in the <see cref="VaultStore"/> under its hash; the revision row, its access-log entry and the notices to
/// the lines holding a grant on the artifact commit together.
/// </summary>
public sealed class UploadArtifactRevisionHandler(SecondSourceDbContext db, VaultStore store, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<UploadedRevision>> HandleAsync(UploadArtifactRevisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Products.AnyAsync(p => p.Id == request.ProductId, ct))
        {
            return Fail.NotFound($"There is no product {request.ProductId}.");
        }

        using (var content = store.Open(request.File.Sha256))
        {
            if (content is null || content.Length != request.File.Size)
            {
                return Fail.Invalid($"The file {request.File.FileName} is not in the vault store; upload it again.");
            }
        }

        try
        {
            var at = clock.GetUtcNow();
            var artifact = await db.Artifacts.Include(a => a.Revisions).FirstOrDefaultAsync(a => a.ProductId == request.ProductId && a.Kind == request.Kind, ct);
            if (artifact is null)
            {
                artifact = Artifact.Create(request.ProductId, request.Kind, ArtifactKinds.Name(request.Kind), at, request.Actor.Name);
                db.Artifacts.Add(artifact);
            }

            var revision = artifact.AddRevision(request.File, request.ChangeNote, at, request.Actor.Name);
            await NotifyGrantHoldersAsync(artifact, revision, at, ct);
            await log.AppendAsync(AccessAction.Upload, request.Actor.Name, request.Actor.Party, artifact.Id, revision.Id, revision.Sha256, request.Actor.ClientAddress, ct);
            await log.SaveAsync(ct);
            return Result.Ok(new UploadedRevision(artifact.Id, revision.Id, revision.Number));
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    private async Task NotifyGrantHoldersAsync(Artifact artifact, ArtifactRevision revision, DateTimeOffset at, CancellationToken ct)
    {
        var grants = await db.VaultGrants.AsNoTracking().Where(g => g.ArtifactId == artifact.Id && g.RevokedAt == null).ToListAsync(ct);
        var live = grants.Where(g => g.Until > at).DistinctBy(g => g.LineId).ToList();
        if (live.Count == 0)
        {
            return;
        }

        var code = await db.Products.Where(p => p.Id == artifact.ProductId).Select(p => p.Code).SingleAsync(ct);
        db.VaultNotifications.AddRange(live.Select(g => VaultNotification.NewRevision(g, artifact, revision, code, at)));
    }
}
