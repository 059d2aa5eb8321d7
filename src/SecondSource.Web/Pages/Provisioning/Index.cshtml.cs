using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Domain.Provisioning;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>
/// Keys and provisioning. The buyer sees the custody of every key (backend, creation, fingerprint), the firmware
/// releases and their signatures, unreleased firmware the lines run, the products' certificate profiles and the serial
/// blocks. A manufacturer sees the signed firmware granted to its lines and its own serial blocks; never a key.
/// </summary>
public sealed class IndexModel(ProvisioningQueries queries, TimeProvider clock, Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    public IReadOnlyList<KeyView> Keys { get; private set; } = [];

    public IReadOnlyList<(KeyBackend Backend, string Location, string? Unavailable)> Backends { get; private set; } = [];

    public KeyBackend DefaultBackend { get; private set; }

    public IReadOnlyList<ReleaseView> Releases { get; private set; } = [];

    public IReadOnlyList<GrantedRelease> Granted { get; private set; } = [];

    public IReadOnlyList<FirmwareWarning> Warnings { get; private set; } = [];

    public IReadOnlyList<(Guid ProductId, string Product, ProvisioningProfile? Profile)> Profiles { get; private set; } = [];

    public IReadOnlyList<SerialBlockView> Blocks { get; private set; } = [];

    public IReadOnlyList<OpenBatch> OpenBatches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The serial blocks (and a line's granted releases) per party scope from the read model as well.
        Blocks = await cache.GetAsync($"serial-blocks|{partyContext.Scope}", c => queries.BlocksAsync(now, c), ct);
        if (!User.IsBuyer())
        {
            Granted = await cache.GetAsync($"granted-releases|{partyContext.Scope}", c => queries.GrantedReleasesAsync(null, c), ct);
            return Page();
        }

        // The buyer's view reads every key (each checked in its backend: the software store opens it), release, profile and
        // open batch: served from the read model, recomputed after a change or every few seconds. Buyer only: one entry.
        (Keys, Releases, Warnings, Profiles, OpenBatches) = await cache.GetAsync($"provisioning|{now:yyyy-MM-dd}", async c =>
            (await queries.KeysAsync(c), await queries.ReleasesAsync(null, c), await queries.FirmwareWarningsAsync(c), await queries.ProfilesAsync(c), await queries.OpenBatchesAsync(now, c)), ct);
        Backends = queries.Backends();
        DefaultBackend = queries.DefaultBackend;
        return Page();
    }
}
