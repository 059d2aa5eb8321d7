using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;

namespace SecondSource.Web.Pages.Parts;

/// <summary>
/// The parts of the library: searchable by part number or source MPN, filtered by criticality or to the parts with
/// fewer than two qualified sources, sorted by any column (in the database), fifty to a page.
/// </summary>
public sealed class IndexModel(AvlQueries queries, Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    // From the query only: the route value "page" (the page's own path) would win over a bound name.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public PartSort Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true)]
    public PartCriticalFilter Critical { get; set; }

    /// <summary>Only the parts with fewer than two qualified sources: the ones that are not yet dual-sourced.</summary>
    [BindProperty(Name = "single", SupportsGet = true)]
    public bool NotDualSourced { get; set; }

    public IReadOnlyList<PartSummary> Parts { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>A sort or filter value in the address the list does not know (it then shows the default).</summary>
    public string? Message { get; private set; }

    public int Pages => Math.Max(1, (Total + AvlQueries.PageSize - 1) / AvlQueries.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Message = Shared.ListAddress.Unknown(ModelState);

        // A page of the library per search, sort, filter and party scope, from the read model (recomputed after a change).
        var query = new PartListQuery(Search, PageNumber, Sort, Desc, Critical, NotDualSourced);
        (Parts, Total) = await cache.GetAsync($"parts|{partyContext.Scope}|{query}", c => queries.ListPartsAsync(query, c), ct);
    }

    /// <summary>This list's address with some of its settings changed (a page, a sort).</summary>
    public string Href(int? page = null, PartSort? sort = null, bool? desc = null) =>
        Shared.ListAddress.Build("/Parts",
            ("search", Search),
            ("critical", Critical == PartCriticalFilter.Any ? null : Critical.ToString()),
            ("single", NotDualSourced ? "true" : null),
            ("sort", (sort ?? Sort) == PartSort.Number ? null : (sort ?? Sort).ToString()),
            ("desc", desc ?? Desc ? "true" : null),
            ("page", Shared.ListAddress.Page(page ?? 1)));
}
