using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>Releases a firmware revision under a version (the buyer's engineers approve releases).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class ReleaseModel(ReleaseFirmwareHandler release) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid product, string? version, int? revision, CancellationToken ct)
    {
        var result = await release.HandleAsync(new ReleaseFirmwareRequest(product, version ?? "", revision, VaultActor.Of(HttpContext)), ct);
        if (result.Failure is { Kind: Application.FailureKind.NotFound } missing)
        {
            TempData["Refusal"] = missing.Message;
            return RedirectToPage("Index");
        }

        return VaultPost.Outcome(this, result, _ => $"Firmware {version?.Trim()} is released; sign it to make it available to the lines.", "Index", null);
    }
}
