using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Planning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Sets a second line's emergency-shift plan (the buyer's editors).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class SetShiftPlanModel(SetShiftPlanHandler set) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, Guid product, Guid line, double? share, int? weeks, double? demand, double? reserved, double? installed, double? recovery, double? inventory, double? kits, int? kitWeeks, CancellationToken ct)
    {
        if (!ModelState.IsValid || share is null || weeks is null || demand is null)
        {
            TempData["Refusal"] = "Give the clause's target share and weeks and the reference weekly demand as numbers.";
            return RedirectToPage("Details", new { id });
        }

        var result = await set.HandleAsync(new SetShiftPlanRequest(product, line, share.Value / 100, weeks.Value, demand.Value, reserved ?? 0, installed ?? 0, recovery ?? 0, inventory ?? 0, User.Identity?.Name ?? "unknown", kits, kitWeeks ?? 0), ct);
        return VaultPost.Outcome(this, result, _ => "The emergency-shift plan is saved.", "Details", new { id });
    }
}
