using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record RevokeGrantRequest(Guid GrantId, string Reason, Actor Actor);

/// <summary>Ends a grant at once (the next request through it is refused); the revocation and its log entry commit together.</summary>
public sealed class RevokeGrantHandler(SecondSourceDbContext db, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<string>> HandleAsync(RevokeGrantRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grant = await db.VaultGrants.SingleOrDefaultAsync(g => g.Id == request.GrantId, ct);
        if (grant is null)
        {
            return Fail.NotFound($"There is no grant {request.GrantId}.");
        }

        var line = await (from l in db.Lines
                          join p in db.Parties on l.PartyId equals p.Id
                          where l.Id == grant.LineId
                          select p.Name + " / " + l.Name).SingleAsync(ct);
        try
        {
            grant.Revoke(request.Reason, clock.GetUtcNow(), request.Actor.Name);
            await log.AppendAsync(AccessAction.Revoke, request.Actor, grant.ArtifactId, null, ct, $"from {line}: {grant.RevokeReason}");
            await log.SaveAsync(ct);
            return Result.Ok(line);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
