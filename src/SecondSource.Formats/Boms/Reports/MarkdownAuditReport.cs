using System.Globalization;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reports;

/// <summary>Markdown for a pull-request comment: totals, a table of errors and warnings (capped), diagnostics folded.</summary>
public sealed class MarkdownAuditReport(TextWriter output) : IAuditReport
{
    private const int MaxRows = 300;
    private readonly List<AuditFinding> _findings = [];
    private BomSourceInfo? _source;

    public void Begin(BomSourceInfo source) => _source = source;

    public void Line(AuditedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _findings.AddRange(line.Findings);
    }

    public void End(AuditSummary summary, IReadOnlyList<BomDiagnostic> diagnostics, RowAccounting? rows)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(diagnostics);
        output.WriteLine($"## BOM audit: `{Escape(Path.GetFileName(_source!.File))}`");
        output.WriteLine();
        output.WriteLine($"{summary.Lines} lines, {summary.PopulatedLines} populated, **{summary.CriticalLines} critical**, {summary.DualSourcedCriticalLines} of them with two or more manufacturers.");
        output.WriteLine();
        output.WriteLine($"_{AuditReportText.DualSourcingRule}_");
        output.WriteLine();
        if (rows is not null)
        {
            output.WriteLine(Escape(rows.Summary()) + ".");
            output.WriteLine();
        }

        output.WriteLine("| Rule | Severity | Lines |");
        output.WriteLine("|---|---|---:|");
        foreach (var rule in BomAuditRules.All)
        {
            output.WriteLine($"| `{rule.Id}` | {AuditReportText.Severity(rule.Severity)} | {summary.FindingsPerRule[rule.Id].ToString(CultureInfo.InvariantCulture)} |");
        }

        var shown = _findings.Where(f => f.Severity >= FindingSeverity.Warning).OrderByDescending(f => f.Severity).ThenBy(f => f.Row).ToList();
        output.WriteLine();
        if (shown.Count == 0)
        {
            output.WriteLine("No errors or warnings.");
        }
        else
        {
            output.WriteLine("| Severity | Rule | Row | Designators | Finding |");
            output.WriteLine("|---|---|---:|---|---|");
            foreach (var f in shown.Take(MaxRows))
            {
                output.WriteLine($"| {AuditReportText.Severity(f.Severity)} | `{f.Rule.Id}` | {f.Row.ToString(CultureInfo.InvariantCulture)} | {Escape(string.Join(", ", f.Designators.Take(8)))} | {Escape(f.Message)} |");
            }

            if (shown.Count > MaxRows)
            {
                output.WriteLine();
                output.WriteLine($"…and {(shown.Count - MaxRows).ToString(CultureInfo.InvariantCulture)} more; run with `--output json` for all of them.");
            }
        }

        if (diagnostics.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"<details><summary>Reading the file: {diagnostics.Count.ToString(CultureInfo.InvariantCulture)} note(s)</summary>");
            output.WriteLine();
            foreach (var d in diagnostics)
            {
                var where = d.Row is { } r ? $"row {r.ToString(CultureInfo.InvariantCulture)}" : "file";
                output.WriteLine($"- {AuditReportText.Severity(d.Severity)}, {where}{(d.Column is { } c ? $", column `{Escape(c)}`" : "")}: {Escape(d.Message)}");
            }

            output.WriteLine();
            output.WriteLine("</details>");
        }
    }

    public void Dispose()
    {
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
