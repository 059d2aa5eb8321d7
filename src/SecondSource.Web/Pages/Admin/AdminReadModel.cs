using SecondSource.Application.Parties;
using SecondSource.Web.Hosting;

namespace SecondSource.Web.Pages.Admin;

/// <summary>
/// The organisations (with their people and active keys) and the machine keys as the administration pages show them,
/// served from the read model per party scope: recomputed after a change, shared by the manufacturers, API keys and
/// people pages. A key's "active" reads the clock when computed, so an expiry shows at most
/// <c>ReadModels:MaxAgeSeconds</c> late on these lists — the key itself is refused at its expiry, not by this view.
/// </summary>
public sealed class AdminReadModel(PartyQueries parties, ApiKeyQueries keys, ScopedReadModel cache)
{
    public Task<IReadOnlyList<PartyView>> PartiesAsync(CancellationToken ct) =>
        cache.GetAsync("admin-parties", parties.ListAsync, ct);

    public Task<IReadOnlyList<ApiKeyView>> ApiKeysAsync(CancellationToken ct) =>
        cache.GetAsync("admin-api-keys", keys.ListAsync, ct);
}
