using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Products;

/// <summary>Takes the sources a BOM revision lists and the AVL does not know into the library as Proposed, then returns to the revision.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class AdoptSourcesModel(AdoptBomSourcesHandler adopt) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Revision", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await adopt.HandleAsync(new AdoptBomSourcesRequest(id, User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        TempData["Notice"] = result.Failure?.Message ?? Notice(result.Value!);
        return RedirectToPage("Revision", new { id });
    }

    private static string Notice(AdoptedSources adopted)
    {
        var notice = $"{adopted.Proposed} source{(adopted.Proposed == 1 ? "" : "s")} of the BOM added to the AVL as Proposed.";
        return adopted.Unverified.Count == 0
            ? notice
            : notice + $" Not adopted, because no catalogue or library names them as makers: {string.Join(", ", adopted.Unverified)}. Confirm them under Unverified makers first.";
    }
}
