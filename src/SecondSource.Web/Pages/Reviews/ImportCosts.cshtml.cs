using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Reviews;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>Imports the lines' quotes and purchase orders (the buyer's editors); a refused file names each line and field.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
[RequestSizeLimit(MaxBytes)]
public sealed class ImportCostsModel(ImportPurchasesHandler import) : PageModel
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            TempData["Refusal"] = "Choose a CSV file of quotes and orders.";
            return RedirectToPage("Index");
        }

        await using var stream = file.OpenReadStream();
        var result = await import.HandleAsync(new ImportPurchasesRequest(stream, Path.GetFileName(file.FileName), User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, r => $"Quotes and orders imported: {r.Added} new, {r.Updated} corrected.", "Index", null);
    }
}
