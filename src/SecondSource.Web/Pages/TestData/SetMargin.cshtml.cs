using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.TestData;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.TestData;

/// <summary>Sets or removes a measurement's equivalence margin (the buyer's editors).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class SetMarginModel(SetMeasurementMarginHandler set) : PageModel
{
    public IActionResult OnGet(Guid product) => RedirectToPage("Margins", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, string? measurement, double? fraction, double? absolute, string? reason, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Refusal"] = "The fraction and the absolute margin must be numbers.";
            return RedirectToPage("Margins", new { product });
        }

        var result = await set.HandleAsync(new SetMeasurementMarginRequest(product, measurement ?? "", fraction, absolute, reason, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, message => message, "Margins", new { product });
    }
}
