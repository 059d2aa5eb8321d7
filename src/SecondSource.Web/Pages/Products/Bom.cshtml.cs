using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Application.Boms;
using SecondSource.Domain.Avl;

namespace SecondSource.Web.Pages.Products;

/// <summary>A product's BOM revisions, newest first, and its dual-sourcing coverage over time (a manufacturer sees them for the products its lines build, and its own line's trend).</summary>
public sealed class BomModel(BomRevisionQueries queries, AvlQueries avl, Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    public ProductRef? Product { get; private set; }

    public IReadOnlyList<BomRevisionSummary> Revisions { get; private set; } = [];

    public IReadOnlyList<BuildLine> Lines { get; private set; } = [];

    /// <summary>The coverage trend, oldest first: overall (line null) and per line.</summary>
    public IReadOnlyList<CoveragePoint> Trend { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Product = await queries.FindProductAsync(id.ToString(), ct);
        if (Product is null)
        {
            return NotFound();
        }

        // The revisions and the coverage trend (an audit of every revision against the library) from the read model,
        // per party scope: recomputed after a change.
        (Revisions, Lines, Trend) = await cache.GetAsync($"bom-trend|{id}|{partyContext.Scope}", async c =>
        {
            var revisions = await queries.ListAsync(id, c);
            var (lines, trend) = await avl.CoverageTrendAsync(id, c);
            return (revisions, lines, trend);
        }, ct);
        return Page();
    }
}
