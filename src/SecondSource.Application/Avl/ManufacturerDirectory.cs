using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

/// <summary>
/// Finds the library's component manufacturer for a written name — by the catalog's normalised key, as its own key
/// or as one of the aliases the buyer recorded (and by the plain cleaned name, the key older versions stored) — or
/// adds it. A text that cannot be a maker (a distributor, a placeholder, a part number) is refused. Added rows are
/// saved with the caller's unit of work; names already resolved in this unit of work are not looked up again.
/// </summary>
public sealed class ManufacturerDirectory(SecondSourceDbContext db, LibraryMakers makers)
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
        var why = _catalog.WhyNotAMaker(written);
        if (why is not null || _catalog.Normalize(written) is null)
        {
            throw new DomainException($"'{written}' is not a manufacturer's name: {WhyNot(why)}.");
        }

        var name = _catalog.Normalize(written)!;
        var plain = ManufacturerCatalog.CleanKey(written);
        var maker = db.ComponentManufacturers.Local.FirstOrDefault(m => m.Key == name.Key || m.Key == plain || m.Aliases.Any(a => a.Key == name.Key || a.Key == plain))
            ?? await db.ComponentManufacturers.Include(m => m.Aliases)
                .FirstOrDefaultAsync(m => m.Key == name.Key || m.Key == plain || m.Aliases.Any(a => a.Key == name.Key || a.Key == plain), ct);
        if (maker is null)
        {
            maker = ComponentManufacturer.Create(name);
            db.ComponentManufacturers.Add(maker);
            makers.Invalidate();
        }

        return maker;
    }

    /// <summary>The key a BOM reader gives a written name, or null for empty text and generic markers.</summary>
    public string? KeyOf(string written) => _catalog.Normalize(written)?.Key;

    private static string WhyNot(string? why) => why ?? "it is a marker such as Any or Generic";
}
