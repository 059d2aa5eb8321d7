using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;

namespace SecondSource.Web.Pages.Vault;

/// <summary>
/// Redeems a download link (its person, once, within five minutes, while the access still holds) and streams the
/// revision as an attachment; the download is in the access log before the first byte leaves.
/// </summary>
public sealed class FetchModel(FetchDownloadHandler fetch) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        var result = await fetch.HandleAsync(new FetchDownloadRequest(token ?? "", VaultActor.Of(HttpContext)), ct);
        if (result.Failure is not null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Content-SHA256"] = result.Value!.Sha256;

        // Served as opaque bytes: an uploaded page or script must never run in the app's origin.
        return File(result.Value.Content, "application/octet-stream", result.Value.FileName);
    }
}
