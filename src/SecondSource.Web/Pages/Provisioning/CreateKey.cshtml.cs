using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Domain.Provisioning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>Generates a key in a backend (the buyer's administrators only).</summary>
[Authorize(Policy = Policies.BuyerAdmin)]
public sealed class CreateKeyModel(CreateCustodyKeyHandler create) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(string? name, KeyPurpose purpose, KeyAlgorithm algorithm, KeyBackend? backend, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Refusal"] = "Choose the purpose, algorithm and backend from the lists.";
            return RedirectToPage("Index");
        }

        var result = await create.HandleAsync(new CreateCustodyKeyRequest(name ?? "", purpose, algorithm, backend, VaultActor.Of(HttpContext)), ct);
        return VaultPost.Outcome(this, result, _ => $"The key '{name?.Trim()}' was generated in its backend.", "Index", null);
    }
}
