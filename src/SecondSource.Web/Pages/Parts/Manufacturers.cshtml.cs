using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;

namespace SecondSource.Web.Pages.Parts;

/// <summary>The component manufacturers of the library with the names they are written under; editors add aliases.</summary>
public sealed class ManufacturersModel(AvlQueries queries) : PageModel
{
    public IReadOnlyList<ManufacturerView> Manufacturers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Manufacturers = await queries.ManufacturersAsync(ct);
}
