using System.Globalization;

namespace SecondSource.Domain.Boms;

/// <summary>A BOM line with the audit's verdicts.</summary>
public sealed record AuditedLine(BomLine Line, Criticality Criticality, int DistinctManufacturers, IReadOnlyList<AuditFinding> Findings);

/// <summary>Totals of an audit, kept as lines stream through.</summary>
public sealed class AuditSummary
{
    private readonly int[] _counts = new int[BomAuditRules.All.Count];

    public int Lines { get; private set; }

    public int PopulatedLines { get; private set; }

    public int CriticalLines { get; private set; }

    /// <summary>Critical lines with two or more distinct manufacturers.</summary>
    public int DualSourcedCriticalLines { get; private set; }

    public IReadOnlyDictionary<string, int> FindingsPerRule =>
        BomAuditRules.All.Select((r, i) => (r.Id, Count: _counts[i])).ToDictionary(x => x.Id, x => x.Count, StringComparer.Ordinal);

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
            _counts[finding.Rule.Index]++;
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
    private readonly DesignatorIndex _designators = new();

    public AuditSummary Summary { get; } = new();

    public AuditedLine Audit(BomLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var criticality = policy.Decide(line);
        var distinct = line.DistinctManufacturers;
        var findings = new Findings(line);
        var subject = Subject(line);
        if (!line.Dnp)
        {
            if (line.Generic)
            {
                findings.Add(BomAuditRules.GenericPart, subject + " is generic: any qualified maker may supply it.");
            }
            else
            {
                CheckSources(line, criticality, distinct, subject, ref findings);
            }
        }

        foreach (var designator in line.Designators)
        {
            if (_designators.FirstRow(designator, line.Row) is { } first)
            {
                findings.Add(BomAuditRules.DuplicateDesignator, $"{designator} is also on row {first.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        if (line.Quantity is { } quantity && line.Designators.Count > 0 && quantity != line.Designators.Count && decimal.Truncate(quantity) == quantity)
        {
            findings.Add(BomAuditRules.QuantityMismatch,
                $"{subject}: quantity {quantity.ToString(CultureInfo.InvariantCulture)} but {line.Designators.Count.ToString(CultureInfo.InvariantCulture)} designators.");
        }

        var audited = new AuditedLine(line, criticality, distinct, findings.List ?? (IReadOnlyList<AuditFinding>)[]);
        Summary.Add(audited);
        return audited;
    }

    private static void CheckSources(BomLine line, Criticality criticality, int distinct, string subject, ref Findings findings)
    {
        var withMpn = 0;
        BomSource? firstNamed = null;
        foreach (var source in line.Sources)
        {
            if (source.ManufacturerKey is not null)
            {
                firstNamed ??= source;
            }

            if (source.Mpn.Length > 0)
            {
                withMpn++;
                if (source.ManufacturerKey is null)
                {
                    findings.Add(BomAuditRules.MissingManufacturer, $"{subject}: part number {source.Mpn} has no manufacturer.");
                }
            }
        }

        // A line with neither designators nor a named source is an assembly or heading row, not a part to buy.
        if (withMpn == 0 && (line.Designators.Count > 0 || line.Sources.Count > 0))
        {
            findings.Add(BomAuditRules.MissingMpn, line.Sources.Count == 0
                ? subject + " has no manufacturer part number."
                : $"{subject}: {string.Join(", ", line.Sources.Select(s => s.Manufacturer))} without a part number.");
        }

        if (line.Sources.Count >= 2 && distinct == 1)
        {
            findings.Add(BomAuditRules.SingleManufacturerAlternates,
                $"{subject}: {line.Sources.Count.ToString(CultureInfo.InvariantCulture)} sources ({string.Join(", ", line.Sources.Select(s => s.Mpn))}), all from {firstNamed!.Manufacturer}.");
        }

        if (criticality.Critical && distinct < 2)
        {
            findings.Add(BomAuditRules.SingleSourceCritical, distinct == 0
                ? subject + " is critical and has no identified manufacturer."
                : $"{subject} is critical and single-sourced: only {firstNamed!.Manufacturer} {NamedPartNumbers(line)}.");
        }
        else if (!criticality.Critical && distinct == 1)
        {
            findings.Add(BomAuditRules.SingleSource, $"{subject} has one manufacturer; not critical ({criticality.Reason}).");
        }
    }

    private static string NamedPartNumbers(BomLine line)
    {
        if (line.Sources.Count == 1)
        {
            return line.Sources[0].Mpn;
        }

        return string.Join(" / ", line.Sources.Where(s => s.ManufacturerKey is not null).Select(s => s.Mpn));
    }

    /// <summary>The findings of one line, allocated only when there is one.</summary>
    private struct Findings(BomLine line)
    {
        public List<AuditFinding>? List { get; private set; }

        public void Add(AuditRule rule, string message) => (List ??= new List<AuditFinding>(2)).Add(new AuditFinding(rule, line.Row, line.Designators, message));
    }

    private static string Subject(BomLine line)
    {
        if (line.Designators.Count == 0)
        {
            return $"Row {line.Row.ToString(CultureInfo.InvariantCulture)}";
        }

        if (line.Designators.Count == 1)
        {
            return line.Designators[0];
        }

        return line.Designators.Count <= 4
            ? string.Join(",", line.Designators)
            : $"{string.Join(",", line.Designators.Take(3))} and {(line.Designators.Count - 3).ToString(CultureInfo.InvariantCulture)} more";
    }
}
