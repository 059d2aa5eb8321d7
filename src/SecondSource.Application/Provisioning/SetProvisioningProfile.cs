using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Application.Provisioning;

public sealed record SetProvisioningProfileRequest(Guid ProductId, string SubjectPattern, bool AllowEcP256, bool AllowEcP384, int MinRsaBits, int ValidityDays,
    bool ClientAuth, bool ServerAuth, Guid IssuingCaKeyId, string By);

/// <summary>Creates or changes a product's PKI provisioning template; the issuing CA must be a device CA key in custody.</summary>
public sealed class SetProvisioningProfileHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(SetProvisioningProfileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Products.AnyAsync(p => p.Id == request.ProductId, ct))
        {
            return Fail.NotFound("There is no such product.");
        }

        var ca = await db.CustodyKeys.SingleOrDefaultAsync(k => k.Id == request.IssuingCaKeyId, ct);
        if (ca is null || ca.Purpose != KeyPurpose.DeviceCa)
        {
            return Fail.Invalid("The issuing CA must be a device CA key in custody (Provisioning → keys).");
        }

        try
        {
            var now = clock.GetUtcNow();
            var profile = await db.ProvisioningProfiles.SingleOrDefaultAsync(p => p.ProductId == request.ProductId, ct);
            if (profile is null)
            {
                profile = ProvisioningProfile.Create(request.ProductId, ca.Id, now, request.By);
                db.ProvisioningProfiles.Add(profile);
            }

            profile.Update(request.SubjectPattern, request.AllowEcP256, request.AllowEcP384, request.MinRsaBits, request.ValidityDays, request.ClientAuth, request.ServerAuth, ca.Id, now, request.By);
            _ = new System.Security.Cryptography.X509Certificates.X500DistinguishedName(profile.SubjectFor("SN0001", "Product"));
            await db.SaveChangesAsync(ct);
            return Result.Ok(profile.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return Fail.Invalid($"The subject pattern '{request.SubjectPattern}' is not an X.500 name (write it like CN={{serial}}, OU={{product}}, O=Example Ltd).");
        }
    }
}
