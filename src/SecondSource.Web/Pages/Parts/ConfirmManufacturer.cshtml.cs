using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>
/// Confirms a name a BOM gives as a maker (buyer admins and engineers): a maker of its own, or another name of a known
/// maker. Returns to the revision it was confirmed from, or to the manufacturers.
/// </summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class ConfirmManufacturerModel(ConfirmManufacturerHandler confirm) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Manufacturers");

    public async Task<IActionResult> OnPostAsync(string? name, string? sameAs, Guid? revision, CancellationToken ct)
    {
        var result = await confirm.HandleAsync(new ConfirmManufacturerRequest(name ?? "", string.IsNullOrWhiteSpace(sameAs) ? null : sameAs, User.Identity?.Name ?? "unknown"), ct);
        var message = result.Failure?.Message ?? result.Value switch
        {
            { Changed: false } c => $"'{c.Name}' is already recognised as {c.Maker}; nothing changed.",
            { } c when c.Name == c.Maker => $"'{c.Name}' is now a manufacturer of the library: it counts in every audit.",
            { } c => $"'{c.Name}' is now a name of {c.Maker}: it counts in every audit.",
            _ => "",
        };
        if (revision is { } id)
        {
            TempData[result.Failure is null ? "Notice" : "Refusal"] = message;
            return RedirectToPage("/Products/Revision", new { id });
        }

        TempData[result.Failure is null ? "Notice" : "Refusal"] = message;
        return RedirectToPage("Manufacturers");
    }
}
