using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>A manufacturer's view of a product's transfer package: per own line, what is granted now, to download and acknowledge.</summary>
[Authorize(Policy = Policies.ManufacturerMember)]
public sealed class GrantedModel(BomRevisionQueries products, ViewGrantedPackageHandler view, VaultAccessQueries queries) : PageModel
{
    public ProductRef? Product { get; private set; }

    public IReadOnlyList<GrantedLine> Lines { get; private set; } = [];

    public IReadOnlyList<FixtureView> Fixtures { get; private set; } = [];

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

        Lines = await view.HandleAsync(product, VaultActor.Of(HttpContext), ct);
        Fixtures = await queries.FixturesAsync(product, ct);
        return Page();
    }
}
