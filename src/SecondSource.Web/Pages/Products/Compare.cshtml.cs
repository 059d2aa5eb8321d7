using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;

namespace SecondSource.Web.Pages.Products;

/// <summary>
/// Two revisions of a product side by side (B5): lines added, removed and changed, sources added and removed per line,
/// and what that does to dual-sourcing. A manufacturer compares released revisions only (drafts are not found).
/// </summary>
public sealed class CompareModel(BomRevisionQueries queries, CompareBomRevisionsHandler compare, Hosting.ScopedReadModel readModel) : PageModel
{
    public BomRevisionComparison? Result { get; private set; }

    public IReadOnlyList<BomRevisionSummary> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid product, Guid before, Guid after, CancellationToken ct)
    {
        var found = await queries.FindProductAsync(product.ToString(), ct);
        if (found is null)
        {
            return NotFound();
        }

        // Both revisions' audits and their difference, from the read model (per scope; recomputed after a change).
        var result = await readModel.GetAsync($"bom-diff|{found.Id}|{before}|{after}",
            c => compare.HandleAsync(new CompareBomRevisionsRequest(found.Id.ToString(), before.ToString(), after.ToString()), c), ct);
        if (result.Failure is not null)
        {
            return NotFound();
        }

        Result = result.Value;
        Revisions = await readModel.GetAsync($"bom-revisions|{found.Id}", c => queries.ListAsync(found.Id, c), ct);
        return Page();
    }
}
