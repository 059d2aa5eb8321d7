using System.Globalization;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Vault;

/// <summary>
/// A golden unit: a physical, characterised board the lines compare against — its serial number, where it is now
/// (site, room, cabinet, or in transit), and a note (who holds it, what it was characterised for).
/// </summary>
public sealed record GoldenUnit(string Serial, string Location, string? Note);

/// <summary>The golden-unit list as the buyer edits it: one unit per line, "serial; location; note".</summary>
public static class GoldenUnitList
{
    public const int MaxUnits = 500;

    /// <summary>Parses the edited text; a <see cref="DomainException"/> names the line and the cause.</summary>
    public static IReadOnlyList<GoldenUnit> Parse(string? text)
    {
        var units = new List<GoldenUnit>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var where = $"Line {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var parts = lines[i].Split(';', 3);
            if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0]) || string.IsNullOrWhiteSpace(parts[1]))
            {
                throw new DomainException($"{where}: write 'serial; location; note' (the serial number and where the unit is are required).");
            }

            var unit = new GoldenUnit(
                Guard.RequiredText(parts[0], $"{where}: serial number", 100),
                Guard.RequiredText(parts[1], $"{where}: location", 300),
                parts.Length == 3 && !string.IsNullOrWhiteSpace(parts[2]) ? Guard.RequiredText(parts[2], $"{where}: note", 500) : null);
            if (units.Any(u => string.Equals(u.Serial, unit.Serial, StringComparison.OrdinalIgnoreCase)))
            {
                throw new DomainException($"{where}: serial number {unit.Serial} is listed twice.");
            }

            units.Add(unit);
        }

        if (units.Count == 0)
        {
            throw new DomainException("List at least one golden unit.");
        }

        return units.Count > MaxUnits ? throw new DomainException($"At most {MaxUnits} golden units; this list has {units.Count}.") : units;
    }

    /// <summary>The list as the edit box shows it.</summary>
    public static string Format(IEnumerable<GoldenUnit> units) =>
        string.Join("\n", (units ?? []).Select(u => u.Note is null ? $"{u.Serial}; {u.Location}" : $"{u.Serial}; {u.Location}; {u.Note}"));
}
