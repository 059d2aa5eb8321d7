using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Planning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Imports a demand forecast file (the buyer's editors); a refused file names each line and field.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
[RequestSizeLimit(MaxBytes)]
public sealed class ImportForecastModel(ImportForecastHandler import) : PageModel
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public IActionResult OnGet(Guid id) => RedirectToPage("Plan", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? forecast, CancellationToken ct)
    {
        if (forecast is null || forecast.Length == 0)
        {
            TempData["Refusal"] = "Choose a forecast file (CSV with product, period and quantity).";
            return RedirectToPage("Plan", new { id });
        }

        await using var stream = forecast.OpenReadStream();
        var result = await import.HandleAsync(new ImportForecastRequest(stream, Path.GetFileName(forecast.FileName), User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, r => $"Forecast imported: {r.Periods} periods, {r.Replaced} stored periods replaced.", "Plan", new { id });
    }
}
