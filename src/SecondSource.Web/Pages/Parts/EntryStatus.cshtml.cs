using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Domain.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>Rejects, retires or reopens a source, with its reason (buyer admins and engineers).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class EntryStatusModel(AvlQueries queries, ChangeAvlStatusHandler change, PartReadModel partModel) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "entry")]
    public Guid EntryId { get; set; }

    [BindProperty]
    public AvlStatusAction? Action { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public EntryRef? Entry { get; private set; }

    public bool Closed => Entry?.Status is AvlStatus.Rejected or AvlStatus.Retired;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Entry = await partModel.EntryAsync(EntryId, ct);
        return Entry is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Entry = await queries.EntryAsync(EntryId, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        if (Action is null)
        {
            ModelState.AddModelError(nameof(Action), "Choose what to do with the source.");
            return Page();
        }

        var result = await change.HandleAsync(new ChangeAvlStatusRequest(EntryId, Action.Value, Reason ?? "", User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            FieldErrors.Add(ModelState, failure.Message, ("Reason", nameof(Reason)), ("already", nameof(Action)), ("reopened", nameof(Action)));
            return Page();
        }

        TempData["Notice"] = $"{Entry.Manufacturer} {Entry.Mpn} is {AvlText.Status(result.Value)}.";
        return RedirectToPage("Part", new { id = Entry.PartId });
    }
}
