using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

public sealed record CreateApiKeyRequest(PartyId PartyId, string Name, string CreatedBy, DateTimeOffset? ExpiresAt = null);

/// <summary>The new key and its token; the token is shown once and never stored.</summary>
public sealed record CreatedApiKey(ApiKeyId Id, string Name, PartyId PartyId, string PartyName, string Token, DateTimeOffset? ExpiresAt);

/// <summary>Issues a machine credential bound to one party.</summary>
public sealed class CreateApiKeyHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<CreatedApiKey>> HandleAsync(CreateApiKeyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var party = await db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PartyId, ct);
        if (party is null)
        {
            return Fail.NotFound($"There is no party {request.PartyId}.");
        }

        var (key, token) = ApiKey.Issue(party.Id, request.Name, request.CreatedBy, clock.GetUtcNow(), request.ExpiresAt);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return Result.Ok(new CreatedApiKey(key.Id, key.Name, party.Id, party.Name, token.Value, key.ExpiresAt));
    }
}
