using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Reviews;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>Sets the quarters a program is reviewed by (the buyer's administrators), before its first review.</summary>
[Authorize(Policy = Policies.BuyerAdmin)]
public sealed class CalendarModel(SetReviewCalendarHandler set) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid program, int month, CancellationToken ct)
    {
        var result = await set.HandleAsync(new SetReviewCalendarRequest(program.ToString(), month, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, c => c.FiscalYearStartMonth == 1 ? "Reviews use calendar quarters." : $"Reviews use a fiscal year starting in month {c.FiscalYearStartMonth}.", "Index", new { program });
    }
}
