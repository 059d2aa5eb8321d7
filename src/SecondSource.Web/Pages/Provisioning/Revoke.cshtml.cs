using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>Revokes a unit's certificate and publishes the CA's new revocation list (the buyer's editors).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class RevokeModel(RevokeDeviceCertificateHandler revoke) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Certificates");

    public async Task<IActionResult> OnPostAsync(Guid product, string? serial, X509RevocationReason reason, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Refusal"] = "Choose a revocation reason from the list.";
            return RedirectToPage("Certificates");
        }

        var result = await revoke.HandleAsync(new RevokeDeviceCertificateRequest(product, serial ?? "", reason, VaultActor.Of(HttpContext)), ct);
        return VaultPost.Outcome(this, result, crl => $"The certificate of {serial} is revoked; CRL {crl.Number} is published.", "Certificates", new { serial });
    }
}
