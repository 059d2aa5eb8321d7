using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Products;

/// <summary>
/// Releases a draft BOM revision with a note (buyer admins and engineers): it becomes the product's current revision and
/// the lines are asked to acknowledge it in the vault. Returns to the revision.
/// </summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class ReleaseRevisionModel(ReleaseBomRevisionHandler release) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid id, string? note, CancellationToken ct)
    {
        var actor = new Actor(User.Identity?.Name ?? "unknown", User.FindFirst(SecondSourceClaims.PartyName)?.Value ?? "buyer", HttpContext.Connection.RemoteIpAddress?.ToString());
        var result = await release.HandleAsync(new ReleaseBomRevisionRequest(id, note ?? "", actor), ct);
        if (result.Failure is { Kind: Application.FailureKind.NotFound })
        {
            return NotFound();
        }

        if (result.Failure is { } failure)
        {
            TempData["Refusal"] = failure.Message;
        }
        else
        {
            TempData["Notice"] = $"'{result.Value!.Label}' is released: it is the current revision. The lines holding a grant on the BOM and AVL item were notified and asked to acknowledge revision {result.Value.VaultRevisionNumber}.";
        }

        return RedirectToPage("/Products/Revision", new { id });
    }
}
