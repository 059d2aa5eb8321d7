using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Application.Programs;
using SecondSource.Application.TestData;

namespace SecondSource.Web.Pages.TestData;

/// <summary>
/// Test data of a product: its batches on every line the caller sees (units tested, first-pass and final yield),
/// what does not reconcile, and a serial-number search. Without a product: the products to choose from.
/// </summary>
public sealed class IndexModel(ProductQueries products, BomRevisionQueries lookup, TestDataQueries testData) : PageModel
{
    public IReadOnlyList<ProductView> Products { get; private set; } = [];

    public ProductRef? Product { get; private set; }

    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];

    public Reconciliation? Reconciliation { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? product, CancellationToken ct)
    {
        if (product is null)
        {
            Products = await products.ListAsync(ct);
            return Page();
        }

        Product = await lookup.FindProductAsync(product.Value.ToString(), ct);
        if (Product is null)
        {
            return NotFound();
        }

        Batches = await testData.BatchesAsync(Product.Id, ct);
        Reconciliation = await testData.ReconcileAsync(Product.Id, ct);
        return Page();
    }
}
