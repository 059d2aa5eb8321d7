using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Domain.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>Edits a source's rank, lifecycle, lead time and notes (buyer admins and engineers).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class EntryDetailsModel(AvlQueries queries, UpdateAvlEntryHandler update) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "entry")]
    public Guid EntryId { get; set; }

    [BindProperty]
    public int Rank { get; set; }

    [BindProperty]
    public Lifecycle? Lifecycle { get; set; }

    [BindProperty]
    public int? LeadTimeWeeks { get; set; }

    [BindProperty]
    public bool LeadTimeInternal { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public EntryRef? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Entry = await queries.EntryAsync(EntryId, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        (Rank, Lifecycle, LeadTimeWeeks, LeadTimeInternal, Notes) = (Entry.Details.Rank, Entry.Details.Lifecycle, Entry.Details.LeadTimeWeeks, Entry.Details.LeadTimeInternal, Entry.Details.Notes);
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

        var result = await update.HandleAsync(new UpdateAvlEntryRequest(EntryId, new AvlEntryDetails(Rank, Lifecycle, LeadTimeWeeks, LeadTimeInternal, Notes), User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            FieldErrors.Add(ModelState, failure.Message, ("Rank", nameof(Rank)), ("Lead time", nameof(LeadTimeWeeks)), ("Notes", nameof(Notes)), ("lifecycle", nameof(Lifecycle)));
            return Page();
        }

        TempData["Notice"] = result.Value == 0 ? $"{Entry.Manufacturer} {Entry.Mpn}: nothing changed." : $"{Entry.Manufacturer} {Entry.Mpn}: {result.Value} change(s) recorded.";
        return RedirectToPage("Part", new { id = Entry.PartId });
    }
}
