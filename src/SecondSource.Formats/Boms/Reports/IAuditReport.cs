using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reports;

/// <summary>
/// A report of a BOM audit, written as the lines stream through: <see cref="Begin"/> once, <see cref="Line"/> per
/// line in file order, <see cref="End"/> once with the totals and the reader's diagnostics.
/// </summary>
public interface IAuditReport : IDisposable
{
    void Begin(BomSourceInfo source);

    void Line(AuditedLine line);

    void End(AuditSummary summary, IReadOnlyList<BomDiagnostic> diagnostics);
}

/// <summary>Names used by every report.</summary>
public static class AuditReportText
{
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
