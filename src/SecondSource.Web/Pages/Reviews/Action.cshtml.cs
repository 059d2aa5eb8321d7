using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Reviews;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>Adds an action to a finding (the buyer's editors).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class ActionModel(AddFindingActionHandler add) : PageModel
{
    public IActionResult OnGet(Guid review) => RedirectToPage("Pack", new { id = review });

    public async Task<IActionResult> OnPostAsync(Guid review, Guid finding, string? description, string? owner, DateOnly? due, CancellationToken ct)
    {
        if (due is null)
        {
            TempData["Refusal"] = "Give the action a due date.";
            return RedirectToPage("Pack", new { id = review });
        }

        var result = await add.HandleAsync(new AddFindingActionRequest(finding, description ?? "", owner ?? "", due.Value, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, a => $"Action added: {a.Description} ({a.Owner}, due {a.Due:yyyy-MM-dd}).", "Pack", new { id = review });
    }
}
