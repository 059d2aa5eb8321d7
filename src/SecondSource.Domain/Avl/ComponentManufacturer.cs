using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Avl;

/// <summary>
/// A maker of components (not a contract manufacturer): Texas Instruments, Murata. Known by a normalised key
/// (see <see cref="ManufacturerCatalog"/>) and by the aliases people write for it, each also stored normalised,
/// so that "TI" in one BOM and "Texas Instruments Inc." in another are one manufacturer of the library.
/// </summary>
public sealed class ComponentManufacturer
{
    private readonly List<ManufacturerAlias> _aliases = [];

    private ComponentManufacturer(Guid id, string key, string name)
    {
        Id = id;
        Key = key;
        Name = name;
    }

    public Guid Id { get; private set; }

    /// <summary>The normalised name two sources are compared by.</summary>
    public string Key { get; private set; }

    /// <summary>The name shown.</summary>
    public string Name { get; private set; }

    public IReadOnlyList<ManufacturerAlias> Aliases => _aliases;

    public static ComponentManufacturer Create(ManufacturerName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ComponentManufacturer(Guid.CreateVersion7(), Guard.RequiredText(name.Key, "Manufacturer key", 200), Guard.RequiredText(name.DisplayName, "Manufacturer name", 200));
    }

    /// <summary>
    /// Adds a written form of the name under <paramref name="key"/>, the key a BOM reader gives that form (see
    /// <see cref="ManufacturerCatalog.Normalize"/>); returns false when it is already known.
    /// </summary>
    public bool AddAlias(string written, string key)
    {
        var text = Guard.RequiredText(written, "Alias", 200);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new DomainException($"The alias '{written}' has no letters or digits.");
        }

        if (key == Key || _aliases.Any(a => a.Key == key))
        {
            return false;
        }

        _aliases.Add(new ManufacturerAlias(Guid.CreateVersion7(), Id, key, text));
        return true;
    }
}

/// <summary>A written form of a manufacturer's name, with its normalised key (unique across the library).</summary>
public sealed class ManufacturerAlias(Guid id, Guid manufacturerId, string key, string text)
{
    public Guid Id { get; private set; } = id;

    public Guid ManufacturerId { get; private set; } = manufacturerId;

    public string Key { get; private set; } = key;

    public string Text { get; private set; } = text;
}
