using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Saves the edited golden-unit list as the next revision (buyer admins and engineers).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class RecordGoldenUnitsModel(RecordGoldenUnitsHandler record) : PageModel
{
    public IActionResult OnGet(Guid product) => RedirectToPage("GoldenUnits", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, string? units, string? note, CancellationToken ct)
    {
        var result = await record.HandleAsync(new RecordGoldenUnitsRequest(product, units ?? "", note, VaultActor.Of(HttpContext)), ct);
        return VaultPost.Outcome(this, result, saved => $"The golden-unit list is revision {saved.Number}.", "GoldenUnits", new { product });
    }
}
