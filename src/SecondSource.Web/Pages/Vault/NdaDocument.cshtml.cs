using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;

namespace SecondSource.Web.Pages.Vault;

/// <summary>The signed document of an NDA, as an attachment: the buyer's people, or the manufacturer that signed it (the party filter hides the others').</summary>
public sealed class NdaDocumentModel(VaultAccessQueries queries, VaultStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid nda, CancellationToken ct)
    {
        var found = (await queries.NdasAsync(ct)).FirstOrDefault(n => n.Id == nda);
        if (found is null || store.Open(found.DocumentSha256) is not { } content)
        {
            return NotFound();
        }

        return File(content, "application/octet-stream", found.DocumentName);
    }
}
