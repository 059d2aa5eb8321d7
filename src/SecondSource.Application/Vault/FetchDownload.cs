using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record FetchDownloadRequest(string Token, Actor Actor);

/// <summary>
/// Redeems a download link: only its person, once, before it expires, and only while the access it was issued under
/// still holds (checked again now). The link's use and the download's log entry commit together.
/// </summary>
public sealed class FetchDownloadHandler(SecondSourceDbContext db, OpenArtifactRevisionHandler open, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<OpenedRevision>> HandleAsync(FetchDownloadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = DownloadLink.HashOf(request.Token);
        var link = await db.DownloadLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        var why = link is null ? "unknown download link" : link.Redeem(request.Actor.Name, clock.GetUtcNow());
        if (why is not null)
        {
            await log.AppendAsync(AccessAction.Refused, request.Actor, null, null, ct, $"download link refused: {why}");
            await log.SaveAsync(ct);
            return Fail.NotFound($"This download link cannot be used: {why}. Ask for a new one from the package page.");
        }

        return await open.HandleAsync(new OpenArtifactRevisionRequest(link!.RevisionId, request.Actor), ct);
    }
}
