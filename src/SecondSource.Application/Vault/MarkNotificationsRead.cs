using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Vault;

/// <summary>Marks the caller's unread vault notifications read (the party filter keeps it to the caller's own).</summary>
public sealed class MarkNotificationsReadHandler(SecondSourceDbContext db, IPartyContext party, TimeProvider clock)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        if (!party.Scope.IsRestricted)
        {
            return 0; // the buyer has no notifications; it must not mark the lines' as read
        }

        var unread = await db.VaultNotifications.Where(n => n.ReadAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        unread.ForEach(n => n.MarkRead(now));
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
