using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>
/// The buyer's view of a product's package per line: completeness and drift (what each line builds with against the
/// latest revision, with age), the NDA behind each line, and the grants (give and revoke).
/// </summary>
[Authorize(Policy = Policies.BuyerPerson)]
public sealed class LinesModel(BomRevisionQueries products, VaultAccessQueries queries, VaultLines lines, Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext)
    : ProductVaultPage(products)
{
    public IReadOnlyList<LineSyncView> Sync { get; private set; } = [];

    public IReadOnlyList<GrantView> Grants { get; private set; } = [];

    public IReadOnlyList<VaultLine> ProductLines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        if (!await FindProductAsync(product, ct))
        {
            return NotFound();
        }

        // The package's state per line (eight reads with the party filters) from the read model: recomputed after a
        // change, and at most every ReadModels:MaxAgeSeconds for an expiry or a change made elsewhere.
        (Sync, Grants, ProductLines) = await cache.GetAsync($"vault-lines|{product}|{partyContext.Scope}", async c =>
            (await queries.SyncAsync(product, c), await queries.GrantsAsync(product, c), await lines.OfProductAsync(product, c)), ct);
        return Page();
    }
}
