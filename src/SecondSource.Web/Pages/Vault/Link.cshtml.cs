using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Vault;

namespace SecondSource.Web.Pages.Vault;

/// <summary>
/// Asks for a download: issues a single-use link valid for five minutes, bound to the person asking, and sends the
/// browser to it. A manufacturer gets one only for what is granted to its line now (else 404, and the attempt is logged).
/// </summary>
public sealed class LinkModel(CreateDownloadLinkHandler links) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid revision, CancellationToken ct)
    {
        var result = await links.HandleAsync(new CreateDownloadLinkRequest(revision, VaultActor.Of(HttpContext)), ct);
        if (result.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        return Redirect($"/Vault/Fetch?token={Uri.EscapeDataString(result.Value!.Token)}");
    }
}
