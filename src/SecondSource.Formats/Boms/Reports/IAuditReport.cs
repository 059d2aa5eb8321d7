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

    public static string Format(BomFileFormat format) => format switch
    {
        BomFileFormat.Ipc2581 => "ipc2581",
        _ => format.ToString().ToLowerInvariant(),
    };
}
