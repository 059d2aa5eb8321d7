using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

public sealed record UserView(
    Guid Id,
    string Email,
    string DisplayName,
    Role Role,
    PartyId PartyId,
    string PartyName,
    PartyKind PartyKind,
    bool IsDisabled,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt);

/// <summary>Reads of people, through the party filter.</summary>
public sealed class UserQueries(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await (
            from u in db.Users.AsNoTracking()
            join p in db.Parties.AsNoTracking() on u.PartyId equals p.Id
            select new { u.Id, u.Email, u.DisplayName, u.Role, u.PartyId, PartyName = p.Name, PartyKind = p.Kind, u.IsDisabled, u.LockoutEnd, u.CreatedAt })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.PartyKind)
            .ThenBy(r => r.PartyName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .Select(r => new UserView(r.Id, r.Email ?? "", r.DisplayName, r.Role, r.PartyId, r.PartyName, r.PartyKind, r.IsDisabled,
                r.LockoutEnd > now ? r.LockoutEnd : null, r.CreatedAt))
            .ToList();
    }

    /// <summary>The id of the person with this e-mail (case-insensitive), or null.</summary>
    public async Task<Guid?> FindIdByEmailAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var id = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        return id;
    }
}
