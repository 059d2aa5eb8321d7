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
public sealed class IndexModel(ProvisioningQueries queries, TimeProvider clock) : PageModel
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
        Blocks = await queries.BlocksAsync(now, ct);
        if (!User.IsBuyer())
        {
            Granted = await queries.GrantedReleasesAsync(null, ct);
            return Page();
        }

        Keys = await queries.KeysAsync(ct);
        Backends = queries.Backends();
        DefaultBackend = queries.DefaultBackend;
        Releases = await queries.ReleasesAsync(null, ct);
        Warnings = await queries.FirmwareWarningsAsync(ct);
        Profiles = await queries.ProfilesAsync(ct);
        OpenBatches = await queries.OpenBatchesAsync(now, ct);
        return Page();
    }
}
