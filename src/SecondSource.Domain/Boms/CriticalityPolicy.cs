using SecondSource.Domain.Common;

namespace SecondSource.Domain.Boms;

/// <summary>Whether a line needs two qualified sources, and why.</summary>
public sealed record Criticality(bool Critical, string Reason);

/// <summary>
/// Decides which BOM lines are critical. A line is critical unless it is DNP, marked generic ("any qualified
/// maker"), said not critical by a criticality column, has no reference designator (mechanical, packaging and
/// assembly lines), or all its designators have a non-critical prefix (default: passives, test points,
/// fiducials, holes). Teams keep a small policy file next to their BOM to change the defaults
/// (docs/bom-audit.md).
/// </summary>
public sealed class CriticalityPolicy
{
    /// <summary>Prefixes whose parts any maker's equivalent can replace.</summary>
    public static readonly IReadOnlyList<string> DefaultNonCriticalPrefixes =
        ["R", "RN", "RA", "C", "CN", "FB", "TP", "MK", "H", "MH", "FID", "NT", "JP", "SJ", "LOGO"];

    private readonly HashSet<string> _nonCritical;

    private CriticalityPolicy(IEnumerable<string> nonCriticalPrefixes, bool linesWithoutDesignatorsCritical)
    {
        _nonCritical = new HashSet<string>(nonCriticalPrefixes.Select(p => p.Trim().ToUpperInvariant()).Where(p => p.Length > 0), StringComparer.Ordinal);
        LinesWithoutDesignatorsCritical = linesWithoutDesignatorsCritical;
    }

    public static CriticalityPolicy Default { get; } = new(DefaultNonCriticalPrefixes, false);

    public IReadOnlyCollection<string> NonCriticalPrefixes => _nonCritical;

    public bool LinesWithoutDesignatorsCritical { get; }

    /// <summary>
    /// Reads a policy file of <c>key = value</c> lines: <c>non-critical-prefixes = R, C, FB</c> (replaces the
    /// default list), <c>also-non-critical = L</c> (adds to it), <c>critical-prefixes = C</c> (removes from it),
    /// <c>lines-without-designators = critical | non-critical</c>. Unknown keys are refused with their line.
    /// </summary>
    public static CriticalityPolicy Parse(IEnumerable<string> lines, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var prefixes = new List<string>(DefaultNonCriticalPrefixes);
        var withoutDesignators = false;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new DomainException($"{sourceName}, line {number}: expected 'key = value', got '{line}'.");
            }

            var key = line[..eq].Trim().ToLowerInvariant();
            var value = line[(eq + 1)..].Trim();
            var list = value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.ToUpperInvariant()).ToList();
            switch (key)
            {
                case "non-critical-prefixes":
                    prefixes = list;
                    break;
                case "also-non-critical":
                    prefixes.AddRange(list);
                    break;
                case "critical-prefixes":
                    prefixes.RemoveAll(list.Contains);
                    break;
                case "lines-without-designators":
                    withoutDesignators = value.ToLowerInvariant() switch
                    {
                        "critical" => true,
                        "non-critical" => false,
                        _ => throw new DomainException($"{sourceName}, line {number}: lines-without-designators is 'critical' or 'non-critical', not '{value}'."),
                    };
                    break;
                default:
                    throw new DomainException($"{sourceName}, line {number}: unknown key '{key}'; use non-critical-prefixes, also-non-critical, critical-prefixes or lines-without-designators.");
            }
        }

        return new CriticalityPolicy(prefixes, withoutDesignators);
    }

    public Criticality Decide(BomLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Dnp)
        {
            return new Criticality(false, "not populated (DNP)");
        }

        if (line.CriticalInFile is { } inFile)
        {
            return new Criticality(inFile, inFile ? "marked critical in the file" : "marked not critical in the file");
        }

        if (line.Generic)
        {
            return new Criticality(false, "generic part: any qualified maker");
        }

        if (line.Designators.Count == 0)
        {
            return LinesWithoutDesignatorsCritical
                ? new Criticality(true, "no reference designator; the policy counts such lines as critical")
                : new Criticality(false, "no reference designator (mechanical, packaging or assembly line)");
        }

        foreach (var designator in line.Designators)
        {
            var prefix = ReferenceDesignators.Prefix(designator);
            if (!_nonCritical.Contains(prefix))
            {
                return new Criticality(true, $"{prefix} is not a non-critical prefix");
            }
        }

        return new Criticality(false, $"{ReferenceDesignators.Prefix(line.Designators[0])} is a non-critical prefix");
    }
}
