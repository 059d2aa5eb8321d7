using System.Text.RegularExpressions;

namespace SecondSource.Formats.Boms.Export;

/// <summary>
/// The one formula guard for every spreadsheet-bound export (CSV and XLSX; docs/avl.md, "Flagged export"): a text
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

    [GeneratedRegex(@"^[+-]\d+(?:[.,]\d+)?\s*[\p{L}°%µΩ/]{0,6}(?:\s*(?:to|\.\.|~|…)\s*[+-]?\d+(?:[.,]\d+)?\s*[\p{L}°%µΩ/]{0,6})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SignedValue();
}
