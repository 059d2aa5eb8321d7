using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.TestData;
using SecondSource.Domain.TestData;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.TestData;

/// <summary>Raises a DFM item for a second line (the buyer's editors, or that line's manufacturer).</summary>
[Authorize(Policy = Policies.LineEditor)]
public sealed class RaiseDfmModel(RaiseDfmItemHandler raise) : PageModel
{
    public IActionResult OnGet(Guid product) => RedirectToPage("Dfm", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, Guid line, DfmCategory? category, string? title, string? description, string? evidence, string? measurement, string? owner, CancellationToken ct)
    {
        if (category is null)
        {
            TempData["Refusal"] = "Choose the item's category.";
            return RedirectToPage("Dfm", new { product });
        }

        var result = await raise.HandleAsync(new RaiseDfmItemRequest(product, line, category.Value, title ?? "", description ?? "", evidence, measurement, owner ?? "", User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, _ => $"'{title?.Trim()}' is raised and open.", "Dfm", new { product });
    }
}
