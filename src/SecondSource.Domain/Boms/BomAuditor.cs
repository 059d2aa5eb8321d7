using System.Globalization;
using SecondSource.Domain.Avl;

namespace SecondSource.Domain.Boms;

/// <summary>
/// A BOM line with the audit's verdicts. <see cref="DistinctManufacturers"/> counts the BOM's manufacturers in a file
/// audit; against the library it is the fewest usable manufacturers on any line that builds the product (or the
/// qualified ones when no line builds it yet), and <see cref="Sourcing"/> gives each line's count.
/// </summary>
public sealed record AuditedLine(BomLine Line, Criticality Criticality, int DistinctManufacturers, IReadOnlyList<AuditFinding> Findings)
{
    /// <summary>The library's part for the line; null in a file audit or when the line names no part number.</summary>
    public KnownPart? Part { get; init; }

    public IReadOnlyList<LineSourcing> Sourcing { get; init; } = [];
}

/// <summary>Totals of an audit, kept as lines stream through.</summary>
public sealed class AuditSummary
{
    private readonly int[] _counts = new int[BomAuditRules.All.Count];
    private readonly Dictionary<Guid, int> _dualByLine = [];

    public int Lines { get; private set; }

    public int PopulatedLines { get; private set; }

    public int CriticalLines { get; private set; }

    /// <summary>Critical lines with two or more distinct manufacturers.</summary>
    public int DualSourcedCriticalLines { get; private set; }

    public IReadOnlyDictionary<string, int> FindingsPerRule =>
        BomAuditRules.All.Select((r, i) => (r.Id, Count: _counts[i])).ToDictionary(x => x.Id, x => x.Count, StringComparer.Ordinal);

    public FindingSeverity? WorstSeverity { get; private set; }

    /// <summary>Critical lines dual-sourced on the given manufacturing line (library audit only).</summary>
    public int DualSourcedCriticalLinesOn(Guid lineId) => _dualByLine.GetValueOrDefault(lineId);

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

            foreach (var sourcing in audited.Sourcing.Where(s => s.DualSourced))
            {
                _dualByLine[sourcing.Line.Id] = _dualByLine.GetValueOrDefault(sourcing.Line.Id) + 1;
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
/// only the designators seen so far (for <c>duplicate-designator</c>) and the totals. Given a
/// <see cref="SourcingLibrary"/>, sources are judged by the library (qualification and each line's acceptance)
/// rather than by what the file lists, and the library-only rules apply.
/// </summary>
public sealed class BomAuditor(CriticalityPolicy policy, SourcingLibrary? library = null)
{
    private readonly DesignatorIndex _designators = new();

    public AuditSummary Summary { get; } = new();

    public AuditedLine Audit(BomLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var part = library?.PartOf(line);
        var criticality = part?.Criticality ?? policy.Decide(line);
        var sourcing = library is null ? [] : library.Sourcing(part);
        var distinct = library is null ? line.DistinctManufacturers
            : sourcing.Count > 0 ? sourcing.Min(s => s.UsableManufacturers)
            : part?.Sources.Where(s => s.Status == AvlStatus.Qualified).Select(s => s.ManufacturerKey).Distinct(StringComparer.Ordinal).Count() ?? 0;
        var findings = new Findings(line);
        var subject = Subject(line);
        if (!line.Dnp)
        {
            if (line.Generic)
            {
                findings.Add(BomAuditRules.GenericPart, $"{subject} {Is(line)} generic: any qualified maker may supply it.");
            }
            else
            {
                CheckSources(line, criticality, distinct, subject, ref findings, library is not null);
                if (library is not null)
                {
                    CheckLibrary(line, part, sourcing, criticality, subject, ref findings);
                }
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

        var audited = new AuditedLine(line, criticality, distinct, findings.List ?? (IReadOnlyList<AuditFinding>)[]) { Part = part, Sourcing = sourcing };
        Summary.Add(audited);
        return audited;
    }

    private static void CheckSources(BomLine line, Criticality criticality, int distinct, string subject, ref Findings findings, bool againstLibrary)
    {
        var withMpn = 0;
        var recognised = 0;
        BomSource? firstNamed = null;
        foreach (var source in line.Sources)
        {
            if (source.ManufacturerKey is not null)
            {
                firstNamed ??= source;
                recognised++;
            }

            if (source.Mpn.Length > 0)
            {
                withMpn++;
                if (source.ManufacturerKey is null && source.Manufacturer.Length == 0)
                {
                    findings.Add(BomAuditRules.MissingManufacturer, $"{subject}: part number {source.Mpn} has no manufacturer.");
                }
            }
        }

        var unverified = line.UnverifiedManufacturers;
        if (unverified.Count > 0)
        {
            findings.Add(BomAuditRules.UnverifiedManufacturer,
                $"{subject}: {Quoted(unverified)} {(unverified.Count == 1 ? "is not a manufacturer" : "are not manufacturers")} the catalogue, your aliases file or the library knows; "
                + $"{(unverified.Count == 1 ? "it counts" : "they count")} towards no second source until confirmed.");
        }

        // A line with neither designators nor a named source is an assembly or heading row, not a part to buy.
        if (withMpn == 0 && (line.Designators.Count > 0 || line.Sources.Count > 0))
        {
            findings.Add(BomAuditRules.MissingMpn, line.Sources.Count == 0
                ? subject + " has no manufacturer part number."
                : $"{subject}: {string.Join(", ", line.Sources.Select(s => s.Manufacturer))} without a part number.");
        }

        if (recognised >= 2 && line.DistinctManufacturers == 1 && unverified.Count == 0)
        {
            findings.Add(BomAuditRules.SingleManufacturerAlternates,
                $"{subject}: {recognised.ToString(CultureInfo.InvariantCulture)} sources ({string.Join(", ", line.Sources.Where(s => s.ManufacturerKey is not null).Select(s => s.Mpn))}), all from {firstNamed!.Manufacturer}.");
        }

        if (againstLibrary)
        {
            // The library's verdict on single sourcing is per line: see CheckLibrary.
            return;
        }

        var unverifiedNote = unverified.Count == 0 ? "" : $"; {Quoted(unverified)} unverified";
        if (criticality.Critical && distinct < 2)
        {
            findings.Add(BomAuditRules.SingleSourceCritical, distinct == 0
                ? $"{subject} {Is(line)} critical and {Has(line)} no recognised manufacturer{unverifiedNote}."
                : $"{subject} {Is(line)} critical and single-sourced: only {firstNamed!.Manufacturer} {NamedPartNumbers(line)}{unverifiedNote}.");
        }
        else if (!criticality.Critical && distinct == 1)
        {
            findings.Add(BomAuditRules.SingleSource, $"{subject} {Has(line)} one manufacturer; not critical ({criticality.Reason}).");
        }
    }

    /// <summary>The verb for the line's subject: "C1 is", "C1,C2 are" (a line without designators is one row).</summary>
    private static string Is(BomLine line) => line.Designators.Count > 1 ? "are" : "is";

    private static string Has(BomLine line) => line.Designators.Count > 1 ? "have" : "has";

    private static string Quoted(IReadOnlyList<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private void CheckLibrary(BomLine line, KnownPart? part, IReadOnlyList<LineSourcing> sourcing, Criticality criticality, string subject, ref Findings findings)
    {
        var sources = part?.Sources ?? [];
        foreach (var listed in line.Sources.Where(s => s.Mpn.Length > 0))
        {
            var known = part?.Find(listed);
            if (known is null)
            {
                findings.Add(BomAuditRules.AvlMismatch, $"{subject}: the BOM lists {$"{listed.Manufacturer} {listed.Mpn}".Trim()}, which the AVL does not know for this part.");
            }
            else if (known.Status is AvlStatus.Rejected or AvlStatus.Retired)
            {
                findings.Add(BomAuditRules.AvlMismatch, $"{subject}: the BOM lists {known.Display}, which the AVL has {known.Status.ToString().ToLowerInvariant()}.");
            }
        }

        foreach (var source in sources)
        {
            if (source.Status is AvlStatus.Proposed or AvlStatus.InQualification)
            {
                findings.Add(BomAuditRules.AlternateUnqualified,
                    $"{subject}: {source.Display} is {(source.Status == AvlStatus.Proposed ? "proposed" : "in qualification")}, not yet a source.");
            }

            if (source.Status == AvlStatus.Qualified)
            {
                foreach (var buildLine in library!.Lines.Where(l => source.On(l) != AcceptanceState.Accepted))
                {
                    var state = source.On(buildLine);
                    findings.Add(BomAuditRules.AlternateNotAccepted,
                        state == AcceptanceState.Refused
                            ? $"{subject}: {source.Display} is qualified but refused by {buildLine.Name}."
                            : $"{subject}: {source.Display} is qualified and awaits acceptance by {buildLine.Name}.",
                        [buildLine.Name]);
                }
            }

            if (source.Status is not (AvlStatus.Rejected or AvlStatus.Retired) && source.Lifecycle is Lifecycle.Nrnd or Lifecycle.Eol)
            {
                findings.Add(BomAuditRules.LifecycleRisk,
                    $"{subject}: {source.Display} is {(source.Lifecycle == Lifecycle.Eol ? "at end of life" : "not recommended for new designs")}.");
            }
        }

        var qualified = sources.Where(s => s.Status == AvlStatus.Qualified).DistinctBy(s => s.ManufacturerKey).Select(s => s.ManufacturerName).ToList();
        var shortLines = sourcing.Where(s => !s.DualSourced).ToList();
        if (criticality.Critical)
        {
            if (sourcing.Count == 0 && qualified.Count < 2)
            {
                findings.Add(BomAuditRules.SingleSourceCritical, $"{subject} {Is(line)} critical and {Has(line)} {Manufacturers(qualified)} qualified; it needs two.");
            }
            else if (shortLines.Count > 0)
            {
                findings.Add(BomAuditRules.SingleSourceCritical,
                    $"{subject} {Is(line)} critical and not dual-sourced on " + string.Join("; ", shortLines.Select(s => $"{s.Line.Name} ({Manufacturers(s.UsableNames)} usable)")) + ".",
                    [.. shortLines.Select(s => s.Line.Name)]);
            }
        }
        else if ((sourcing.Count == 0 ? qualified.Count : sourcing.Min(s => s.UsableManufacturers)) == 1)
        {
            findings.Add(BomAuditRules.SingleSource, $"{subject} {Has(line)} one usable manufacturer; not critical ({criticality.Reason}).");
        }
    }

    private static string Manufacturers(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "no manufacturer",
        1 => "only " + names[0],
        _ => string.Join(" and ", names),
    };

    private static string NamedPartNumbers(BomLine line)
    {
        if (line.Sources.Count == 1)
        {
            return line.Sources[0].Mpn;
        }

        var first = line.Sources.First(s => s.ManufacturerKey is not null).ManufacturerKey;
        return string.Join(" / ", line.Sources.Where(s => s.ManufacturerKey == first).Select(s => s.Mpn));
    }

    /// <summary>The findings of one line, allocated only when there is one.</summary>
    private struct Findings(BomLine line)
    {
        public List<AuditFinding>? List { get; private set; }

        public void Add(AuditRule rule, string message, IReadOnlyList<string>? lines = null) =>
            (List ??= new List<AuditFinding>(2)).Add(new AuditFinding(rule, line.Row, line.Designators, message) { Lines = lines ?? [] });
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
