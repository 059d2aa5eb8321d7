using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>A manufacturer's view of a product's transfer package: per own line, what is granted now, to download and acknowledge.</summary>
[Authorize(Policy = Policies.ManufacturerMember)]
public sealed class GrantedModel(BomRevisionQueries products, ViewGrantedPackageHandler view, VaultAccessQueries queries) : ProductVaultPage(products)
{
    public IReadOnlyList<GrantedLine> Lines { get; private set; } = [];

    public IReadOnlyList<FixtureView> Fixtures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        if (!await FindProductAsync(product, ct))
        {
            return NotFound();
        }

        Lines = await view.HandleAsync(product, VaultActor.Of(HttpContext), ct);
        Fixtures = await queries.FixturesAsync(product, ct);
        return Page();
    }
}
