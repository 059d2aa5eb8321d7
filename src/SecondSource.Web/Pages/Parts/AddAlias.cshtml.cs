using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>Adds another written name to a component manufacturer (buyer admins and engineers), then returns to the list.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class AddAliasModel(AddManufacturerAliasHandler addAlias) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Manufacturers");

    public async Task<IActionResult> OnPostAsync(Guid manufacturer, string? alias, CancellationToken ct)
    {
        var result = await addAlias.HandleAsync(new AddManufacturerAliasRequest(manufacturer, alias ?? "", User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            TempData["Refusal"] = failure.Message;
        }
        else
        {
            TempData["Notice"] = result.Value ? $"'{alias}' is now a name of that manufacturer." : $"'{alias}' was already known.";
        }

        return RedirectToPage("Manufacturers");
    }
}
