using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

public sealed record PartyView(PartyId Id, string Name, PartyKind Kind, int Users, int ActiveApiKeys, DateTimeOffset CreatedAt);

/// <summary>Reads of parties. What a caller sees follows the party filter: a manufacturer sees the buyer and itself.</summary>
public sealed class PartyQueries(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<PartyView>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var parties = await db.Parties.AsNoTracking().ToListAsync(ct);
        var users = await db.Users.GroupBy(u => u.PartyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var keys = (await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).Select(k => new { k.PartyId, k.ExpiresAt }).ToListAsync(ct))
            .Where(k => k.ExpiresAt is null || k.ExpiresAt > now)
            .GroupBy(k => k.PartyId)
            .ToDictionary(g => g.Key, g => g.Count());
        return parties
            .OrderBy(p => p.Kind)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new PartyView(p.Id, p.Name, p.Kind, users.GetValueOrDefault(p.Id), keys.GetValueOrDefault(p.Id), p.CreatedAt))
            .ToList();
    }

    public Task<Party?> FindAsync(PartyId id, CancellationToken ct) =>
        db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    public Task<Party?> FindByNameAsync(string name, CancellationToken ct)
    {
        var normalized = Party.Normalize(name);
        return db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.NormalizedName == normalized, ct);
    }

    public Task<Party?> FindBuyerAsync(CancellationToken ct) =>
        db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Kind == PartyKind.Buyer, ct);
}
