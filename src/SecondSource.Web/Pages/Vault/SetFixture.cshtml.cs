using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Records a line's fixture (the buyer's editors for any line, a manufacturer's members for their own).</summary>
[Authorize(Policy = Policies.LineEditor)]
public sealed class SetFixtureModel(SetFixtureHandler set) : PageModel
{
    public IActionResult OnGet(Guid product) => RedirectToPage("Fixtures", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, Guid line, string? name, FixtureState? state, string? physicalId, DateOnly? verified, string? note, CancellationToken ct)
    {
        if (state is null)
        {
            TempData["Refusal"] = "Choose the fixture's state.";
            return RedirectToPage("Fixtures", new { product });
        }

        var result = await set.HandleAsync(new SetFixtureRequest(product, line, name ?? "", state.Value, physicalId, verified, note, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, _ => $"{name?.Trim()} is recorded as {state}.", "Fixtures", new { product });
    }
}
