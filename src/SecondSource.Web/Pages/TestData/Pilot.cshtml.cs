using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.TestData;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.TestData;

/// <summary>
/// The pilot gate of a product's second line, for the buyer: the pilot against the golden samples and the primary's
/// production (verdict per measurement, charts of the worst), yield, the DFM items, the gate's criteria and the
/// decision. Manufacturers do not see it: it shows the primary's test values.
/// </summary>
[Authorize(Policy = Policies.BuyerPerson)]
public sealed class PilotModel(BomRevisionQueries products, PilotQueries pilots) : ProductVaultPage(products)
{
    public IReadOnlyList<VaultLine> SecondLines { get; private set; } = [];

    public PilotView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid product, Guid? line, CancellationToken ct)
    {
        if (!await ViewProductAsync(product, ct))
        {
            return NotFound();
        }

        SecondLines = await ReadModel($"pilot-lines|{product}", c => pilots.SecondLinesAsync(product, c), ct);
        var chosen = line ?? (SecondLines.Count == 1 ? SecondLines[0].Id : null);
        if (chosen is null)
        {
            return Page();
        }

        // From the read model: the pilot is compared with the golden samples and the primary's production statistics.
        var view = await ReadModel($"pilot|{product}|{chosen.Value}", c => pilots.ViewAsync(product, chosen.Value, c), ct);
        if (view.Failure is not null)
        {
            return NotFound();
        }

        View = view.Value;
        return Page();
    }
}
