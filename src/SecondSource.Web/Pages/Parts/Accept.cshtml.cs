using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Domain.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>
/// A manufacturer's member records its line's answer to a source: accepted (with the first-article and set-up
/// evidence), pending, or refused (with the reason). The buyer reads acceptances and never records them.
/// </summary>
[Authorize(Policy = Policies.ManufacturerMember)]
[RequestSizeLimit(EvidenceUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceUpload.RequestLimit)]
public sealed class AcceptModel(AvlQueries queries, RecordAcceptanceHandler record, EvidenceStore store, PartReadModel parts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "entry")]
    public Guid EntryId { get; set; }

    [BindProperty(SupportsGet = true, Name = "line")]
    public Guid LineId { get; set; }

    [BindProperty]
    public AcceptanceState? State { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    public EntryRef? Entry { get; private set; }

    public BuildLine? Line { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var part = await parts.GetAsync(Entry!.PartId, ct);
        if (part?.Entries.FirstOrDefault(e => e.Id == EntryId)?.Acceptance.TryGetValue(LineId, out var current) == true)
        {
            State = current.State;
            Evidence = current.Evidence;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? evidenceFile, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var attachment = await EvidenceUpload.StoreAsync(evidenceFile, store, ModelState, "evidenceFile", ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (State is null)
        {
            ModelState.AddModelError(nameof(State), "Choose the line's answer.");
            return Page();
        }

        var result = await record.HandleAsync(new RecordAcceptanceRequest(EntryId, LineId, State.Value, Evidence, User.Identity?.Name ?? "unknown") { Attachment = attachment }, ct);
        if (result.Failure is { } failure)
        {
            FieldErrors.Add(ModelState, failure.Message, ("evidence", nameof(Evidence)), ("reason", nameof(Evidence)));
            return Page();
        }

        TempData["Notice"] = $"{Line!.Name}: {Entry!.Manufacturer} {Entry.Mpn} is {State}.";
        return RedirectToPage("Part", new { id = Entry.PartId });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Entry = await queries.EntryAsync(EntryId, ct);
        if (Entry is null)
        {
            return false;
        }

        var part = await parts.GetAsync(Entry.PartId, ct);
        Line = part?.Lines.FirstOrDefault(l => l.Id == LineId);
        return Line is not null;
    }
}
