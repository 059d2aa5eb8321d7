using System.Collections.Concurrent;
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

    private static readonly Criticality NotPopulated = new(false, "not populated (DNP)");
    private static readonly Criticality GenericPart = new(false, "generic part: any qualified maker");
    private static readonly Criticality MarkedCritical = new(true, "marked critical in the file");
    private static readonly Criticality MarkedNotCritical = new(false, "marked not critical in the file");
    private static readonly Criticality NoDesignatorCritical = new(true, "no reference designator; the policy counts such lines as critical");
    private static readonly Criticality NoDesignatorNotCritical = new(false, "no reference designator (mechanical, packaging or assembly line)");

    private readonly HashSet<string> _nonCritical;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nonCriticalBySpan;

    // Verdicts are shared per prefix (a BOM of a million lines has a few dozen prefixes); the policy is shared
    // across threads, hence the concurrent dictionary.
    private readonly ConcurrentDictionary<string, Criticality> _byPrefix = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Criticality>.AlternateLookup<ReadOnlySpan<char>> _byPrefixSpan;

    private CriticalityPolicy(IEnumerable<string> nonCriticalPrefixes, bool linesWithoutDesignatorsCritical)
    {
        _nonCritical = new HashSet<string>(nonCriticalPrefixes.Select(p => p.Trim().ToUpperInvariant()).Where(p => p.Length > 0), StringComparer.Ordinal);
        _nonCriticalBySpan = _nonCritical.GetAlternateLookup<ReadOnlySpan<char>>();
        _byPrefixSpan = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
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
        foreach (var (number, rawKey, value) in KeyValueLines.Parse(lines, sourceName, "key = value"))
        {
            var key = rawKey.ToLowerInvariant();
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
            return NotPopulated;
        }

        if (line.CriticalInFile is { } inFile)
        {
            return inFile ? MarkedCritical : MarkedNotCritical;
        }

        if (line.Generic)
        {
            return GenericPart;
        }

        if (line.Designators.Count == 0)
        {
            return LinesWithoutDesignatorsCritical ? NoDesignatorCritical : NoDesignatorNotCritical;
        }

        foreach (var designator in line.Designators)
        {
            var prefix = PrefixSpan(designator);
            if (!_nonCriticalBySpan.Contains(prefix))
            {
                return Verdict(prefix, critical: true);
            }
        }

        return Verdict(PrefixSpan(line.Designators[0]), critical: false);
    }

    private static ReadOnlySpan<char> PrefixSpan(string designator)
    {
        var end = 0;
        while (end < designator.Length && char.IsAsciiLetter(designator[end]))
        {
            end++;
        }

        return designator.AsSpan(0, end);
    }

    private Criticality Verdict(ReadOnlySpan<char> prefix, bool critical)
    {
        if (_byPrefixSpan.TryGetValue(prefix, out var known))
        {
            return known;
        }

        var text = prefix.ToString();
        var verdict = critical
            ? new Criticality(true, $"prefix {text} is not on the non-critical list")
            : new Criticality(false, $"prefix {text} is on the non-critical list");
        return _byPrefix.GetOrAdd(text, verdict);
    }
}
