using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>Signs a released image with a firmware signing key (the buyer's administrators: approval and signature are separate hands).</summary>
[Authorize(Policy = Policies.BuyerAdmin)]
public sealed class SignModel(SignFirmwareReleaseHandler sign) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid release, Guid key, CancellationToken ct)
    {
        var result = await sign.HandleAsync(new SignFirmwareReleaseRequest(release, key, VaultActor.Of(HttpContext)), ct);
        return VaultPost.Outcome(this, result, _ => "The release is signed; lines granted its image can fetch the signature.", "Index", null);
    }
}
