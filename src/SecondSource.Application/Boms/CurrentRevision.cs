using SecondSource.Domain.Boms;

namespace SecondSource.Application.Boms;

/// <summary>
/// The one definition of a product's current BOM revision: the latest released one. Drafts drive nothing — coverage,
/// health, the emergency shift, reviews, plans, exports and the lines' acknowledgements all read the revision this gives.
/// </summary>
public static class CurrentRevision
{
    /// <summary>The product's released revisions, the current one first.</summary>
    public static IQueryable<BomRevision> CurrentOf(this IQueryable<BomRevision> revisions, Guid productId) =>
        revisions.Where(r => r.ProductId == productId && r.State == BomRevisionState.Released)
            .OrderByDescending(r => r.ReleasedAt).ThenByDescending(r => r.ImportedAt);
}
