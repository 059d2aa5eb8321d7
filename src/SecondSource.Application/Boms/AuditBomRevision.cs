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
        var product = await queries.FindProductAsync(request.Product, ct);
        if (product is null)
        {
            return Fail.NotFound($"There is no single product '{request.Product}'.");
        }

        var revisions = await queries.ListAsync(product.Id, ct);
        var matching = Guid.TryParse(request.Revision, out var id)
            ? revisions.Where(r => r.Id == id).ToList()
            : revisions.Where(r => string.Equals(r.Label, request.Revision.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        switch (matching.Count)
        {
            case 0:
                return Fail.NotFound($"{product.Code} has no BOM revision '{request.Revision}'" +
                    (revisions.Count == 0 ? "; none has been imported." : $"; it has: {string.Join(", ", revisions.Select(r => r.Label))}."));
            case > 1:
                return Fail.Conflict($"{product.Code} has {matching.Count} revisions labelled '{request.Revision}'; give the revision's id: {string.Join(", ", matching.Select(r => r.Id))}.");
        }

        var audit = (await queries.AuditAsync(matching[0].Id, request.Policy, ct))!;
        report.Begin(new BomSourceInfo
        {
            File = audit.Revision.FileName,
            Format = Enum.TryParse<BomFileFormat>(audit.Revision.Format, ignoreCase: true, out var format) ? format : BomFileFormat.Auto,
        });
        foreach (var line in audit.Lines)
        {
            report.Line(line);
        }

        report.End(audit.Summary, []);
        return Result.Ok(audit.Summary);
    }
}
