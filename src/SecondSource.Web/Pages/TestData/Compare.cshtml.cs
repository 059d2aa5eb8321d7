using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.TestData;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.TestData;

/// <summary>
/// Compares two sets of a product's batches the caller sees (second line against primary for a period, pilot against
/// golden samples): every shared measurement's verdict, yield and defects, from the stored statistics.
/// </summary>
public sealed class CompareModel(BomRevisionQueries products, TestDataQueries testData, PilotQueries pilots, CompareBatchesHandler compare) : ProductVaultPage(products)
{
    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];

    public IReadOnlyList<Guid> A { get; private set; } = [];

    public IReadOnlyList<Guid> B { get; private set; } = [];

    public double MarginFraction { get; private set; } = 0.1;

    public LineComparisonReport? Report { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid product, Guid[]? a, Guid[]? b, double? margin, CancellationToken ct)
    {
        if (!await FindProductAsync(product, ct))
        {
            return NotFound();
        }

        Batches = await testData.BatchesAsync(product, ct);
        A = a ?? [];
        B = b ?? [];
        MarginFraction = margin ?? 0.1;
        if (A.Count == 0 && B.Count == 0)
        {
            return Page();
        }

        var result = await compare.HandleAsync(new CompareBatchesRequest(product, A, B, await pilots.PolicyAsync(product, MarginFraction, ct), PilotQueries.ChartedMeasurements), ct);
        if (result.Failure is { Kind: Application.FailureKind.NotFound })
        {
            return NotFound();
        }

        Report = result.Value;
        Problem = result.Failure?.Message;
        return Page();
    }
}
