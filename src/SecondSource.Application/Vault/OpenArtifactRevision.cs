using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record OpenArtifactRevisionRequest(Guid RevisionId, Actor Actor);

/// <summary>An artifact revision's content, opened for streaming, with what to call it.</summary>
public sealed record OpenedRevision(Stream Content, string FileName, string MediaType, string Sha256);

/// <summary>Opens a revision for download and records the download in the access log before the first byte leaves.</summary>
public sealed class OpenArtifactRevisionHandler(SecondSourceDbContext db, VaultStore store, AccessLogWriter log)
{
    public async Task<Result<OpenedRevision>> HandleAsync(OpenArtifactRevisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var revision = await db.ArtifactRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RevisionId, ct);
        if (revision is null)
        {
            return Fail.NotFound($"There is no artifact revision {request.RevisionId}.");
        }

        var content = store.Open(revision.Sha256);
        if (content is null)
        {
            return Fail.NotFound($"The content of {revision.FileName} (SHA-256 {revision.Sha256}) is missing from the vault store.");
        }

        try
        {
            await log.AppendAsync(AccessAction.Download, request.Actor.Name, request.Actor.Party, revision.ArtifactId, revision.Id, revision.Sha256, request.Actor.ClientAddress, ct);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        return Result.Ok(new OpenedRevision(content, revision.FileName, revision.MediaType, revision.Sha256));
    }
}
