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
public sealed class BatchModel(TestDataQueries testData, UnitListQueries units, Hosting.ScopedReadModel readModel) : PageModel
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
        Message = ListAddress.Unknown(ModelState);
        // From the read model (keyed by the batch, the list's settings and the caller's scope): a batch's page reads its
        // hundreds of units, so a page read by many is computed once per change.
        var view = await readModel.GetAsync($"test-batch|{Id}|{Serial}|{Result}|{Sort}|{Desc}|{PageNumber}", ReadAsync, ct);
        if (view is null)
        {
            return NotFound();
        }

        (Batch, Statistics, Defects, Units, Matching, AllUnits, PageNumber) = view;
        return Page();
    }

    private async Task<BatchView?> ReadAsync(CancellationToken ct)
    {
        if (await testData.BatchAsync(Id, ct) is not { } batch)
        {
            return null;
        }

        var statistics = await testData.StatisticsAsync(Id, ct);
        var defects = await testData.DefectsAsync(Id, ct);
        var page = PageNumber;
        var (list, matching, all) = (await units.ListAsync(new UnitListQuery(Id, Serial, Result, Sort, Desc, page), ct))!.Value;
        var pages = Math.Max(1, (matching + UnitListQueries.PageSize - 1) / UnitListQueries.PageSize);
        if (page > pages)
        {
            // A page past the end shows the last one.
            page = pages;
            (list, matching, all) = (await units.ListAsync(new UnitListQuery(Id, Serial, Result, Sort, Desc, page), ct))!.Value;
        }

        return new BatchView(batch, statistics, defects, list, matching, all, Math.Max(1, page));
    }

    private sealed record BatchView(BatchSummary Batch, IReadOnlyList<BatchMeasurementStatistic> Statistics, IReadOnlyList<DefectCount> Defects,
        IReadOnlyList<UnitRow> Units, int Matching, int AllUnits, int PageNumber);

    /// <summary>This batch's address with some of the unit list's settings changed (a page, a sort).</summary>
    public string Href(int? page = null, UnitSort? sort = null, bool? desc = null) =>
        ListAddress.Build($"/TestData/Batch?id={Id}",
            ("serial", Serial),
            ("result", Result == UnitResultFilter.Any ? null : Result.ToString()),
            ("sort", (sort ?? Sort) == UnitSort.Serial ? null : (sort ?? Sort).ToString()),
            ("desc", desc ?? Desc ? "true" : null),
            ("page", ListAddress.Page(page ?? 1))) + "#units";
}
