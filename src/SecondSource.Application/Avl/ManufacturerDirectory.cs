using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

/// <summary>
/// Finds the library's component manufacturer for a written name — by the catalog's normalised key, then by the
/// library's own aliases — or adds it, keeping the written form as an alias. Added rows are saved with the caller's
/// unit of work; names already resolved in this unit of work are not looked up again.
/// </summary>
public sealed class ManufacturerDirectory(SecondSourceDbContext db)
{
    private readonly ManufacturerCatalog _catalog = ManufacturerCatalog.CreateDefault();
    private readonly Dictionary<string, ComponentManufacturer> _resolved = new(StringComparer.Ordinal);

    public async Task<ComponentManufacturer> ResolveAsync(string written, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (_resolved.TryGetValue(written, out var known))
        {
            return known;
        }

        var maker = await FindOrAddAsync(written, ct);
        _resolved[written] = maker;
        return maker;
    }

    private async Task<ComponentManufacturer> FindOrAddAsync(string written, CancellationToken ct)
    {
        var name = _catalog.Normalize(written) ?? throw new DomainException($"'{written}' is not a manufacturer's name (empty, or a marker such as Any or Generic).");
        var cleaned = ManufacturerCatalog.Clean(written);
        var maker = db.ComponentManufacturers.Local.FirstOrDefault(m => m.Key == name.Key || m.Aliases.Any(a => a.Key == cleaned))
            ?? await db.ComponentManufacturers.Include(m => m.Aliases).FirstOrDefaultAsync(m => m.Key == name.Key, ct)
            ?? await db.ComponentManufacturers.Include(m => m.Aliases).FirstOrDefaultAsync(m => m.Aliases.Any(a => a.Key == cleaned), ct);
        if (maker is null)
        {
            maker = ComponentManufacturer.Create(name);
            db.ComponentManufacturers.Add(maker);
        }

        if (cleaned != maker.Key && !await db.ManufacturerAliases.AnyAsync(a => a.Key == cleaned, ct))
        {
            maker.AddAlias(written);
        }

        return maker;
    }
}
