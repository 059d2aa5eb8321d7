namespace SecondSource.Domain.Boms;

/// <summary>
/// One source of a part: a component manufacturer and its part number. <see cref="ManufacturerKey"/> is the
/// normalised manufacturer (null when the manufacturer is missing); two sources are distinct manufacturers only
/// if their keys differ. A distributor is never a source.
/// </summary>
public sealed record BomSource(string Manufacturer, string? ManufacturerKey, string Mpn);

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

    /// <summary>How many distinct normalised manufacturers the sources name.</summary>
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
