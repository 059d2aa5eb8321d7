using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Lines;

/// <summary>A line's profile as people read it.</summary>
public sealed record LineView(
    Guid Id,
    string Name,
    PartyId PartyId,
    string Manufacturer,
    string Site,
    string Country,
    string Zone,
    LineCapabilities Capabilities,
    LineCapacity Capacity,
    IReadOnlyList<Certification> Certifications);

/// <summary>Reads of lines through the party filter: a manufacturer sees its own lines, the buyer all of them.</summary>
public sealed class LineQueries(SecondSourceDbContext db, ZoneQueries zoneQueries)
{
    public async Task<IReadOnlyList<LineView>> ListAsync(CancellationToken ct)
    {
        var rows = await (
            from l in db.Lines.AsNoTracking()
            join s in db.Sites.AsNoTracking() on l.SiteId equals s.Id
            join p in db.Parties.AsNoTracking() on l.PartyId equals p.Id
            select new { Line = l, Site = s, Party = p.Name })
            .ToListAsync(ct);
        var zones = await zoneQueries.CurrentAsync(ct);
        return rows
            .OrderBy(r => r.Party, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Line.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => new LineView(r.Line.Id, r.Line.Name, r.Line.PartyId, r.Party, r.Site.Name, r.Site.Country.Value,
                Zone.For(r.Site.Country, zones).Name, r.Line.Capabilities, r.Line.Capacity,
                r.Line.Certifications.Select(c => c.ToCertification()).OrderBy(c => c.Standard).ToList()))
            .ToList();
    }

    /// <summary>A line by id, or by its name (ignoring case) when that is unique.</summary>
    public async Task<LineView?> FindAsync(string idOrName, CancellationToken ct)
    {
        var all = await ListAsync(ct);
        return Guid.TryParse(idOrName, out var id)
            ? all.SingleOrDefault(l => l.Id == id)
            : all.Where(l => string.Equals(l.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase)).ToList() is [var only] ? only : null;
    }
}
