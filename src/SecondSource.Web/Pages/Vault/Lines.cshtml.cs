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
public sealed class LinesModel(BomRevisionQueries products, VaultAccessQueries queries, VaultLines lines) : ProductVaultPage(products)
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

        Sync = await queries.SyncAsync(product, ct);
        Grants = await queries.GrantsAsync(product, ct);
        ProductLines = await lines.OfProductAsync(product, ct);
        return Page();
    }
}
