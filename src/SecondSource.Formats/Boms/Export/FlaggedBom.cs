namespace SecondSource.Formats.Boms.Export;

/// <summary>
/// A BOM revision as one manufacturing line may build it: every line with the sources the library approves for that
/// line (qualified and accepted by it) and, flagged, the sources it may not use and why.
/// </summary>
public sealed record FlaggedBom(string ProductCode, string ProductName, string Revision, string Line, DateTimeOffset GeneratedAt, string GeneratedBy, IReadOnlyList<FlaggedLine> Lines);

/// <summary>One BOM line; <see cref="PartNumber"/> is the library's key (internal part number, else the first MPN).</summary>
public sealed record FlaggedLine(
    IReadOnlyList<string> Designators, decimal? Quantity, bool Dnp, string? PartNumber, string? InternalPartNumber, string? Description, string? Value, string? Footprint,
    bool Critical, bool Generic, IReadOnlyList<FlaggedSource> Sources)
{
    public IEnumerable<FlaggedSource> Approved => Sources.Where(s => s.Approved);

    /// <summary>The line's warning for this manufacturing line, or null when it is fine.</summary>
    public string? Flag
    {
        get
        {
            if (Dnp || Generic)
            {
                return null;
            }

            var makers = Approved.Select(s => s.Manufacturer).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            return makers switch
            {
                0 => "No approved source for this line",
                1 when Critical => "Critical, single source for this line",
                _ => null,
            };
        }
    }
}

/// <summary>A source of a line: approved for the manufacturing line or not, with the library's word for why.</summary>
public sealed record FlaggedSource(string Manufacturer, string Mpn, int Rank, bool Approved, string Status);
