using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;

namespace SecondSource.Web.Pages.Vault;

/// <summary>
/// The test fixtures a product needs, per line: replicated (with id and last verification), documented only (the
/// guide's pitfall, flagged) or pulled. A manufacturer sees and keeps its own lines' only.
/// </summary>
public sealed class FixturesModel(BomRevisionQueries products, VaultAccessQueries queries, VaultLines lines) : PageModel
{
    public ProductRef? Product { get; private set; }

    public IReadOnlyList<FixtureView> Fixtures { get; private set; } = [];

    public IReadOnlyList<VaultLine> ProductLines { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        Product = await products.FindProductAsync(product.ToString(), ct);
        if (Product is null)
        {
            return NotFound();
        }

        Fixtures = await queries.FixturesAsync(product, ct);
        ProductLines = await lines.OfProductAsync(product, ct);
        return Page();
    }
}
