using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>
/// A part of the library: where it is used, its approved sources with their qualification, the line-acceptance
/// matrix (sources x lines building the product) and the history of changes. A manufacturer sees its own line only.
/// </summary>
public sealed class PartModel(PartReadModel parts) : PageModel
{
    public PartView? Part { get; private set; }

    /// <summary>Sources qualified elsewhere in the library that could serve this part (shown to editors).</summary>
    public IReadOnlyList<SuggestedAlternate> Suggestions { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public bool CanEdit => User.IsBuyerEditor();

    /// <summary>A manufacturer's member records its own line's acceptance; the buyer only reads it.</summary>
    public bool CanAccept => User.IsManufacturerMember();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Part = await parts.GetAsync(id, ct);
        if (Part is null)
        {
            return NotFound();
        }

        if (CanEdit)
        {
            Suggestions = await parts.SuggestionsAsync(id, ct);
        }

        return Page();
    }
}
