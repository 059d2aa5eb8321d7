using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Planning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Records a surge Run@Rate (the buyer's editors, or the second line's own members).</summary>
[Authorize(Policy = Policies.LineEditor)]
public sealed class RecordSurgeRunModel(RecordSurgeRunHandler record) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, Guid product, Guid line, DateOnly? on, double? hours, int? good, int? total, double? surgeHours, CancellationToken ct)
    {
        if (!ModelState.IsValid || on is null || hours is null || good is null || total is null || surgeHours is null)
        {
            TempData["Refusal"] = "Give the run's day, hours, good and total units, and the surge hours a week.";
            return RedirectToPage("Details", new { id });
        }

        var result = await record.HandleAsync(new RecordSurgeRunRequest(product, line, on.Value, hours.Value, good.Value, total.Value, surgeHours.Value, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, _ => "The surge run is recorded.", "Details", new { id });
    }
}
