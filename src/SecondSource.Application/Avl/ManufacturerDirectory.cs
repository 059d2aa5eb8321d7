using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

/// <summary>
/// Finds the library's component manufacturer for a written name — by the catalog's normalised key, as its own key
/// or as one of the aliases the buyer recorded — or adds it. Added rows are saved with the caller's
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
        var maker = db.ComponentManufacturers.Local.FirstOrDefault(m => m.Key == name.Key || m.Aliases.Any(a => a.Key == name.Key))
            ?? await db.ComponentManufacturers.Include(m => m.Aliases).FirstOrDefaultAsync(m => m.Key == name.Key || m.Aliases.Any(a => a.Key == name.Key), ct);
        if (maker is null)
        {
            maker = ComponentManufacturer.Create(name);
            db.ComponentManufacturers.Add(maker);
        }

        return maker;
    }

    /// <summary>The key a BOM reader gives a written name, or null for empty text and generic markers.</summary>
    public string? KeyOf(string written) => _catalog.Normalize(written)?.Key;
}
