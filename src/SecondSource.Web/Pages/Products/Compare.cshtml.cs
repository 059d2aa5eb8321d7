using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;

namespace SecondSource.Web.Pages.Products;

/// <summary>
/// Two revisions of a product side by side (B5): lines added, removed and changed, sources added and removed per line,
/// and what that does to dual-sourcing. A manufacturer compares released revisions only (drafts are not found).
/// </summary>
public sealed class CompareModel(BomRevisionQueries queries, CompareBomRevisionsHandler compare) : PageModel
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

        var result = await compare.HandleAsync(new CompareBomRevisionsRequest(found.Id.ToString(), before.ToString(), after.ToString()), ct);
        if (result.Failure is not null)
        {
            return NotFound();
        }

        Result = result.Value;
        Revisions = await queries.ListAsync(found.Id, ct);
        return Page();
    }
}
