using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>
/// Takes an upload into the vault (buyer admins and engineers): the body is limited before it is read, the file
/// streams into the content store under its hash, then the revision and its access-log entry commit together.
/// </summary>
[Authorize(Policy = Policies.BuyerEditor)]
[RequestSizeLimit(VaultStore.MaxFileBytes + (1L << 20))]
[RequestFormLimits(MultipartBodyLengthLimit = VaultStore.MaxFileBytes + (1L << 20))]
public sealed class UploadModel(VaultStore store, UploadArtifactRevisionHandler upload) : PageModel
{
    public IActionResult OnGet(Guid product) => RedirectToPage("Package", new { product });

    public async Task<IActionResult> OnPostAsync(Guid product, ArtifactKind? kind, IFormFile? file, string? note, CancellationToken ct)
    {
        if (kind is null || file is null || file.Length == 0)
        {
            TempData["Refusal"] = "Choose the file to upload for the checklist item.";
            return RedirectToPage("Package", new { product });
        }

        try
        {
            await using var content = file.OpenReadStream();
            var described = await store.StoreFileAsync(content, file.FileName, file.ContentType, ct);
            var actor = VaultActor.Of(HttpContext);
            var result = await upload.HandleAsync(new UploadArtifactRevisionRequest(product, kind.Value, described, note, actor), ct);
            if (result.Failure is { Kind: FailureKind.NotFound })
            {
                return NotFound();
            }

            if (result.Failure is { } failure)
            {
                TempData["Refusal"] = failure.Message;
            }
            else
            {
                TempData["Notice"] = $"{described.FileName} is revision {result.Value!.Number} of {ArtifactKinds.Name(kind.Value)}.";
            }
        }
        catch (DomainException ex)
        {
            TempData["Refusal"] = ex.Message;
        }

        return RedirectToPage("Package", new { product });
    }
}
