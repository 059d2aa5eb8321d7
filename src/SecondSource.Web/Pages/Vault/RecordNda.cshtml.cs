using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Records an NDA with its signed document (buyer admins and engineers); the document streams into the vault store.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
[RequestSizeLimit(VaultStore.MaxFileBytes + (1L << 20))]
[RequestFormLimits(MultipartBodyLengthLimit = VaultStore.MaxFileBytes + (1L << 20))]
public sealed class RecordNdaModel(VaultStore store, RecordNdaHandler record) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Ndas");

    public async Task<IActionResult> OnPostAsync(Guid manufacturer, string? scope, DateOnly? signedOn, DateOnly? expires, IFormFile? document, CancellationToken ct)
    {
        if (signedOn is null || expires is null || document is null || document.Length == 0)
        {
            TempData["Refusal"] = "An NDA needs the day it was signed, its last day in force and the signed document.";
            return RedirectToPage("Ndas");
        }

        try
        {
            await using var content = document.OpenReadStream();
            var file = await store.StoreFileAsync(content, document.FileName, document.ContentType, ct);
            var result = await record.HandleAsync(new RecordNdaRequest(new PartyId(manufacturer), scope ?? "", signedOn.Value, expires.Value, file, VaultActor.Of(HttpContext)), ct);
            if (result.Failure is { } failure)
            {
                TempData["Refusal"] = failure.Message;
            }
            else
            {
                TempData["Notice"] = "The NDA is recorded.";
            }
        }
        catch (DomainException ex)
        {
            TempData["Refusal"] = ex.Message;
        }

        return RedirectToPage("Ndas");
    }
}
