using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Provisioning;

public sealed record SignFirmwareReleaseRequest(Guid ReleaseId, Guid KeyId, Actor Actor);

/// <summary>
/// Signs a released image with a firmware signing key in custody: the image is read back from the vault store and
/// its SHA-256 checked against the release (a corrupted store is caught before anything is signed), then the digest of
/// the key's algorithm is signed inside the backend. The detached signature is DER, so
/// <c>openssl dgst -sha256 -verify release-key.pem -signature image.sig image.bin</c> verifies it.
/// </summary>
public sealed class SignFirmwareReleaseHandler(SecondSourceDbContext db, VaultStore store, KeyCustody custody, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<string>> HandleAsync(SignFirmwareReleaseRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var release = await db.FirmwareReleases.SingleOrDefaultAsync(r => r.Id == request.ReleaseId, ct);
        if (release is null)
        {
            return Fail.NotFound("There is no such firmware release.");
        }

        var key = await db.CustodyKeys.SingleOrDefaultAsync(k => k.Id == request.KeyId, ct);
        if (key is null)
        {
            return Fail.NotFound("There is no such key.");
        }

        var revision = await db.ArtifactRevisions.SingleAsync(r => r.Id == release.RevisionId, ct);
        try
        {
            byte[] sha256;
            byte[] digest;
            await using (var image = store.Open(release.ImageSha256))
            {
                if (image is null)
                {
                    return Fail.Invalid($"The image of {release.Version} ({release.ImageSha256}) is missing from the vault store; nothing was signed.");
                }

                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using var keyDigest = IncrementalHash.CreateHash(KeyAlgorithms.Digest(key.Algorithm));
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await image.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    keyDigest.AppendData(buffer, 0, read);
                }

                sha256 = sha.GetHashAndReset();
                digest = keyDigest.GetHashAndReset();
            }

            if (Convert.ToHexStringLower(sha256) != release.ImageSha256)
            {
                return Fail.Invalid($"The stored image of {release.Version} no longer has the digest it was released with; nothing was signed.");
            }

            if (key.Purpose != KeyPurpose.FirmwareSigning)
            {
                return Fail.Invalid($"{key.Name} is a device CA key; firmware is signed with a firmware signing key.");
            }

            var signature = custody.SignDigest(key, digest);
            release.RecordSignature(key, signature, clock.GetUtcNow(), request.Actor.Name);
            await log.AppendAsync(AccessAction.SignFirmware, request.Actor, release.ArtifactId, revision, ct, $"firmware {release.Version} signed with '{key.Name}' ({key.Fingerprint})");
            await log.SaveAsync(ct);
            return Result.Ok(Convert.ToBase64String(signature));
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
