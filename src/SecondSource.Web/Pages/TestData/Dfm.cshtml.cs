using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.TestData;
using SecondSource.Application.Vault;
using SecondSource.Domain.TestData;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.TestData;

/// <summary>
/// DFM differences between the primary and the product's second lines: raised by the buyer or the second line's
/// manufacturer, with owner and status (Open, Resolved, Accepted) and history. A manufacturer sees its own line's.
/// </summary>
public sealed class DfmModel(BomRevisionQueries products, PilotQueries pilots) : ProductVaultPage(products)
{
    public IReadOnlyList<(DfmItem Item, string Line)> Items { get; private set; } = [];

    public IReadOnlyList<VaultLine> SecondLines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        if (!await ViewProductAsync(product, ct))
        {
            return NotFound();
        }

        // From the read model (per scope, recomputed after a change); each status change posts to its own handler, which reads afresh.
        (Items, SecondLines) = await ReadModel($"dfm|{product}", async c => (await pilots.DfmAsync(product, c), await pilots.SecondLinesAsync(product, c)), ct);
        return Page();
    }
}
