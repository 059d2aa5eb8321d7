using System.Globalization;

namespace SecondSource.Domain.Boms;

/// <summary>A BOM line with the audit's verdicts.</summary>
public sealed record AuditedLine(BomLine Line, Criticality Criticality, int DistinctManufacturers, IReadOnlyList<AuditFinding> Findings);

/// <summary>Totals of an audit, kept as lines stream through.</summary>
public sealed class AuditSummary
{
    private readonly Dictionary<string, int> _perRule = BomAuditRules.All.ToDictionary(r => r.Id, _ => 0, StringComparer.Ordinal);

    public int Lines { get; private set; }

    public int PopulatedLines { get; private set; }

    public int CriticalLines { get; private set; }

    /// <summary>Critical lines with two or more distinct manufacturers.</summary>
    public int DualSourcedCriticalLines { get; private set; }

    public IReadOnlyDictionary<string, int> FindingsPerRule => _perRule;

    public FindingSeverity? WorstSeverity { get; private set; }

    internal void Add(AuditedLine audited)
    {
        Lines++;
        if (!audited.Line.Dnp)
        {
            PopulatedLines++;
        }

        if (audited.Criticality.Critical)
        {
            CriticalLines++;
            if (audited.DistinctManufacturers >= 2)
            {
                DualSourcedCriticalLines++;
            }
        }

        foreach (var finding in audited.Findings)
        {
            _perRule[finding.Rule.Id]++;
            if (WorstSeverity is null || finding.Severity > WorstSeverity)
            {
                WorstSeverity = finding.Severity;
            }
        }
    }

    /// <summary>True when any finding is at or above <paramref name="threshold"/>.</summary>
    public bool HasFindingsAtOrAbove(FindingSeverity threshold) => WorstSeverity is { } worst && worst >= threshold;
}

/// <summary>
/// The dual-AVL audit of a BOM, one line at a time so that a file of any size streams through it. Remembers
/// only the designators seen so far (for <c>duplicate-designator</c>) and the totals.
/// </summary>
public sealed class BomAuditor(CriticalityPolicy policy)
{
    private readonly Dictionary<string, int> _designatorRows = new(StringComparer.Ordinal);

    public AuditSummary Summary { get; } = new();

    public AuditedLine Audit(BomLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var criticality = policy.Decide(line);
        var distinct = line.DistinctManufacturers;
        List<AuditFinding>? findings = null;
        void Report(AuditRule rule, string message) => (findings ??= []).Add(new AuditFinding(rule, line.Row, line.Designators, message));

        var subject = Subject(line);
        if (!line.Dnp)
        {
            if (line.Generic)
            {
                Report(BomAuditRules.GenericPart, $"{subject} is generic: any qualified maker may supply it.");
            }
            else
            {
                CheckSources(line, criticality, distinct, subject, Report);
            }
        }

        foreach (var designator in line.Designators)
        {
            if (!_designatorRows.TryAdd(designator, line.Row))
            {
                Report(BomAuditRules.DuplicateDesignator, $"{designator} is also on row {_designatorRows[designator].ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        if (line.Quantity is { } quantity && line.Designators.Count > 0 && quantity != line.Designators.Count && decimal.Truncate(quantity) == quantity)
        {
            Report(BomAuditRules.QuantityMismatch,
                $"{subject}: quantity {quantity.ToString(CultureInfo.InvariantCulture)} but {line.Designators.Count.ToString(CultureInfo.InvariantCulture)} designators.");
        }

        var audited = new AuditedLine(line, criticality, distinct, findings ?? (IReadOnlyList<AuditFinding>)[]);
        Summary.Add(audited);
        return audited;
    }

    private static void CheckSources(BomLine line, Criticality criticality, int distinct, string subject, Action<AuditRule, string> report)
    {
        var withMpn = 0;
        foreach (var source in line.Sources)
        {
            if (source.Mpn.Length > 0)
            {
                withMpn++;
                if (source.ManufacturerKey is null)
                {
                    report(BomAuditRules.MissingManufacturer, $"{subject}: part number {source.Mpn} has no manufacturer.");
                }
            }
        }

        // A line with neither designators nor a named source is an assembly or heading row, not a part to buy.
        if (withMpn == 0 && (line.Designators.Count > 0 || line.Sources.Count > 0))
        {
            report(BomAuditRules.MissingMpn, line.Sources.Count == 0
                ? $"{subject} has no manufacturer part number."
                : $"{subject}: {string.Join(", ", line.Sources.Select(s => s.Manufacturer))} without a part number.");
        }

        if (line.Sources.Count >= 2 && distinct == 1)
        {
            report(BomAuditRules.SingleManufacturerAlternates,
                $"{subject}: {line.Sources.Count.ToString(CultureInfo.InvariantCulture)} sources ({string.Join(", ", line.Sources.Select(s => s.Mpn))}), all from {line.Sources.First(s => s.ManufacturerKey is not null).Manufacturer}.");
        }

        if (criticality.Critical && distinct < 2)
        {
            report(BomAuditRules.SingleSourceCritical, distinct == 0
                ? $"{subject} is critical and has no identified manufacturer."
                : $"{subject} is critical and single-sourced: only {line.Sources.First(s => s.ManufacturerKey is not null).Manufacturer} {string.Join(" / ", line.Sources.Where(s => s.ManufacturerKey is not null).Select(s => s.Mpn))}.");
        }
        else if (!criticality.Critical && distinct == 1)
        {
            report(BomAuditRules.SingleSource, $"{subject} has one manufacturer; not critical ({criticality.Reason}).");
        }
    }

    private static string Subject(BomLine line)
    {
        if (line.Designators.Count == 0)
        {
            return $"Row {line.Row.ToString(CultureInfo.InvariantCulture)}";
        }

        return line.Designators.Count <= 4
            ? string.Join(",", line.Designators)
            : $"{string.Join(",", line.Designators.Take(3))} and {(line.Designators.Count - 3).ToString(CultureInfo.InvariantCulture)} more";
    }
}
