using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Domain.Boms;

namespace SecondSource.Web.Pages.Products;

/// <summary>One BOM revision through the dual-AVL audit: the summary, then every line with its findings first.</summary>
public sealed class RevisionModel(BomRevisionQueries queries) : PageModel
{
    public RevisionAudit? Audit { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Audit = await queries.AuditAsync(id, CriticalityPolicy.Default, ct);
        return Audit is null ? NotFound() : Page();
    }
}
