using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

/// <summary>Who a valid key acts for.</summary>
public sealed record ApiKeyIdentity(ApiKeyId KeyId, string KeyName, PartyId PartyId, PartyKind PartyKind, string PartyName, Guid? LineId = null);

/// <summary>
/// Checks a presented token: known prefix, matching secret (constant time), not revoked, not expired.
/// Runs before anyone is known, so it looks across parties on purpose (allow-listed in PartyIsolationSourceTests).
/// </summary>
public sealed class AuthenticateApiKeyHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<ApiKeyIdentity?> HandleAsync(string? presented, CancellationToken ct)
    {
        if (!ApiKeyToken.TryParse(presented, out var token) || token is null)
        {
            return null;
        }

        var key = await db.ApiKeys.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking()
            .SingleOrDefaultAsync(k => k.Prefix == token.Prefix, ct);
        var now = clock.GetUtcNow();
        if (key is null || !key.Matches(token) || !key.IsActiveAt(now))
        {
            return null;
        }

        var party = await db.Parties.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking()
            .SingleAsync(p => p.Id == key.PartyId, ct);
        if (key.RecordUse(now))
        {
            // A set-based update: authentication never tracks entities, so nothing else is saved with it.
            await db.ApiKeys.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter])
                .Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }

        return new ApiKeyIdentity(key.Id, key.Name, party.Id, party.Kind, party.Name, key.LineId);
    }

    /// <summary>Why a presented token does not authenticate: revoked or expired (when it is a real key), else unknown. For the refusal log.</summary>
    public async Task<(bool Known, string Reason)> ExplainRefusalAsync(string? presented, CancellationToken ct)
    {
        if (!ApiKeyToken.TryParse(presented, out var token) || token is null)
        {
            return (false, "the API key is malformed");
        }

        var key = await db.ApiKeys.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == token.Prefix, ct);
        if (key is null || !key.Matches(token))
        {
            return (false, "the API key is unknown");
        }

        return key.RevokedAt is { } revoked ? (true, $"the API key '{key.Name}' was revoked on {revoked:yyyy-MM-dd HH:mm} UTC")
            : (true, $"the API key '{key.Name}' expired on {key.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
    }
}
