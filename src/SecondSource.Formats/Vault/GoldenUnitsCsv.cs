using System.Text;
using nietras.SeparatedValues;
using SecondSource.Domain.Vault;

namespace SecondSource.Formats.Vault;

/// <summary>
/// The golden-unit list as a vault revision: CSV (UTF-8, comma, RFC 4180 quoting) with the header
/// <c>Serial number,Location,Note</c>, so a line reads it in any spreadsheet and the app reads it back.
/// </summary>
public static class GoldenUnitsCsv
{
    public const string FileName = "golden-units.csv";
    private static readonly string[] Header = ["Serial number", "Location", "Note"];

    public static byte[] Write(IEnumerable<GoldenUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var text = new StringBuilder();
        foreach (var row in units.Select(u => new[] { u.Serial, u.Location, u.Note ?? "" }).Prepend(Header))
        {
            text.Append(string.Join(",", row.Select(SpreadsheetText.CsvCell))).Append("\r\n");
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>The units of a revision written by <see cref="Write"/>; null when the content is not such a list.</summary>
    public static IReadOnlyList<GoldenUnit>? Read(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(content);
        var units = new List<GoldenUnit>();
        var first = true;
        foreach (var row in reader)
        {
            if (first)
            {
                first = false;
                if (row.ColCount < 3 || row[0].ToString() != Header[0] || row[1].ToString() != Header[1] || row[2].ToString() != Header[2])
                {
                    return null;
                }

                continue;
            }

            if (row.ColCount < 3)
            {
                return null;
            }

            var note = SpreadsheetText.Restore(row[2].ToString());
            units.Add(new GoldenUnit(SpreadsheetText.Restore(row[0].ToString()), SpreadsheetText.Restore(row[1].ToString()), note.Length == 0 ? null : note));
        }

        return first ? null : units;
    }
}
