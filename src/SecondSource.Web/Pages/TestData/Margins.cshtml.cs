using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.TestData;
using SecondSource.Domain.Statistics;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.TestData;

/// <summary>
/// The product's equivalence margins: per measurement, a fraction of its spec window or an absolute value, with the
/// reason; every other measurement uses 10 % of its window. Set by the buyer's editors; read by everyone who sees the product.
/// </summary>
public sealed class MarginsModel(BomRevisionQueries products, PilotQueries pilots, TestDataQueries testData) : ProductVaultPage(products)
{
    public IReadOnlyList<MeasurementMargin> Margins { get; private set; } = [];

    /// <summary>Names of the product's measurements in its batch statistics, for the form's suggestions.</summary>
    public IReadOnlyList<string> Measurements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        if (!await ViewProductAsync(product, ct))
        {
            return NotFound();
        }

        // From the read model: the names are read from every batch statistic of the product's history.
        (Margins, Measurements) = await ReadModel($"margins|{product}", async c => (await pilots.MarginsAsync(product, c), await testData.MeasurementNamesAsync(product, c)), ct);
        return Page();
    }
}
