using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>A product's transfer package against the guide's checklist: what is present (latest revision and history) and what is missing.</summary>
[Authorize(Policy = Policies.BuyerPerson)]
public sealed class PackageModel(BomRevisionQueries products, VaultQueries vault) : ProductVaultPage(products)
{
    public IReadOnlyList<PackageItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        if (!await ViewProductAsync(product, ct))
        {
            return NotFound();
        }

        Items = await ReadModel($"vault-package|{product}", c => vault.PackageAsync(product, c), ct);
        return Page();
    }
}
