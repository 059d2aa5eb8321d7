using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>A product's transfer package against the guide's checklist: what is present (latest revision and history) and what is missing.</summary>
[Authorize(Policy = Policies.BuyerPerson)]
public sealed class PackageModel(BomRevisionQueries products, VaultQueries vault) : PageModel
{
    public ProductRef? Product { get; private set; }

    public IReadOnlyList<PackageItem> Items { get; private set; } = [];

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

        Items = await vault.PackageAsync(product, ct);
        return Page();
    }
}
