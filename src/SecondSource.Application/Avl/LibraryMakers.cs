using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Boms;

namespace SecondSource.Application.Avl;

/// <summary>
/// The one reading of maker names the application uses everywhere: the catalogue shipped with the product plus the
/// library's component manufacturers and the names people confirmed for them. The stored-revision audit, adoption,
/// coverage and the health scorecard all recognise sources through it, so a name counts as a maker in every view or in
/// none. Makers are shared reference data (not party-owned), so every party reads the same catalogue.
/// Loaded once per unit of work; a change to the library's makers in the same unit calls <see cref="Invalidate"/>.
/// </summary>
public sealed class LibraryMakers(SecondSourceDbContext db)
{
    private ManufacturerCatalog? _catalog;

    /// <summary>A catalogue with the library's makers added (a new instance per unit of work, not shared).</summary>
    public async Task<ManufacturerCatalog> CatalogAsync(CancellationToken ct)
    {
        if (_catalog is null)
        {
            var catalog = ManufacturerCatalog.CreateDefault();
            await AddToAsync(catalog, ct);
            _catalog = catalog;
        }

        return _catalog;
    }

    /// <summary>
    /// Adds the library's makers to a catalogue the caller built (one that may carry an aliases file already: the file's
    /// names stay as the file gives them). Names the catalogue refuses as makers (a distributor, "Any", "TBD") are not
    /// added even if an older version of the product stored them.
    /// </summary>
    public async Task AddToAsync(ManufacturerCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var makers = await db.ComponentManufacturers.AsNoTracking()
            .Select(m => new { m.Name, Aliases = m.Aliases.Select(a => a.Text).ToList() })
            .ToListAsync(ct);
        foreach (var maker in makers.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if (IsNoMaker(catalog, maker.Name))
            {
                continue;
            }

            catalog.AddLibraryMaker(maker.Name, maker.Aliases.Where(a => !IsNoMaker(catalog, a)));
        }
    }

    /// <summary>Forgets the loaded catalogue after the library's makers changed.</summary>
    public void Invalidate() => _catalog = null;

    /// <summary>The line with every source's maker recognised by <paramref name="catalog"/> (an unrecognised name keeps no key).</summary>
    public static BomLine Recognised(BomLine line, ManufacturerCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(catalog);
        if (line.Sources.Count == 0)
        {
            return line;
        }

        var sources = new List<BomSource>(line.Sources.Count);
        foreach (var source in line.Sources)
        {
            sources.Add(source with { ManufacturerKey = source.Manufacturer.Length == 0 ? null : catalog.Recognise(source.Manufacturer)?.Key });
        }

        return line with { Sources = sources };
    }

    private static bool IsNoMaker(ManufacturerCatalog catalog, string name) =>
        string.IsNullOrWhiteSpace(name) || catalog.DistributorName(name) is not null || catalog.IsGeneric(name) || catalog.IsPlaceholder(name) || CellText.IsDnpMarker(name);
}
