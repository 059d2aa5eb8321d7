using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>A manufacturer's line states that it builds with a granted revision.</summary>
[Authorize(Policy = Policies.ManufacturerMember)]
public sealed class AcknowledgeModel(AcknowledgeRevisionHandler acknowledge) : PageModel
{
    public IActionResult OnGet(Guid product) => RedirectToPage("Granted", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, Guid line, Guid revision, CancellationToken ct)
    {
        var result = await acknowledge.HandleAsync(new AcknowledgeRevisionRequest(line, revision, VaultActor.Of(HttpContext)), ct);
        return VaultPost.Outcome(this, result, number => $"Acknowledged: the line builds with revision {number}.", "Granted", new { product });
    }
}
