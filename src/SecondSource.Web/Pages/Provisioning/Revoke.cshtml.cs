using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>
/// Revokes a unit's certificate and publishes the CA's new revocation list (the buyer's editors), after a confirmation
/// that says what the unit loses.
/// </summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class RevokeModel(RevokeDeviceCertificateHandler revoke) : PageModel
{
    public Shared.Confirmation? Confirmation { get; private set; }

    public IActionResult OnGet() => RedirectToPage("Certificates");

    public async Task<IActionResult> OnPostAsync(Guid product, string? serial, X509RevocationReason reason, bool confirmed, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Refusal"] = "Choose a revocation reason from the list.";
            return RedirectToPage("Certificates");
        }

        if (!confirmed && !string.IsNullOrWhiteSpace(serial))
        {
            Confirmation = new Shared.Confirmation(
                $"Revoke the certificate of {serial}?",
                [$"The unit's certificate is revoked ({Domain.Common.Labels.Lower(Domain.Common.Labels.Of(reason))}) and the CA publishes a new revocation list at once: services that check it refuse the unit.",
                 "A revocation cannot be undone; the unit needs a new certificate to be trusted again.",
                 "The revocation is written to the access log."],
                "/Provisioning/Revoke", new Dictionary<string, string?> { ["product"] = product.ToString(), ["serial"] = serial, ["reason"] = reason.ToString() },
                "Revoke the certificate", $"/Provisioning/Certificates?serial={Uri.EscapeDataString(serial)}");
            return Page();
        }

        var result = await revoke.HandleAsync(new RevokeDeviceCertificateRequest(product, serial ?? "", reason, VaultActor.Of(HttpContext)), ct);
        return VaultPost.Outcome(this, result, crl => $"The certificate of {serial} is revoked; CRL {crl.Number} is published.", "Certificates", new { serial });
    }
}
