using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Application.Programs;
using SecondSource.Application.TestData;

namespace SecondSource.Web.Pages.TestData;

/// <summary>
/// Test data of a product: its batches on every line the caller sees (units tested, first-pass and final yield),
/// newest first, filtered by line and kind, fifty to a page; what does not reconcile. Without a product: the products
/// to choose from. The product's batches and reconciliation come from the read model (per party scope): the
/// reconciliation compares every serial of the product's history, so it is computed once per change, not per showing.
/// </summary>
public sealed class IndexModel(ProductQueries products, BomRevisionQueries lookup, TestDataQueries testData, Hosting.ScopedReadModel readModel) : PageModel
{
    public IReadOnlyList<ProductView> Products { get; private set; } = [];

    public ProductRef? Product { get; private set; }

    /// <summary>Batches a page.</summary>
    public const int PageSize = 50;

    /// <summary>The page's batches (after the filters, newest first).</summary>
    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];

    /// <summary>Batches of the product the caller sees, before the filters.</summary>
    public int AllBatches { get; private set; }

    /// <summary>Batches after the filters.</summary>
    public int Matching { get; private set; }

    /// <summary>The lines that have batches of the product (for the filter).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Lines { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? Line { get; set; }

    [BindProperty(SupportsGet = true)]
    public Domain.TestData.BatchKind? Kind { get; set; }

    // From the query only: the route value "page" (the page's own path) would win over a bound name.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public Reconciliation? Reconciliation { get; private set; }

    /// <summary>A filter value in the address the list does not know (it then shows every kind or line).</summary>
    public string? Message { get; private set; }

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

        Message = Shared.ListAddress.Unknown(ModelState);
        var id = Product.Id;
        var (all, reconciliation) = await readModel.GetAsync($"test-data|{id}", async c =>
        {
            var batches = await testData.BatchesAsync(id, c);
            return (batches, await testData.ReconcileAsync(id, batches, c));
        }, ct);
        AllBatches = all.Count;
        Lines = all.Select(b => (b.LineId, b.Line)).Distinct().OrderBy(l => l.Line, StringComparer.Ordinal).ToList();
        var matching = all.Where(b => Line is null || b.LineId == Line).Where(b => Kind is null || b.Kind == Kind)
            .OrderByDescending(b => b.StartedAt).ThenBy(b => b.Line, StringComparer.Ordinal).ToList();
        Matching = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Batches = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        Reconciliation = reconciliation;
        return Page();
    }
}

