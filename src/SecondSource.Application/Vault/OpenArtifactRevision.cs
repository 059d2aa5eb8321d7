using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record OpenArtifactRevisionRequest(Guid RevisionId, Actor Actor);

/// <summary>An artifact revision's content, opened for streaming, with what to call it.</summary>
public sealed record OpenedRevision(Stream Content, string FileName, string MediaType, string Sha256, long Size);

/// <summary>
/// Opens a revision for download and records the download in the access log before the first byte leaves. A
/// manufacturer reaches only what a live grant and a live NDA give its line at this instant; anything else is "not
/// found" (whether or not it exists) and the attempt is logged.
/// </summary>
public sealed class OpenArtifactRevisionHandler(SecondSourceDbContext db, VaultStore store, AccessLogWriter log, VaultAccessGate gate)
{
    public async Task<Result<OpenedRevision>> HandleAsync(OpenArtifactRevisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var revision = gate.IsGated
            ? (await gate.FindAsync(request.RevisionId, null, ct))?.Revision
            : await db.ArtifactRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RevisionId, ct);
        if (revision is null)
        {
            if (gate.IsGated)
            {
                await log.AppendAsync(AccessAction.Refused, request.Actor, null, null, ct, $"download of revision {request.RevisionId:D}: no live grant with a live NDA");
                await log.SaveAsync(ct);
            }

            return Fail.NotFound($"There is no artifact revision {request.RevisionId} you can reach.");
        }

        var content = store.Open(revision.Sha256);
        if (content is null)
        {
            return Fail.NotFound($"The content of {revision.FileName} (SHA-256 {revision.Sha256}) is missing from the vault store.");
        }

        try
        {
            await log.AppendAsync(AccessAction.Download, request.Actor, revision.ArtifactId, revision, ct);
            await log.SaveAsync(ct);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        return Result.Ok(new OpenedRevision(content, revision.FileName, revision.MediaType, revision.Sha256, revision.Size));
    }
}
