using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>A manufacturer's view of a product's transfer package: per own line, what is granted now, to download and acknowledge.</summary>
[Authorize(Policy = Policies.ManufacturerMember)]
public sealed class GrantedModel(BomRevisionQueries products, ViewGrantedPackageHandler view, VaultAccessQueries queries, Hosting.ReadModelCache cache,
    Application.Persistence.IPartyContext partyContext) : ProductVaultPage(products)
{
    public IReadOnlyList<GrantedLine> Lines { get; private set; } = [];

    public IReadOnlyList<FixtureView> Fixtures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        if (!await FindProductAsync(product, ct))
        {
            return NotFound();
        }

        // What the line may reach, from the read model per party scope (a grant, a revision or an NDA changed moves the
        // data version; an expiry shows at most ReadModels:MaxAgeSeconds late — downloads are decided by the gate at the
        // time). Each showing is logged all the same; a logged read leaves the other cached pages alone (DataVersion.Log).
        (Lines, Fixtures) = await cache.GetAsync($"granted|{product}|{partyContext.Scope}", async c =>
            (await view.ListAsync(product, c), await queries.FixturesAsync(product, c)), ct);
        await view.RecordViewAsync(product, VaultActor.Of(HttpContext), Lines, ct);
        return Page();
    }
}
