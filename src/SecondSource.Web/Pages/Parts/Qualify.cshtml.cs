using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Domain.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>Records an electrical or reliability verdict on a source (buyer admins and engineers; only admins waive).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
[RequestSizeLimit(EvidenceUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceUpload.RequestLimit)]
public sealed class QualifyModel(AvlQueries queries, RecordQualificationHandler record, EvidenceStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "entry")]
    public Guid EntryId { get; set; }

    [BindProperty]
    public QualificationAspect? Aspect { get; set; }

    [BindProperty]
    public QualificationVerdict? Verdict { get; set; }

    [BindProperty]
    public QualificationMethod? Method { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public EntryRef? Entry { get; private set; }

    public bool CanWaive => User.IsBuyerAdmin();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Entry = await queries.EntryAsync(EntryId, ct);
        return Entry is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? evidenceFile, CancellationToken ct)
    {
        Entry = await queries.EntryAsync(EntryId, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        var attachment = await EvidenceUpload.StoreAsync(evidenceFile, store, ModelState, "evidenceFile", ct);

        Required(Aspect, nameof(Aspect), "Choose electrical or reliability.");
        Required(Verdict, nameof(Verdict), "Choose the verdict.");
        Required(Method, nameof(Method), "Choose how the verdict was reached.");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await record.HandleAsync(new RecordQualificationRequest(EntryId, new QualificationInput(Aspect!.Value, Verdict!.Value, Method!.Value, Evidence, Justification),
            User.IsBuyerAdmin(), User.Identity?.Name ?? "unknown") { Attachment = attachment }, ct);
        if (result.Failure is { } failure)
        {
            FieldErrors.Add(ModelState, failure.Message, ("evidence", nameof(Evidence)), ("justification", nameof(Justification)), ("what failed", nameof(Justification)),
                ("administrator", nameof(Verdict)));
            return Page();
        }

        TempData["Notice"] = $"{Aspect} verdict recorded for {Entry.Manufacturer} {Entry.Mpn}: the source is {AvlText.Status(result.Value)}.";
        return RedirectToPage("Part", new { id = Entry.PartId });
    }

    private void Required<T>(T? value, string field, string message)
        where T : struct
    {
        if (value is null && ModelState.GetFieldValidationState(field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(field, message);
        }
    }
}
