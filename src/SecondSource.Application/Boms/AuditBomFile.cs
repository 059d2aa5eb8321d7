using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Formats.Boms.Reports;

namespace SecondSource.Application.Boms;

/// <summary>A BOM file to audit on its own, without a database.</summary>
public sealed record AuditBomFileRequest(string Path, BomReadOptions ReadOptions, CriticalityPolicy Policy);

public sealed record AuditBomFileResult(BomSourceInfo Source, AuditSummary Summary, IReadOnlyList<BomDiagnostic> Diagnostics, RowAccounting Rows);

/// <summary>
/// Reads a BOM file and runs the dual-AVL audit over it, streaming each line from the reader through the
/// auditor into the report, so that a file of any size is audited in bounded memory. Bad input surfaces as a
/// <see cref="BomFileException"/> naming the file, row and column.
/// </summary>
public sealed class AuditBomFileHandler
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Use-case handlers are instances by convention, so hosts treat them alike.")]
    public AuditBomFileResult Handle(AuditBomFileRequest request, IAuditReport report)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(report);
        var stream = BomFileAccess.OpenRead(request.Path);
        using (stream)
        {
            var document = BomReader.Open(request.Path, stream, request.ReadOptions);
            var auditor = new BomAuditor(request.Policy);
            report.Begin(document.Info);
            foreach (var line in document.ReadLines())
            {
                report.Line(auditor.Audit(line));
            }

            report.End(auditor.Summary, document.Diagnostics, document.Rows);
            return new AuditBomFileResult(document.Info, auditor.Summary, document.Diagnostics, document.Rows);
        }
    }
}
