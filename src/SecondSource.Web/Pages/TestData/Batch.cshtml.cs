using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.TestData;
using SecondSource.Domain.TestData;
using SecondSource.Web.Pages.Shared;

namespace SecondSource.Web.Pages.TestData;

/// <summary>
/// One batch: what it is (line, kind, start, quantity, yields), the defects by category, the statistics of every
/// measurement (per limit set), and its units — searchable by serial number, filtered by result, sorted by any column,
/// fifty to a page.
/// </summary>
public sealed class BatchModel(TestDataQueries testData, UnitListQueries units) : PageModel
{
    public BatchSummary Batch { get; private set; } = null!;

    public IReadOnlyList<BatchMeasurementStatistic> Statistics { get; private set; } = [];

    public IReadOnlyList<DefectCount> Defects { get; private set; } = [];

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    /// <summary>Units after the filters, and every unit of the batch.</summary>
    public int Matching { get; private set; }

    public int AllUnits { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Serial { get; set; }

    [BindProperty(SupportsGet = true)]
    public UnitResultFilter Result { get; set; }

    [BindProperty(SupportsGet = true)]
    public UnitSort Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    // From the query only: the route value "page" (the page's own path) would win over a bound name.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Matching + UnitListQueries.PageSize - 1) / UnitListQueries.PageSize);

    /// <summary>A sort or filter value in the address the list does not know (it then shows the default).</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await testData.BatchAsync(Id, ct) is not { } batch)
        {
            return NotFound();
        }

        Batch = batch;
        Message = ListAddress.Unknown(ModelState);
        Statistics = await testData.StatisticsAsync(Id, ct);
        Defects = await testData.DefectsAsync(Id, ct);
        var first = await units.ListAsync(new UnitListQuery(Id, Serial, Result, Sort, Desc, PageNumber), ct);
        (Units, Matching, AllUnits) = first!.Value;
        if (PageNumber > Pages)
        {
            // A page past the end shows the last one.
            PageNumber = Pages;
            (Units, Matching, AllUnits) = (await units.ListAsync(new UnitListQuery(Id, Serial, Result, Sort, Desc, PageNumber), ct))!.Value;
        }

        PageNumber = Math.Max(1, PageNumber);
        return Page();
    }

    /// <summary>This batch's address with some of the unit list's settings changed (a page, a sort).</summary>
    public string Href(int? page = null, UnitSort? sort = null, bool? desc = null) =>
        ListAddress.Build($"/TestData/Batch?id={Id}",
            ("serial", Serial),
            ("result", Result == UnitResultFilter.Any ? null : Result.ToString()),
            ("sort", (sort ?? Sort) == UnitSort.Serial ? null : (sort ?? Sort).ToString()),
            ("desc", desc ?? Desc ? "true" : null),
            ("page", ListAddress.Page(page ?? 1))) + "#units";
}
