using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;

namespace SecondSource.Web.Pages.Parts;

/// <summary>The parts of the library, searchable by part number or source MPN, fifty to a page.</summary>
public sealed class IndexModel(AvlQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PartSummary> Parts { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + AvlQueries.PageSize - 1) / AvlQueries.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Parts, Total) = await queries.ListPartsAsync(Search, PageNumber, ct);
    }
}
