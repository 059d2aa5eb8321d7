using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Reviews;
using SecondSource.Domain.Reviews;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>Records a finding's root cause (the buyer's editors), back on the review it was opened from.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class RootCauseModel(RecordRootCauseHandler record) : PageModel
{
    public IActionResult OnGet(Guid review) => RedirectToPage("Pack", new { id = review });

    public async Task<IActionResult> OnPostAsync(Guid review, Guid finding, RootCauseCategory category, string? description, string? evidence, string? owner, CancellationToken ct)
    {
        var result = await record.HandleAsync(new RecordRootCauseRequest(finding, category, description ?? "", evidence, owner ?? "", User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, f => $"Root cause recorded for \"{f.Title}\".", "Pack", new { id = review });
    }
}
