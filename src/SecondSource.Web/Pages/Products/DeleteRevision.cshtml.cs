using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Products;

/// <summary>Deletes a draft BOM revision (buyer admins and engineers); a released one is refused. Returns to the product's revisions.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class DeleteRevisionModel(BomRevisionQueries queries, DeleteBomRevisionHandler delete) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var audit = await queries.AuditAsync(id, Domain.Boms.CriticalityPolicy.Default, ct);
        if (audit is null)
        {
            return NotFound();
        }

        var result = await delete.HandleAsync(new DeleteBomRevisionRequest(id), ct);
        if (result.Failure is { } failure)
        {
            TempData["Refusal"] = failure.Message;
            return RedirectToPage("/Products/Revision", new { id });
        }

        TempData["Notice"] = $"The draft '{result.Value}' was deleted.";
        return RedirectToPage("/Products/Bom", new { id = audit.Revision.ProductId });
    }
}
