using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Reviews;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>Freezes a review once its meeting is recorded with both lines present (the buyer's editors).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class FreezeModel(FreezeReviewHandler freeze) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Pack", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await freeze.HandleAsync(new FreezeReviewRequest(id, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, r => $"The {r.Quarter} review (version {r.Version}) is frozen.", "Pack", new { id });
    }
}
