using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;

namespace SecondSource.Web.Pages.Products;

/// <summary>A product's BOM revisions, newest first (a manufacturer sees them for the products its lines build).</summary>
public sealed class BomModel(BomRevisionQueries queries) : PageModel
{
    public ProductRef? Product { get; private set; }

    public IReadOnlyList<BomRevisionSummary> Revisions { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Product = await queries.FindProductAsync(id.ToString(), ct);
        if (Product is null)
        {
            return NotFound();
        }

        Revisions = await queries.ListAsync(id, ct);
        return Page();
    }
}
