using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Lines;

/// <summary>Where a new line is: an existing site of the manufacturer, or a new one.</summary>
public sealed record SiteChoice(Guid? ExistingSiteId, string? Name, string? Address, string? Country, string? Region);

public sealed record AddLineRequest(PartyId Manufacturer, SiteChoice Site, string Name, LineCapabilities Capabilities, LineCapacity Capacity, IReadOnlyList<Certification> Certifications);

public sealed record SiteView(Guid Id, PartyId PartyId, string Name, string Country);

/// <summary>
/// Adds a manufacturing line, at an existing site of its manufacturer or at a new one, in one transaction. A
/// manufacturer's people add lines for their own organisation only (the party filter and save check see to it).
/// </summary>
public sealed class AddLineHandler(SecondSourceDbContext db)
{
    public async Task<Result<ManufacturingLine>> HandleAsync(AddLineRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var party = await db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.Manufacturer && p.Kind == PartyKind.Manufacturer, ct);
        if (party is null)
        {
            return Fail.NotFound($"There is no manufacturer {request.Manufacturer}.");
        }

        Site site;
        if (request.Site.ExistingSiteId is { } siteId)
        {
            var found = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId && s.PartyId == party.Id, ct);
            if (found is null)
            {
                return Fail.NotFound($"{party.Name} has no site {siteId}.");
            }

            site = found;
        }
        else
        {
            site = Domain.Lines.Site.Create(party.Id, request.Site.Name ?? "", request.Site.Address ?? "", CountryCode.Parse(request.Site.Country), request.Site.Region);
            db.Sites.Add(site);
        }

        var line = ManufacturingLine.Create(site, request.Name, request.Capabilities, request.Capacity, request.Certifications);
        db.Lines.Add(line);
        await db.SaveChangesAsync(ct);
        return Result.Ok(line);
    }
}

/// <summary>Sites through the party filter.</summary>
public sealed class SiteQueries(SecondSourceDbContext db)
{
    public async Task<IReadOnlyList<SiteView>> ListAsync(CancellationToken ct) =>
        (await db.Sites.AsNoTracking().ToListAsync(ct))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => new SiteView(s.Id, s.PartyId, s.Name, s.Country.Value))
            .ToList();
}
