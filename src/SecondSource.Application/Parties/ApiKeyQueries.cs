using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

public sealed record ApiKeyView(
    ApiKeyId Id,
    string Name,
    string Prefix,
    PartyId PartyId,
    string PartyName,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    bool IsActive);

/// <summary>Reads of API keys (never their secrets), through the party filter.</summary>
public sealed class ApiKeyQueries(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await (
            from k in db.ApiKeys.AsNoTracking()
            join p in db.Parties.AsNoTracking() on k.PartyId equals p.Id
            select new { Key = k, PartyName = p.Name })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.PartyName, StringComparer.OrdinalIgnoreCase)
            .ThenByDescending(r => r.Key.CreatedAt)
            .Select(r => new ApiKeyView(r.Key.Id, r.Key.Name, r.Key.Prefix, r.Key.PartyId, r.PartyName, r.Key.CreatedBy, r.Key.CreatedAt,
                r.Key.ExpiresAt, r.Key.RevokedAt, r.Key.LastUsedAt, r.Key.IsActiveAt(now)))
            .ToList();
    }
}
