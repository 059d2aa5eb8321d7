using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>Proposes an alternate source for a part (buyer admins and engineers); it starts as Proposed.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class ProposeModel(ProposeAlternateHandler propose, PartReadModel parts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "part")]
    public Guid PartId { get; set; }

    /// <summary>Prefilled from a suggestion's link on GET.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Manufacturer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Mpn { get; set; }

    [BindProperty]
    public SourceDetailsForm Details { get; set; } = new();

    public PartView? Part { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Part = await parts.GetAsync(PartId, ct);
        if (Part is null)
        {
            return NotFound();
        }

        Details.Rank = Part.Entries.Count == 0 ? 1 : Part.Entries.Max(e => e.Rank) + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Part = await parts.GetAsync(PartId, ct);
        if (Part is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Manufacturer))
        {
            ModelState.AddModelError(nameof(Manufacturer), "Name the manufacturer.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await propose.HandleAsync(new ProposeAlternateRequest(PartId, Manufacturer!, Mpn ?? "",
            Details.ToDetails(), User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            FieldErrors.Add(ModelState, failure.Message, [("part number", nameof(Mpn)), ("already in", nameof(Mpn)), ("manufacturer", nameof(Manufacturer)), .. SourceDetailsForm.Fields]);
            return Page();
        }

        TempData["Notice"] = $"{Manufacturer} {Mpn} is proposed for {Part.Number}; qualify it next.";
        return RedirectToPage("Part", new { id = PartId });
    }
}
