using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Formats.Boms.Reports;

namespace SecondSource.Application.Boms;

/// <summary>A stored revision to audit: the product by code or id, the revision by label or id.</summary>
public sealed record AuditBomRevisionRequest(string Product, string Revision, CriticalityPolicy Policy);

/// <summary>
/// The dual-AVL audit of a stored BOM revision, written to the same reports as the file audit (so CI scripts can
/// audit what was imported rather than a file on disk). A label that names two revisions must be given by id.
/// </summary>
public sealed class AuditBomRevisionHandler(BomRevisionQueries queries)
{
    public async Task<Result<AuditSummary>> HandleAsync(AuditBomRevisionRequest request, IAuditReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(report);
        var found = await queries.FindRevisionAsync(request.Product, request.Revision, ct);
        if (found.Failure is { } failure)
        {
            return failure;
        }

        var audit = (await queries.AuditAsync(found.Value.Revision.Id, request.Policy, ct))!;
        report.Begin(new BomSourceInfo
        {
            File = audit.Revision.FileName,
            Format = Enum.TryParse<BomFileFormat>(audit.Revision.Format, ignoreCase: true, out var format) ? format : BomFileFormat.Auto,
        });
        foreach (var line in audit.Lines)
        {
            report.Line(line);
        }

        report.End(audit.Summary, [], null);
        return Result.Ok(audit.Summary);
    }
}
