using System.Globalization;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reports;

/// <summary>
/// The report for people at a terminal: what was read, then every error and warning with its row, then the
/// informational findings counted by rule, then the totals. Coloured when the output is a terminal. The makers nobody
/// has confirmed are listed with the command that confirms one (<paramref name="confirmHint"/>: an aliases file for a
/// file audit, the library for a stored revision).
/// </summary>
public sealed class TextAuditReport(TextWriter output, bool color, string? confirmHint = null) : IAuditReport
{
    /// <summary>How a maker is confirmed for the audit of a file.</summary>
    public const string FileConfirmHint = "secondsource bom aliases add \"NAME\" [--same-as \"Maker\"] --file aliases.txt, then audit with --aliases aliases.txt";

    /// <summary>How a maker is confirmed for every stored revision (the library).</summary>
    public const string LibraryConfirmHint = "secondsource avl manufacturer confirm \"NAME\" [--same-as \"Maker\"] (or the revision's page)";

    private readonly List<AuditFinding> _findings = [];
    private readonly UnverifiedMakers _unverified = new();

    public void Begin(BomSourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var how = new List<string> { AuditReportText.Format(source.Format) };
        if (source.Encoding is { } e)
        {
            how.Add(e);
        }

        if (source.Delimiter is { } d)
        {
            how.Add($"delimiter '{d}'");
        }

        if (source.Sheet is { } s)
        {
            how.Add($"sheet '{s}'");
        }

        if (source.HeaderRow is { } h)
        {
            how.Add($"header row {h.ToString(CultureInfo.InvariantCulture)}");
        }

        output.WriteLine($"{source.File} ({string.Join(", ", how)})");
        if (source.Columns.Count > 0)
        {
            output.WriteLine($"Columns: {string.Join("; ", source.Columns.Select(c => $"{c.Key} = {c.Value}"))}");
        }
    }

    public void Line(AuditedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _findings.AddRange(line.Findings);
        _unverified.Add(line.Line);
    }

    public void End(AuditSummary summary, IReadOnlyList<BomDiagnostic> diagnostics, RowAccounting? rows)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var shown = _findings.Where(f => f.Severity >= FindingSeverity.Warning).OrderByDescending(f => f.Severity).ThenBy(f => f.Row).ToList();
        output.WriteLine();
        if (shown.Count > 0)
        {
            var ruleWidth = shown.Max(f => f.Rule.Id.Length);
            foreach (var f in shown)
            {
                output.WriteLine($"{Paint(f.Severity, AuditReportText.Severity(f.Severity).PadRight(7))} {f.Rule.Id.PadRight(ruleWidth)}  row {f.Row.ToString(CultureInfo.InvariantCulture).PadLeft(5)}  {f.Message}");
            }
        }
        else
        {
            output.WriteLine("No errors or warnings.");
        }

        var info = _findings.Where(f => f.Severity == FindingSeverity.Info).GroupBy(f => f.Rule.Id).ToList();
        foreach (var group in info)
        {
            output.WriteLine($"{Paint(FindingSeverity.Info, "info   ")} {group.Key}: {group.Count().ToString(CultureInfo.InvariantCulture)} line(s) (--output json lists them)");
        }

        var notable = diagnostics.Where(d => d.Severity >= FindingSeverity.Warning).ToList();
        if (notable.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Reading the file:");
            foreach (var d in notable)
            {
                var where = d.Row is { } r ? $"row {r.ToString(CultureInfo.InvariantCulture)}" : "file";
                output.WriteLine($"  {Paint(d.Severity, AuditReportText.Severity(d.Severity))} {where}{(d.Column is { } c ? $", column '{c}'" : "")}: {d.Message}");
            }
        }

        if (_unverified.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Makers nobody has confirmed (they count towards no second source):");
            AuditReportText.WriteUnverified(output, _unverified);

            output.WriteLine($"  Confirm one with: {confirmHint ?? FileConfirmHint}");
        }

        var errors = _findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = _findings.Count(f => f.Severity == FindingSeverity.Warning);
        output.WriteLine();
        output.WriteLine(
            $"{summary.Lines} lines ({summary.PopulatedLines} populated), {summary.CriticalLines} critical, " +
            $"{summary.DualSourcedCriticalLines} of them with two or more manufacturers; {errors} error(s), {warnings} warning(s).");
        output.WriteLine(AuditReportText.DualSourcingRule);
        if (rows is not null)
        {
            output.WriteLine(rows.Summary() + ".");
        }
    }

    public void Dispose()
    {
    }

    private string Paint(FindingSeverity severity, string text)
    {
        if (!color)
        {
            return text;
        }

        var code = severity switch
        {
            FindingSeverity.Error => "31",
            FindingSeverity.Warning => "33",
            _ => "36",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }
}
