using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>The product's golden units (serial numbers and where each physical unit is), kept as a versioned vault item.</summary>
[Authorize(Policy = Policies.BuyerPerson)]
public sealed class GoldenUnitsModel(BomRevisionQueries products, VaultQueries vault) : ProductVaultPage(products)
{
    public RevisionView? Revision { get; private set; }

    public IReadOnlyList<GoldenUnit>? Units { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        if (!await ViewProductAsync(product, ct))
        {
            return NotFound();
        }

        (Revision, Units) = await ReadModel($"vault-golden-units|{product}", c => vault.GoldenUnitsAsync(product, c), ct);
        return Page();
    }
}
