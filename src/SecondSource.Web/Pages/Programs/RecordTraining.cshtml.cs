using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Planning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Records an operator's training on the product at a second line (the buyer's editors, or the line's own members).</summary>
[Authorize(Policy = Policies.LineEditor)]
public sealed class RecordTrainingModel(RecordOperatorTrainingHandler record) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, Guid product, Guid line, string? person, string? skill, DateOnly? trained, CancellationToken ct)
    {
        if (!ModelState.IsValid || trained is null)
        {
            TempData["Refusal"] = "Give the operator, the skill and the day of the training.";
            return RedirectToPage("Details", new { id });
        }

        var result = await record.HandleAsync(new RecordOperatorTrainingRequest(product, line, person ?? "", skill ?? "", trained.Value, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, _ => "The training is recorded.", "Details", new { id });
    }
}
