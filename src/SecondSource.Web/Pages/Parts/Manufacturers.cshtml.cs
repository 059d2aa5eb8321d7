using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;

namespace SecondSource.Web.Pages.Parts;

/// <summary>The component manufacturers of the library with the names they are written under; editors add aliases.</summary>
public sealed class ManufacturersModel(AvlQueries queries, Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    public IReadOnlyList<ManufacturerView> Manufacturers { get; private set; } = [];

    /// <summary>The makers in the library with their parts, per party scope from the read model (recomputed after a change).</summary>
    public async Task OnGetAsync(CancellationToken ct) =>
        Manufacturers = await cache.GetAsync($"library-manufacturers|{partyContext.Scope}", queries.ManufacturersAsync, ct);
}
