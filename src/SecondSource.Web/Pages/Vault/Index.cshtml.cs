using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Programs;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>
/// The vault's front page: for the buyer, each product's package and its links; for a manufacturer, the products its
/// lines build (each with what is granted) and the notices of new revisions.
/// </summary>
public sealed class IndexModel(ProductQueries products, VaultAccessQueries queries) : PageModel
{
    public IReadOnlyList<ProductView> Products { get; private set; } = [];

    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Products = await products.ListAsync(ct);
        if (!User.IsBuyer())
        {
            Notifications = await queries.NotificationsAsync(50, ct);
        }
    }
}
