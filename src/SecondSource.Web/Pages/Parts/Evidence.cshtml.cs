using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;

namespace SecondSource.Web.Pages.Parts;

/// <summary>
/// Downloads an evidence file the caller may see, always as an attachment and, unless it is a common document type,
/// as opaque bytes, so an uploaded page can never run in the app's origin.
/// </summary>
public sealed class EvidenceModel(AvlQueries queries, EvidenceStore store) : PageModel
{
    private static readonly HashSet<string> Served = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "text/csv", "text/plain", "application/zip",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await queries.EvidenceAsync(id, ct);
        var content = file is null ? null : store.Open(file.Sha256);
        if (content is null)
        {
            return NotFound();
        }

        return File(content, Served.Contains(file!.MediaType) ? file.MediaType : "application/octet-stream", file.FileName);
    }
}
