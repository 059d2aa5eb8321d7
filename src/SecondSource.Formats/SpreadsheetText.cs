using System.Text.RegularExpressions;

namespace SecondSource.Formats;

/// <summary>
/// The one formula guard for every spreadsheet-bound file we write (the flagged BOM's CSV and XLSX, the golden-unit
/// list; docs/avl.md, "Flagged export"): a text
/// cell a spreadsheet could run as a formula gets a leading apostrophe, so both files carry the same text. A cell
/// starting with <c>=</c>, <c>@</c>, a tab or a carriage return is always defused. One starting with <c>+</c> or
/// <c>-</c> is left alone when it is a value with a unit or a range of them — <c>-5V</c>, <c>+3.3 V</c>, <c>-5%</c>,
/// <c>-40°C to +85°C</c> — which no spreadsheet runs as a command; anything else (<c>-2+3+cmd|' /C calc'!A0</c>) is defused.
/// </summary>
public static partial class SpreadsheetText
{
    public static string Defuse(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length == 0)
        {
            return cell;
        }

        return cell[0] switch
        {
            '=' or '@' or '\t' or '\r' => "'" + cell,
            '+' or '-' when !SignedValue().IsMatch(cell) => "'" + cell,
            _ => cell,
        };
    }

    /// <summary>Takes off the apostrophe <see cref="Defuse"/> added, when reading back a file we wrote.</summary>
    public static string Restore(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && Defuse(cell[1..]) == cell ? cell[1..] : cell;
    }

    /// <summary>A CSV cell (RFC 4180): defused, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string CsvCell(string cell)
    {
        var safe = Defuse(cell);
        return safe.IndexOfAny([',', '"', '\r', '\n']) < 0 ? safe : "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    [GeneratedRegex(@"^[+-]\d+(?:[.,]\d+)?\s*[\p{L}°%µΩ/]{0,6}(?:\s*(?:to|\.\.|~|…)\s*[+-]?\d+(?:[.,]\d+)?\s*[\p{L}°%µΩ/]{0,6})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SignedValue();
}
