namespace SecondSource.Domain.Boms;

/// <summary>
/// One source of a part: a component manufacturer and its part number. <see cref="ManufacturerKey"/> is the maker's
/// lineage key when the name is <b>recognised</b> (catalogue, aliases file or library) and null otherwise: when the file
/// names no maker, or names one nobody has confirmed (<see cref="Unverified"/>). Two sources are distinct manufacturers
/// only if both keys are present and differ. A distributor is never a source.
/// </summary>
public sealed record BomSource(string Manufacturer, string? ManufacturerKey, string Mpn)
{
    /// <summary>The file names a maker that is not recognised: it counts towards no second source until someone confirms it.</summary>
    public bool Unverified => ManufacturerKey is null && Manufacturer.Length > 0;
}

/// <summary>
/// One line of a BOM as read from a file: where it was (<see cref="Row"/>: the spreadsheet row, the CSV record
/// number or the XML line), its reference designators, quantity, DNP flag, descriptive fields and sources.
/// </summary>
public sealed record BomLine
{
    public required int Row { get; init; }

    /// <summary>The text line the row starts on, where that differs from <see cref="Row"/> (CSV with quoted line breaks); else null.</summary>
    public int? TextLine { get; init; }

    public IReadOnlyList<string> Designators { get; init; } = [];

    public decimal? Quantity { get; init; }

    /// <summary>Do not populate: the part is not fitted in this build.</summary>
    public bool Dnp { get; init; }

    public string? InternalPartNumber { get; init; }

    public string? Description { get; init; }

    public string? Value { get; init; }

    public string? Footprint { get; init; }

    public IReadOnlyList<BomSource> Sources { get; init; } = [];

    /// <summary>The manufacturer cell said "any qualified maker" (Any, Generic, AVL, "Any/not critical").</summary>
    public bool Generic { get; init; }

    /// <summary>A criticality column's verdict for this line, when the file has one.</summary>
    public bool? CriticalInFile { get; init; }

    /// <summary>The names the file gives as makers that are not recognised, each once.</summary>
    public IReadOnlyList<string> UnverifiedManufacturers
    {
        get
        {
            List<string>? names = null;
            foreach (var source in Sources)
            {
                if (source.Unverified && (names is null || !names.Contains(source.Manufacturer, StringComparer.OrdinalIgnoreCase)))
                {
                    (names ??= []).Add(source.Manufacturer);
                }
            }

            return names ?? (IReadOnlyList<string>)[];
        }
    }

    /// <summary>How many distinct recognised manufacturers the sources name (unverified names count for nothing).</summary>
    public int DistinctManufacturers
    {
        get
        {
            var count = 0;
            for (var i = 0; i < Sources.Count; i++)
            {
                var key = Sources[i].ManufacturerKey;
                if (key is null)
                {
                    continue;
                }

                var seenBefore = false;
                for (var j = 0; j < i; j++)
                {
                    if (Sources[j].ManufacturerKey == key)
                    {
                        seenBefore = true;
                        break;
                    }
                }

                if (!seenBefore)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
