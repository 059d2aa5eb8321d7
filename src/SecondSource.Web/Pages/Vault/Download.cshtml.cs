using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Streams an artifact revision to the buyer's people as an attachment, after logging the download.</summary>
[Authorize(Policy = Policies.BuyerPerson)]
public sealed class DownloadModel(OpenArtifactRevisionHandler open) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid revision, CancellationToken ct)
    {
        var actor = VaultActor.Of(HttpContext);
        var result = await open.HandleAsync(new OpenArtifactRevisionRequest(revision, actor), ct);
        if (result.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        // Served as opaque bytes: an uploaded page or script must never run in the app's origin.
        return File(result.Value!.Content, "application/octet-stream", result.Value.FileName);
    }
}
