using System.Globalization;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reading;

/// <summary>The columns that hold one source: a manufacturer, a part number, or both in one cell.</summary>
internal sealed record SourceColumns(int? Manufacturer, int? Mpn, int? Combined);

/// <summary>
/// Which column holds which field, decided by header and content together (see <see cref="ColumnPlanner"/>): the single
/// fields, the source groups in order (the primary first), the columns scanned for DNP markers, and every column's
/// interpretation with its evidence.
/// </summary>
internal sealed class ColumnPlan
{
    public required string[] Headers { get; init; }

    public required bool Headerless { get; init; }

    public required IReadOnlyList<ColumnInterpretation> Columns { get; init; }

    public required IReadOnlyList<SourceColumns> Sources { get; init; }

    public int? Designators { get; init; }

    public bool DesignatorsInFreeText { get; init; }

    public int? Quantity { get; init; }

    public int? Dnp { get; init; }

    public bool DnpMeansPopulate { get; init; }

    public int? InternalPartNumber { get; init; }

    public int? Description { get; init; }

    public int? Value { get; init; }

    public int? Footprint { get; init; }

    public int? Critical { get; init; }

    public required int[] Variants { get; init; }

    public required int[] Distributors { get; init; }

    public required int[] DistributorNames { get; init; }

    public string HeaderOf(int column) => column < Headers.Length && Headers[column].Length > 0 ? Headers[column] : $"#{(column + 1).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Field → column header, for the report: single fields by name, sources as manufacturer, mpn, manufacturer:2...</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Put(string field, int? column)
        {
            if (column is { } c)
            {
                result[field] = HeaderOf(c);
            }
        }

        Put("refdes", Designators);
        Put("quantity", Quantity);
        Put(DnpMeansPopulate ? "populate" : "dnp", Dnp);
        Put("internal-part-number", InternalPartNumber);
        Put("description", Description);
        Put("value", Value);
        Put("footprint", Footprint);
        Put("critical", Critical);
        for (var i = 0; i < Sources.Count; i++)
        {
            var suffix = i == 0 ? "" : $":{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            Put("manufacturer" + suffix, Sources[i].Manufacturer);
            Put("mpn" + suffix, Sources[i].Mpn);
            Put("manufacturer-mpn" + suffix, Sources[i].Combined);
        }

        if (Variants.Length > 0)
        {
            result["variant"] = string.Join(", ", Variants.Select(HeaderOf));
        }

        if (Distributors.Length + DistributorNames.Length > 0)
        {
            result["ignored-distributor"] = string.Join(", ", Distributors.Concat(DistributorNames).Order().Select(HeaderOf));
        }

        return result;
    }

    /// <summary>The columns the reader looks at for lines (everything that is not ignored).</summary>
    public int[] UsedColumns() => Columns.Where(c => c.Role != ColumnRole.Ignored).Select(c => c.Index).ToArray();

    /// <summary>A short key of the layout: the header names as normalised words, or the column count of a headerless file.</summary>
    public string LayoutKey() => Headerless
        ? $"headerless:{Headers.Length.ToString(CultureInfo.InvariantCulture)}"
        : string.Join("|", Headers.Select(h => ManufacturerCatalog.Clean(h)));
}
