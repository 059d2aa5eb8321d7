using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Lines;

namespace SecondSource.Application.Lines;

/// <summary>The zones in force: the buyer's, or the default set until the buyer saves its own.</summary>
public sealed class ZoneQueries(SecondSourceDbContext db)
{
    public async Task<IReadOnlyList<Zone>> CurrentAsync(CancellationToken ct)
    {
        var stored = await db.Zones.AsNoTracking().OrderBy(z => z.Position).ToListAsync(ct);
        return stored.Count == 0 ? Zone.Defaults : stored.Select(z => z.ToZone()).ToList();
    }

    /// <summary>The zones as the editing text: one <c>Name: CC CC</c> a line.</summary>
    public async Task<string> AsTextAsync(CancellationToken ct) =>
        string.Join("\n", (await CurrentAsync(ct)).Select(z => $"{z.Name}: {string.Join(' ', z.Countries.Select(c => c.Value).Order(StringComparer.Ordinal))}"));
}

/// <summary>Replaces the buyer's zones with those written in the text, all or nothing.</summary>
public sealed class SaveZonesHandler(SecondSourceDbContext db)
{
    public async Task<IReadOnlyList<Zone>> HandleAsync(string text, CancellationToken ct)
    {
        var zones = ZoneDefinition.Parse(text);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Zones.RemoveRange(await db.Zones.ToListAsync(ct));
        db.Zones.AddRange(zones.Select((z, i) => ZoneDefinition.From(z, i)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return zones;
    }
}
