using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Application.Boms;

/// <summary>Two stored revisions of a product to compare, each by label or id; the earlier one first.</summary>
public sealed record CompareBomRevisionsRequest(string Product, string Before, string After);

/// <summary>The comparison, with what each side is.</summary>
public sealed record BomRevisionComparison(ProductRef Product, BomRevisionSummary Before, BomRevisionSummary After, BomComparison Comparison);

/// <summary>
/// Compares two revisions of a product (B5): lines added, removed and changed (quantity, designators, DNP, sources) and
/// what that does to dual-sourcing — each side judged by the same audit as its revision page (the library's sources,
/// qualified and accepted on every building line). The release dialog shows the same comparison against the current
/// revision.
/// </summary>
public sealed class CompareBomRevisionsHandler(BomRevisionQueries queries)
{
    public async Task<Result<BomRevisionComparison>> HandleAsync(CompareBomRevisionsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var before = await queries.FindRevisionAsync(request.Product, request.Before, ct);
        if (before.Failure is { } missingBefore)
        {
            return missingBefore;
        }

        var after = await queries.FindRevisionAsync(request.Product, request.After, ct);
        if (after.Failure is { } missingAfter)
        {
            return missingAfter;
        }

        return await CompareAsync(before.Value.Product, before.Value.Revision.Id, after.Value.Revision.Id, ct) is { } compared
            ? Result.Ok(compared)
            : Fail.NotFound("One of the revisions is no longer there.");
    }

    /// <summary>Two revisions by id (the release dialog: the current revision against the draft).</summary>
    public async Task<BomRevisionComparison?> CompareAsync(ProductRef product, Guid beforeId, Guid afterId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(product);
        var before = await queries.AuditAsync(beforeId, CriticalityPolicy.Default, ct);
        var after = await queries.AuditAsync(afterId, CriticalityPolicy.Default, ct);
        return before is null || after is null ? null
            : new BomRevisionComparison(product, before.Revision, after.Revision, BomDiff.Compare(Inputs(before.Lines), Inputs(after.Lines)));
    }

    /// <summary>Two BOM files, each audited on its own (the makers it names, no library): the command line's <c>bom diff</c> without a database.</summary>
    public static BomComparison CompareFiles(string beforePath, string afterPath, BomReadOptions options, CriticalityPolicy policy) =>
        BomDiff.Compare(ReadFile(beforePath, options, policy), ReadFile(afterPath, options, policy));

    private static List<DiffInput> Inputs(IEnumerable<AuditedLine> lines) =>
        [.. lines.Select(l => new DiffInput(l.Line, l.Criticality.Critical, l.DistinctManufacturers >= 2))];

    private static List<DiffInput> ReadFile(string path, BomReadOptions options, CriticalityPolicy policy)
    {
        var stream = BomFileAccess.OpenRead(path);
        using (stream)
        {
            var document = BomReader.Open(path, stream, options);
            var auditor = new BomAuditor(policy);
            return Inputs(document.ReadLines().Select(auditor.Audit));
        }
    }
}
