using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Products;

/// <summary>
/// Deletes a draft BOM revision (buyer admins and engineers) after a confirmation that says what is lost; a released
/// one is refused. Returns to the product's revisions.
/// </summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class DeleteRevisionModel(BomRevisionQueries queries, DeleteBomRevisionHandler delete) : PageModel
{
    public Shared.Confirmation? Confirmation { get; private set; }

    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        var audit = await queries.AuditAsync(id, Domain.Boms.CriticalityPolicy.Default, ct);
        if (audit is null)
        {
            return NotFound();
        }

        if (!confirmed && audit.Revision.IsDraft)
        {
            Confirmation = new Shared.Confirmation(
                $"Delete the draft {audit.Revision.Label}?",
                [$"The draft's {audit.Summary.Lines} lines and its audit are deleted.",
                 "The current revision, the programs and the lines are not affected: they never read a draft.",
                 "This cannot be undone; importing the file again makes a new draft."],
                "/Products/DeleteRevision", new Dictionary<string, string?> { ["id"] = id.ToString() },
                "Delete the draft", $"/Products/Revision?id={id}");
            return Page();
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
