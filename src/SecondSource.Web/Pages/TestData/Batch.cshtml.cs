using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.TestData;
using SecondSource.Domain.TestData;

namespace SecondSource.Web.Pages.TestData;

/// <summary>One batch: the statistics of every measurement (per limit set) and the defects by category.</summary>
public sealed class BatchModel(TestDataQueries testData) : PageModel
{
    public IReadOnlyList<BatchMeasurementStatistic> Statistics { get; private set; } = [];

    public IReadOnlyList<DefectCount> Defects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Statistics = await testData.StatisticsAsync(id, ct);
        Defects = await testData.DefectsAsync(id, ct);
        return Statistics.Count == 0 && Defects.Count == 0 ? NotFound() : Page();
    }
}
