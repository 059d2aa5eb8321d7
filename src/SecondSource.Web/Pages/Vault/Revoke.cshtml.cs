using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
        return VaultPost.Outcome(this, result, line => $"Revoked: {line} has no access through that grant from now on.", "Lines", new { product });
    }
}
