using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Ends a grant at once (buyer admins and engineers), after a confirmation that says what the line loses.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class RevokeModel(RevokeGrantHandler revoke) : PageModel
{
    public Shared.Confirmation? Confirmation { get; private set; }

    public IActionResult OnGet(Guid product) => RedirectToPage("Lines", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, Guid grant, string? reason, bool confirmed, CancellationToken ct)
    {
        if (!confirmed && !string.IsNullOrWhiteSpace(reason))
        {
            Confirmation = new Shared.Confirmation(
                "Revoke this grant?",
                ["The line loses access to the item through this grant at once: it can no longer view or fetch it.",
                 "What the line already downloaded stays with it; the NDA still binds it.",
                 $"The revocation and its reason (“{reason.Trim()}”) are written to the access log."],
                "/Vault/Revoke", new Dictionary<string, string?> { ["product"] = product.ToString(), ["grant"] = grant.ToString(), ["reason"] = reason },
                "Revoke the grant", $"/Vault/Lines?product={product}");
            return Page();
        }

        var result = await revoke.HandleAsync(new RevokeGrantRequest(grant, reason ?? "", VaultActor.Of(HttpContext)), ct);
        return VaultPost.Outcome(this, result, line => $"Revoked: {line} has no access through that grant from now on.", "Lines", new { product });
    }
}
