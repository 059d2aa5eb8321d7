using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>Edits a source's rank, lifecycle, lead time and notes (buyer admins and engineers).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class EntryDetailsModel(AvlQueries queries, UpdateAvlEntryHandler update, PartReadModel partModel) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "entry")]
    public Guid EntryId { get; set; }

    [BindProperty]
    public SourceDetailsForm Details { get; set; } = new();

    public EntryRef? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Entry = await partModel.EntryAsync(EntryId, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        Details = SourceDetailsForm.From(Entry.Details);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Entry = await queries.EntryAsync(EntryId, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await update.HandleAsync(new UpdateAvlEntryRequest(EntryId, Details.ToDetails(), User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            FieldErrors.Add(ModelState, failure.Message, SourceDetailsForm.Fields);
            return Page();
        }

        TempData["Notice"] = result.Value == 0 ? $"{Entry.Manufacturer} {Entry.Mpn}: nothing changed." : $"{Entry.Manufacturer} {Entry.Mpn}: {result.Value} change(s) recorded.";
        return RedirectToPage("Part", new { id = Entry.PartId });
    }
}
