using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.TestData;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.TestData;

/// <summary>The buyer's pilot-gate decision (editors only): evaluated again, recorded, the line moved to Ramp.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class DecidePilotGateModel(DecidePilotGateHandler decide) : PageModel
{
    public IActionResult OnGet(Guid product, Guid line) => RedirectToPage("Pilot", new { product, line });

    public async Task<IActionResult> OnPostAsync(Guid product, Guid line, string? why, CancellationToken ct)
    {
        var result = await decide.HandleAsync(new DecidePilotGateRequest(product, line, why ?? "", User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, _ => "The pilot gate is passed: the line is in Ramp.", "Pilot", new { product, line });
    }
}
