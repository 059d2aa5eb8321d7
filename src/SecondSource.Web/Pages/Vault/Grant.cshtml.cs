using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Gives a line access to one artifact of the product's package until a day (buyer admins and engineers).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class GrantModel(GrantAccessHandler grant) : PageModel
{
    public IActionResult OnGet(Guid product) => RedirectToPage("Lines", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, ArtifactKind? kind, Guid line, int? revision, DateOnly? until, CancellationToken ct)
    {
        if (kind is null || until is null)
        {
            TempData["Refusal"] = "Choose the item and the last day of access.";
            return RedirectToPage("Lines", new { product });
        }

        var result = await grant.HandleAsync(new GrantAccessRequest(product, kind.Value, line, revision, until.Value, VaultActor.Of(HttpContext)), ct);
        return VaultPost.Outcome(this, result, granted => $"{granted.Line} has access to {granted.Artifact} (with a live NDA).", "Lines", new { product });
    }
}
