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
