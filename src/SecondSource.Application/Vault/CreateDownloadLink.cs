using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record CreateDownloadLinkRequest(Guid RevisionId, Actor Actor);

public sealed record CreatedDownloadLink(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues a single-use link, valid for <see cref="DownloadLink.Lifetime"/>, to download one revision, bound to the
/// person asking. A manufacturer gets one only for a revision it may reach now; a refused request is logged.
/// </summary>
public sealed class CreateDownloadLinkHandler(SecondSourceDbContext db, VaultAccessGate gate, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<CreatedDownloadLink>> HandleAsync(CreateDownloadLinkRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        PartyId party;
        if (gate.IsGated)
        {
            if (await gate.FindAsync(request.RevisionId, null, ct) is null)
            {
                await log.AppendAsync(AccessAction.Refused, request.Actor, null, null, ct, $"download link for revision {request.RevisionId:D}: no live grant with a live NDA");
                await log.SaveAsync(ct);
                return Fail.NotFound($"There is no artifact revision {request.RevisionId} you can reach.");
            }

            party = gate.Scope.PartyId;
        }
        else
        {
            if (!await db.ArtifactRevisions.AnyAsync(r => r.Id == request.RevisionId, ct))
            {
                return Fail.NotFound($"There is no artifact revision {request.RevisionId}.");
            }

            party = await db.Parties.Where(p => p.Kind == PartyKind.Buyer).Select(p => p.Id).SingleAsync(ct);
        }

        var (link, token) = DownloadLink.Issue(request.RevisionId, party, request.Actor.Name, clock.GetUtcNow());
        db.DownloadLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return Result.Ok(new CreatedDownloadLink(token, link.ExpiresAt));
    }
}
