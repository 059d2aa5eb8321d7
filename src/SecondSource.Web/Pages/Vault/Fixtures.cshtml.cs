using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;

namespace SecondSource.Web.Pages.Vault;

/// <summary>
/// The test fixtures a product needs, per line: replicated (with id and last verification), documented only (the
/// guide's pitfall, flagged) or pulled. A manufacturer sees and keeps its own lines' only.
/// </summary>
public sealed class FixturesModel(BomRevisionQueries products, VaultAccessQueries queries, VaultLines lines) : ProductVaultPage(products)
{
    public IReadOnlyList<FixtureView> Fixtures { get; private set; } = [];

    public IReadOnlyList<VaultLine> ProductLines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        if (!await ViewProductAsync(product, ct))
        {
            return NotFound();
        }

        (Fixtures, ProductLines) = await ReadModel($"vault-fixtures|{product}", async c =>
            (await queries.FixturesAsync(product, c), await lines.OfProductAsync(product, c)), ct);
        return Page();
    }
}
