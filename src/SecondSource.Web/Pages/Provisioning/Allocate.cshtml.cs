using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>Allocates a block of serial numbers to an open batch (the buyer's editors).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class AllocateModel(AllocateSerialsHandler allocate) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid batch, string? prefix, long? first, long? last, int? width, CancellationToken ct)
    {
        if (first is null || last is null || width is null)
        {
            TempData["Refusal"] = "Give the first and last number and the digits of the serial block.";
            return RedirectToPage("Index");
        }

        var result = await allocate.HandleAsync(new AllocateSerialsRequest(batch, prefix ?? "", first.Value, last.Value, width.Value, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, _ => $"{last - first + 1} serials are allocated to the batch.", "Index", null);
    }
}
