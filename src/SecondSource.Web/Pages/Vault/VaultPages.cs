using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Boms;

namespace SecondSource.Web.Pages.Vault;

/// <summary>A vault page about one product: the product (404 when the caller cannot see it) and the PRG messages.</summary>
public abstract class ProductVaultPage(BomRevisionQueries products) : PageModel
{
    public ProductRef? Product { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    /// <summary>Finds the product; false when there is none the caller may see.</summary>
    protected async Task<bool> FindProductAsync(Guid product, CancellationToken ct)
    {
        Product = await products.FindProductAsync(product.ToString(), ct);
        return Product is not null;
    }

    /// <summary>
    /// For a page that only shows: the product from the read model per party scope (recomputed after a change, at most
    /// ReadModels:MaxAgeSeconds late for a change made elsewhere). Forms that change something use
    /// <see cref="FindProductAsync"/>, which reads it fresh.
    /// </summary>
    protected async Task<bool> ViewProductAsync(Guid product, CancellationToken ct)
    {
        Product = await ReadModel($"vault-product|{product}", c => products.FindProductAsync(product.ToString(), c), ct);
        return Product is not null;
    }

    /// <summary>What a page shows, from the read model, keyed by <paramref name="what"/> and the caller's party scope.</summary>
    protected Task<T> ReadModel<T>(string what, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        // Resolved here rather than through the constructor of every vault page (most of them only post forms).
        return HttpContext.RequestServices.GetRequiredService<Hosting.ScopedReadModel>().GetAsync(what, compute, ct);
    }
}

/// <summary>The end of a vault form post: 404 for what the caller may not reach, else a notice or a refusal and back to the page.</summary>
public static class VaultPost
{
    public static IActionResult Outcome<T>(PageModel page, Result<T> result, Func<T, string> notice, string backTo, object? route)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(notice);
        if (result.Failure is { Kind: FailureKind.NotFound })
        {
            return page.NotFound();
        }

        if (result.Failure is { } failure)
        {
            page.TempData["Refusal"] = failure.Message;
        }
        else
        {
            page.TempData["Notice"] = notice(result.Value!);
        }

        return page.RedirectToPage(backTo, route);
    }
}
