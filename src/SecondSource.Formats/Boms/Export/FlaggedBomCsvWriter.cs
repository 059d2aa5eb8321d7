using System.Globalization;
using System.Text;

namespace SecondSource.Formats.Boms.Export;

/// <summary>
/// Writes a <see cref="FlaggedBom"/> as CSV (UTF-8 with BOM, comma, RFC 4180 quoting): the approved sources in
/// "Manufacturer N" / "MPN N" columns that BOM tools and the BOM reader understand, then the sources not approved for
/// the line with their status, and the line's flag. Cells that would start a formula are prefixed with an apostrophe.
/// </summary>
public static class FlaggedBomCsvWriter
{
    public static void Write(FlaggedBom bom, Stream output)
    {
        ArgumentNullException.ThrowIfNull(bom);
        ArgumentNullException.ThrowIfNull(output);
        var table = FlaggedBomTable.Of(bom);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        foreach (var row in table.Rows.Prepend(table.Header))
        {
            writer.Write(string.Join(",", row.Select(SpreadsheetText.CsvCell)));
            writer.Write("\r\n");
        }
    }
}

/// <summary>The flagged BOM as a table (header and rows of text), shared by the CSV and XLSX writers.</summary>
internal sealed record FlaggedBomTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The columns that hold numbers (the quantity), written as numbers in the XLSX.</summary>
    public static readonly IReadOnlySet<int> NumericColumns = new HashSet<int> { 1 };

    public static FlaggedBomTable Of(FlaggedBom bom)
    {
        var width = Math.Max(1, bom.Lines.Select(l => l.Approved.Count()).DefaultIfEmpty(0).Max());
        var header = new List<string> { "Designator", "Quantity", "DNP", "Internal part number", "Description", "Value", "Footprint", "Critical" };
        for (var i = 1; i <= width; i++)
        {
            header.Add("Manufacturer " + i.ToString(CultureInfo.InvariantCulture));
            header.Add("MPN " + i.ToString(CultureInfo.InvariantCulture));
        }

        header.Add("Not approved for this line");
        header.Add("Flag");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var line in bom.Lines)
        {
            var row = new List<string>
            {
                string.Join(",", line.Designators),
                line.Quantity?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "",
                line.Dnp ? "DNP" : "",
                line.InternalPartNumber ?? "",
                line.Description ?? "",
                line.Value ?? "",
                line.Footprint ?? "",
                line.Critical ? "yes" : "no",
            };
            var approved = line.Approved.OrderBy(s => s.Rank).ToList();
            for (var i = 0; i < width; i++)
            {
                row.Add(i < approved.Count ? approved[i].Manufacturer : "");
                row.Add(i < approved.Count ? approved[i].Mpn : "");
            }

            row.Add(string.Join("; ", line.Sources.Where(s => !s.Approved).Select(s => $"{s.Manufacturer} {s.Mpn} ({s.Status})".Trim())));
            row.Add(line.Flag ?? "");
            rows.Add(row);
        }

        return new FlaggedBomTable(header, rows);
    }
}
