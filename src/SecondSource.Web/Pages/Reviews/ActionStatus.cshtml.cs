using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Reviews;
using SecondSource.Domain.Reviews;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>Moves a finding's action on (the buyer's editors).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class ActionStatusModel(SetFindingActionStatusHandler set) : PageModel
{
    public IActionResult OnGet(Guid review) => RedirectToPage("Pack", new { id = review });

    public async Task<IActionResult> OnPostAsync(Guid review, Guid action, ActionStatus status, CancellationToken ct)
    {
        var result = await set.HandleAsync(new SetFindingActionStatusRequest(action, status, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, a => $"Action \"{a.Description}\" is {a.Status}.", "Pack", new { id = review });
    }
}
