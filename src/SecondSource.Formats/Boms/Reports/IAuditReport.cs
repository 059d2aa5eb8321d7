using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reports;

/// <summary>
/// A report of a BOM audit, written as the lines stream through: <see cref="Begin"/> once, <see cref="Line"/> per
/// line in file order, <see cref="End"/> once with the totals, the reader's diagnostics and what each row of the file
/// became (null for a stored revision, which keeps its lines, not its file's rows).
/// </summary>
public interface IAuditReport : IDisposable
{
    void Begin(BomSourceInfo source);

    void Line(AuditedLine line);

    void End(AuditSummary summary, IReadOnlyList<BomDiagnostic> diagnostics, RowAccounting? rows);
}

/// <summary>Names used by every report.</summary>
public static class AuditReportText
{
    /// <summary>The rule a verdict of dual sourcing follows, stated in every report.</summary>
    public const string DualSourcingRule =
        "A line is dual-sourced only with two distinct manufacturers that are recognised (the catalogue, your aliases file or the library); a name nobody has confirmed counts towards nothing, a distributor is never a source.";

    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Writes each unverified maker on a line of its own, "  NAME (row 4, 9)", then how many more were not listed.</summary>
    public static void WriteUnverified(TextWriter output, UnverifiedMakers unverified)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(unverified);
        foreach (var maker in unverified.List())
        {
            output.WriteLine($"  {maker.Name} (row {string.Join(", ", maker.Rows.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)))})");
        }

        if (unverified.NotListed > 0)
        {
            output.WriteLine($"  … and {unverified.NotListed.ToString(System.Globalization.CultureInfo.InvariantCulture)} more names (--output json lists every finding).");
        }
    }

    public static string Format(BomFileFormat format) => format switch
    {
        BomFileFormat.Ipc2581 => "ipc2581",
        _ => format.ToString().ToLowerInvariant(),
    };
}
