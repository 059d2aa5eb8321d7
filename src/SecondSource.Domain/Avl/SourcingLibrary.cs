using SecondSource.Domain.Boms;

namespace SecondSource.Domain.Avl;

/// <summary>A manufacturing line that builds the product, as the audit names it.</summary>
public sealed record BuildLine(Guid Id, string Name);

/// <summary>An AVL entry as the audit needs it: who makes it, its state and each line's answer (absent = pending).</summary>
public sealed record KnownSource(
    Guid EntryId, string ManufacturerKey, string ManufacturerName, string Mpn, AvlStatus Status, Lifecycle? Lifecycle,
    IReadOnlyDictionary<Guid, AcceptanceState> Acceptance)
{
    /// <summary>Preference among the part's sources (1 = preferred).</summary>
    public int Rank { get; init; } = 1;

    /// <summary>Other keys the maker is written under (the buyer's recorded aliases).</summary>
    public IReadOnlyCollection<string> AliasKeys { get; init; } = [];

    /// <summary>True when a BOM's normalised manufacturer key names this source's maker.</summary>
    public bool MadeBy(string? manufacturerKey) => manufacturerKey is not null && (manufacturerKey == ManufacturerKey || AliasKeys.Contains(manufacturerKey));

    public AcceptanceState On(BuildLine line) => Acceptance.TryGetValue(line.Id, out var state) ? state : AcceptanceState.Pending;

    /// <summary>A source the line may build with: qualified and accepted by that line.</summary>
    public bool UsableOn(BuildLine line) => Status == AvlStatus.Qualified && On(line) == AcceptanceState.Accepted;

    public string Display => $"{ManufacturerName} {Mpn}";
}

/// <summary>A part of the library with its sources.</summary>
public sealed record KnownPart(Guid Id, string Number, Criticality? Criticality, IReadOnlyList<KnownSource> Sources)
{
    /// <summary>
    /// The library's entry for a source a BOM lists: the same MPN (without case and spacing) from the same maker (by
    /// key or recorded alias; a source without a maker matches on the MPN alone); null when the AVL does not know it.
    /// </summary>
    public KnownSource? Find(BomSource listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var key = Part.Normalize(listed.Mpn);
        return Sources.FirstOrDefault(s => string.Equals(Part.Normalize(s.Mpn), key, StringComparison.Ordinal)
            && (listed.ManufacturerKey is null || s.MadeBy(listed.ManufacturerKey)));
    }
}

/// <summary>How many distinct manufacturers a line may build a BOM line with.</summary>
public sealed record LineSourcing(BuildLine Line, int UsableManufacturers, IReadOnlyList<string> UsableNames)
{
    public bool DualSourced => UsableManufacturers >= 2;
}

/// <summary>
/// What the library knows for the audit of one product: the lines that build it and the parts with their approved
/// sources. With it, a BOM line is dual-sourced on a line only if two distinct manufacturers' entries are qualified
/// and accepted by that line.
/// </summary>
public sealed class SourcingLibrary
{
    private readonly Dictionary<string, KnownPart> _parts;

    public SourcingLibrary(IReadOnlyList<BuildLine> lines, IEnumerable<KnownPart> parts)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(parts);
        Lines = lines;
        _parts = parts.ToDictionary(p => p.Number, StringComparer.Ordinal);
    }

    public IReadOnlyList<BuildLine> Lines { get; }

    public KnownPart? PartOf(BomLine line) => Part.NumberOf(line) is { } number && _parts.TryGetValue(number, out var part) ? part : null;

    /// <summary>Usable manufacturers of a part on each line (none when no line builds the product yet).</summary>
    public IReadOnlyList<LineSourcing> Sourcing(KnownPart? part)
    {
        var result = new List<LineSourcing>(Math.Max(1, Lines.Count));
        foreach (var line in Lines)
        {
            var names = part is null ? [] : part.Sources.Where(s => s.UsableOn(line)).DistinctBy(s => s.ManufacturerKey).Select(s => s.ManufacturerName).ToList();
            result.Add(new LineSourcing(line, names.Count, names));
        }

        return result;
    }
}
