using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.TestData;
using SecondSource.Domain.TestData;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.TestData;

/// <summary>Resolves, accepts or reopens a DFM item (the buyer's editors, or the line's manufacturer for its own).</summary>
[Authorize(Policy = Policies.LineEditor)]
public sealed class SetDfmStatusModel(SetDfmItemStatusHandler set) : PageModel
{
    public IActionResult OnGet(Guid product) => RedirectToPage("Dfm", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, Guid item, DfmStatus? status, string? resolution, string? owner, CancellationToken ct)
    {
        if (status is null)
        {
            TempData["Refusal"] = "Choose the item's new status.";
            return RedirectToPage("Dfm", new { product });
        }

        var result = await set.HandleAsync(new SetDfmItemStatusRequest(item, status.Value, resolution, owner, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, i => $"'{i.Title}' is now {i.Status}.", "Dfm", new { product });
    }
}
