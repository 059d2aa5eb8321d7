using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Persistence;
using SecondSource.Application.Reviews;
using SecondSource.Web.Authorization;
using SecondSource.Web.Hosting;
using SecondSource.Web.Printing;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>
/// The review pack, meant for the meeting with both manufacturers and for print: the buyer sees both lines, every item,
/// the findings and the meeting; a manufacturer sees its own line's numbers and the findings on its line, never the
/// other line's.
/// </summary>
[Authorize(Policy = Policies.Person)]
public sealed class PackModel(ReviewQueries reviews, ChromiumPdf pdf, ReadModelCache cache, IPartyContext partyContext) : PageModel
{
    /// <summary>Whether a PDF can be printed here (headless Chromium installed).</summary>
    public bool CanPrintPdf => pdf.Available;

    public ReviewPack? Pack { get; private set; }

    public LineReviewView? LineView { get; private set; }

    /// <summary>Only the findings in this state (every finding when none); the PDF always holds them all.</summary>
    [BindProperty(Name = "findings", SupportsGet = true)]
    public Domain.Reviews.FindingState? FindingFilter { get; set; }

    /// <summary>A findings filter in the address the pack does not know (it then shows every finding).</summary>
    public string? FilterMessage => Shared.ListAddress.Unknown(ModelState);

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    /// <summary>The review shown (its version), for the links within the page.</summary>
    public Guid ReviewId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ReviewId = id;
        if (User.IsBuyer())
        {
            Pack = await cache.GetAsync($"review-pack|{id}|{partyContext.Scope}", c => reviews.PackAsync(id, c), ct);
            return Pack is null ? NotFound() : Page();
        }

        LineView = await cache.GetAsync($"review-line-view|{id}|{partyContext.Scope}", c => reviews.LineViewAsync(id, c), ct);
        return LineView is null ? NotFound() : Page();
    }

    /// <summary>The page as a PDF through headless Chromium: the same view, printed with the print stylesheet.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        if (!pdf.Available)
        {
            return NotFound();
        }

        var page = await OnGetAsync(id, ct);
        if (page is not PageResult)
        {
            return page;
        }

        var name = Pack is { } p ? $"review-{p.Report.ProductCode}-{p.Review.Quarter}-v{p.Review.Version}.pdf" : $"review-{LineView!.Sections[0].ProductCode}-{LineView.Sections[0].Quarter}.pdf";
        return new PdfPageResult(pdf, name, $"/Reviews/Pack?id={id}");
    }
}

/// <summary>What the findings' state filters show: the findings, the review they link within, the state chosen, a value not known.</summary>
public sealed record FindingFilters(IReadOnlyList<FindingView> Findings, Guid ReviewId, Domain.Reviews.FindingState? Current, string? Message)
{
    /// <summary>The findings the filter lets through, the most pressing first.</summary>
    public IEnumerable<FindingView> Shown => Findings.Where(f => Current is not { } only || f.State == only).OrderBy(f => ReviewBadge.Rank(f.State));
}
