namespace SecondSource.Formats.Boms;

/// <summary>What a column of a BOM table holds, as the reader decided it.</summary>
public enum ColumnRole
{
    /// <summary>Read for nothing (a line number, a price, a datasheet link, a column nobody could name).</summary>
    Ignored,
    Designators,
    Quantity,
    Manufacturer,
    Mpn,

    /// <summary>The maker and its part number in one cell ("TI LM358DR").</summary>
    ManufacturerAndMpn,
    Dnp,

    /// <summary>A populate/fitted column: "no" means DNP.</summary>
    Populate,

    /// <summary>A KiBoM/KiBot variant or config field (DNF there means not fitted).</summary>
    Variant,
    InternalPartNumber,
    Description,
    Value,
    Footprint,
    Critical,

    /// <summary>A distributor's stock number (Digi-Key, Mouser, LCSC, ...): never a source, read only for DNP markers.</summary>
    DistributorSku,

    /// <summary>A distributor's name: never a source.</summary>
    DistributorName,
}

/// <summary>How sure the reader is of a column's role.</summary>
public enum RoleConfidence
{
    Low,
    Medium,
    High,
}

/// <summary>
/// One column as the reader understood it: its role (for a source column, which source it belongs to: 1 is the primary,
/// 2 and on are alternates), the evidence (the header's words and the share of values of each shape), how sure it is, what
/// decided (the header, the content, both, <c>--map</c> or a stored choice) and a few sample values.
/// </summary>
public sealed record ColumnInterpretation(
    int Index, string Header, ColumnRole Role, int? Source, string Evidence, RoleConfidence Confidence, string DecidedBy, IReadOnlyList<string> Samples)
{
    /// <summary>The <c>--map</c> field name of the role (<c>mpn:2</c> for the second source's part number); "ignore" when ignored.</summary>
    public string Field => ColumnRoles.FieldName(Role, Source);

    /// <summary>The column as <c>--map</c> names it: its header, or <c>#N</c> when it has none.</summary>
    public string Reference => Header.Length == 0 || Header.StartsWith('#') ? $"#{Index + 1}" : Header;
}

/// <summary>The names of roles as <c>--map field=Column</c> and the web preview write them.</summary>
public static class ColumnRoles
{
    /// <summary>Every field a user may give a column.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "refdes", "quantity", "manufacturer", "mpn", "manufacturer-mpn", "dnp", "populate", "variant", "internal-part-number",
        "description", "value", "footprint", "critical", "distributor", "distributor-name", "ignore",
    ];

    public static string FieldName(ColumnRole role, int? source)
    {
        var suffix = source is > 1 ? ":" + source.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        return role switch
        {
            ColumnRole.Designators => "refdes",
            ColumnRole.Quantity => "quantity",
            ColumnRole.Manufacturer => "manufacturer" + suffix,
            ColumnRole.Mpn => "mpn" + suffix,
            ColumnRole.ManufacturerAndMpn => "manufacturer-mpn" + suffix,
            ColumnRole.Dnp => "dnp",
            ColumnRole.Populate => "populate",
            ColumnRole.Variant => "variant",
            ColumnRole.InternalPartNumber => "internal-part-number",
            ColumnRole.Description => "description",
            ColumnRole.Value => "value",
            ColumnRole.Footprint => "footprint",
            ColumnRole.Critical => "critical",
            ColumnRole.DistributorSku => "distributor",
            ColumnRole.DistributorName => "distributor-name",
            _ => "ignore",
        };
    }

    /// <summary>A person's words for a role ("part number of source 2").</summary>
    public static string Describe(ColumnRole role, int? source)
    {
        var of = source is > 1 ? $" (source {source})" : "";
        return role switch
        {
            ColumnRole.Designators => "reference designators",
            ColumnRole.Quantity => "quantity",
            ColumnRole.Manufacturer => "manufacturer" + of,
            ColumnRole.Mpn => "manufacturer part number" + of,
            ColumnRole.ManufacturerAndMpn => "manufacturer and part number in one cell" + of,
            ColumnRole.Dnp => "do not populate",
            ColumnRole.Populate => "populate (no = DNP)",
            ColumnRole.Variant => "variant / config (DNF = not fitted)",
            ColumnRole.InternalPartNumber => "internal part number",
            ColumnRole.Description => "description",
            ColumnRole.Value => "value",
            ColumnRole.Footprint => "footprint / package",
            ColumnRole.Critical => "criticality",
            ColumnRole.DistributorSku => "distributor part number (never a source)",
            ColumnRole.DistributorName => "distributor name (never a source)",
            _ => "not read",
        };
    }

    /// <summary>Parses a field name (<c>mpn:2</c>) into its role and source; false when the name is not a field.</summary>
    public static bool TryParse(string field, out ColumnRole role, out int? source)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = field.Trim().ToLowerInvariant();
        source = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            if (!int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1 || n > 99)
            {
                role = ColumnRole.Ignored;
                return false;
            }

            source = n;
            text = text[..colon];
        }

        role = text switch
        {
            "refdes" or "designators" or "designator" or "reference" => ColumnRole.Designators,
            "quantity" or "qty" => ColumnRole.Quantity,
            "manufacturer" => ColumnRole.Manufacturer,
            "mpn" => ColumnRole.Mpn,
            "manufacturer-mpn" => ColumnRole.ManufacturerAndMpn,
            "dnp" => ColumnRole.Dnp,
            "populate" or "fitted" => ColumnRole.Populate,
            "variant" or "config" => ColumnRole.Variant,
            "internal-part-number" or "ipn" => ColumnRole.InternalPartNumber,
            "description" => ColumnRole.Description,
            "value" => ColumnRole.Value,
            "footprint" or "package" => ColumnRole.Footprint,
            "critical" => ColumnRole.Critical,
            "distributor" or "sku" => ColumnRole.DistributorSku,
            "distributor-name" => ColumnRole.DistributorName,
            "ignore" => ColumnRole.Ignored,
            _ => (ColumnRole)(-1),
        };
        if ((int)role < 0)
        {
            role = ColumnRole.Ignored;
            return false;
        }

        if (role is ColumnRole.Manufacturer or ColumnRole.Mpn or ColumnRole.ManufacturerAndMpn)
        {
            source ??= 1;
        }
        else if (source is not null)
        {
            return false;
        }

        return true;
    }
}
