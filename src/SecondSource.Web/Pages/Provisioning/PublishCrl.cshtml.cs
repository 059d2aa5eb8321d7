using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>Publishes a fresh revocation list of a device CA (the buyer's administrators).</summary>
[Authorize(Policy = Policies.BuyerAdmin)]
public sealed class PublishCrlModel(PublishCrlHandler publish) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await publish.HandleAsync(new PublishCrlRequest(id, VaultActor.Of(HttpContext)), ct);
        return VaultPost.Outcome(this, result, crl => $"CRL {crl.Number} is published ({crl.Entries} revoked), next update due {crl.NextUpdate:yyyy-MM-dd}.", "Index", null);
    }
}
