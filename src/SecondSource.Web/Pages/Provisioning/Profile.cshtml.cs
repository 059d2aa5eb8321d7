using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.Provisioning;
using SecondSource.Domain.Provisioning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>A product's PKI provisioning template: subject pattern, accepted device keys, validity, uses and issuing CA.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class ProfileModel(BomRevisionQueries products, ProvisioningQueries queries, SetProvisioningProfileHandler set) : ProductVaultPage(products)
{
    public ProvisioningProfile? Profile { get; private set; }

    public IReadOnlyList<KeyView> Cas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct)
    {
        if (!await FindProductAsync(product, ct))
        {
            return NotFound();
        }

        Profile = await queries.ProfileAsync(product, ct);
        Cas = [.. (await queries.KeysAsync(ct)).Where(k => k.Purpose == KeyPurpose.DeviceCa)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid product, string? subject, bool p256, bool p384, int? rsa, int? validity, bool clientAuth, bool serverAuth, Guid ca, CancellationToken ct)
    {
        var result = await set.HandleAsync(new SetProvisioningProfileRequest(product, subject ?? "", p256, p384, rsa ?? 0, validity ?? 0, clientAuth, serverAuth, ca, User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, _ => "The profile is saved; it applies to certificates issued from now on.", "Profile", new { product });
    }
}
