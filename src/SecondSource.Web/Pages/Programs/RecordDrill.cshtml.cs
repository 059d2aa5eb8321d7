using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Planning;
using SecondSource.Domain.Planning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Records an emergency-shift drill (the buyer's editors): units achieved per week, and for a physical drill the best week's hours.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class RecordDrillModel(RecordShiftDrillHandler record) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, Guid product, Guid line, DrillKind? kind, DateOnly? held, string? weeks, double? hours, string? note, CancellationToken ct)
    {
        var output = (weeks ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(w => double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToList();
        if (!ModelState.IsValid || kind is null || held is null || output.Count == 0 || output.Any(double.IsNaN))
        {
            TempData["Refusal"] = "Give the drill's kind, the day it was held and the units achieved each week as numbers separated by commas.";
            return RedirectToPage("Details", new { id });
        }

        var result = await record.HandleAsync(new RecordShiftDrillRequest(product, line, kind.Value, held.Value, output, hours, note, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, d => d.Passed ? $"Drill recorded: passed, {d.TargetShare:P0} reached in week {d.ReachedInWeek}." : "Drill recorded: not passed.", "Details", new { id });
    }
}
