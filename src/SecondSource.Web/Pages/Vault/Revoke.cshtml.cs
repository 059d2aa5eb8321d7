using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Ends a grant at once (buyer admins and engineers).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class RevokeModel(RevokeGrantHandler revoke) : PageModel
{
    public IActionResult OnGet(Guid product) => RedirectToPage("Lines", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, Guid grant, string? reason, CancellationToken ct)
    {
        var result = await revoke.HandleAsync(new RevokeGrantRequest(grant, reason ?? "", VaultActor.Of(HttpContext)), ct);
        if (result.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (result.Failure is { } failure)
        {
            TempData["Refusal"] = failure.Message;
        }
        else
        {
            TempData["Notice"] = $"Revoked: {result.Value} has no access through that grant from now on.";
        }

        return RedirectToPage("Lines", new { product });
    }
}
