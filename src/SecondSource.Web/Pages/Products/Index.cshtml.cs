using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Programs;

namespace SecondSource.Web.Pages.Products;

/// <summary>The buyer's products with their requirements (a manufacturer sees the products its lines build).</summary>
public sealed class IndexModel(ProductQueries products) : PageModel
{
    public IReadOnlyList<ProductView> Products { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Products = await products.ListAsync(ct);
}
