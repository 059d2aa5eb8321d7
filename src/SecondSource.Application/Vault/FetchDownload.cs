using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record FetchDownloadRequest(string Token, Actor Actor);

/// <summary>
/// Redeems a download link: only its person, once, before it expires, and only while the access it was issued under
/// still holds (checked again now). The use is claimed by one conditional update before the file is opened, so two
/// requests racing with the same link never both download; the download's log entry follows it.
/// </summary>
public sealed class FetchDownloadHandler(SecondSourceDbContext db, OpenArtifactRevisionHandler open, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<OpenedRevision>> HandleAsync(FetchDownloadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = DownloadLink.HashOf(request.Token);
        var link = await db.DownloadLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        var now = clock.GetUtcNow();
        var why = link is null ? "unknown download link" : link.Redeem(request.Actor.Name, now);
        if (why is null)
        {
            // The use itself is one conditional update: only the request that finds the link still unused changes a row,
            // so of any number of concurrent redemptions exactly one goes on (the domain check above read a moment ago).
            var used = await db.DownloadLinks.Where(l => l.Id == link!.Id && l.UsedAt == null).ExecuteUpdateAsync(u => u.SetProperty(l => l.UsedAt, now), ct);
            db.Entry(link!).State = EntityState.Unchanged;
            if (used == 0)
            {
                why = "the link was already used";
            }
        }

        if (why is not null)
        {
            await log.AppendAsync(AccessAction.Refused, request.Actor, null, null, ct, $"download link refused: {why}");
            await log.SaveAsync(ct);
            return Fail.NotFound($"This download link cannot be used: {why}. Ask for a new one from the package page.");
        }

        return await open.HandleAsync(new OpenArtifactRevisionRequest(link!.RevisionId, request.Actor), ct);
    }
}
