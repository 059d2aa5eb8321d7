using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Provisioning;

public sealed record PublishCrlRequest(Guid CaKeyId, Actor Actor);

/// <summary>The published list: DER, its number and when the next is due.</summary>
public sealed record PublishedCrl(byte[] Der, long Number, int Entries, DateTimeOffset NextUpdate);

/// <summary>
/// Publishes the device CA's certificate revocation list (RFC 5280 §5): every certificate it issued that is revoked,
/// with the revocation time and reason, a CRL number one above the last, and the next update a week ahead. Signed
/// inside the CA key's backend. Revoking a certificate publishes a new list at once; publish again before the next
/// update is due (<c>secondsource certs crl</c> on a schedule).
/// </summary>
public sealed class PublishCrlHandler(SecondSourceDbContext db, KeyCustody custody, AccessLogWriter log, TimeProvider clock)
{
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromDays(7);

    public async Task<Result<PublishedCrl>> HandleAsync(PublishCrlRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ca = await db.CustodyKeys.SingleOrDefaultAsync(k => k.Id == request.CaKeyId, ct);
        if (ca is null || ca.Purpose != KeyPurpose.DeviceCa || ca.CaCertificate is null)
        {
            return Fail.NotFound("There is no such device CA.");
        }

        try
        {
            var published = await BuildAsync(ca, ct);
            await log.AppendAsync(AccessAction.PublishCrl, request.Actor.Name, request.Actor.Party, null, null, null, request.Actor.ClientAddress, ct,
                $"CRL {published.Number} of '{ca.Name}': {published.Entries} revoked certificate(s), next update {published.NextUpdate:yyyy-MM-dd}");
            await log.SaveAsync(ct);
            return Result.Ok(published);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    /// <summary>Builds and records the next list in the caller's unit of work (the caller saves).</summary>
    public async Task<PublishedCrl> BuildAsync(CustodyKey ca, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ca);
        var revoked = await db.DeviceCertificates.Where(c => c.IssuerKeyId == ca.Id && c.RevokedAt != null)
            .Select(c => new { c.CertificateSerial, c.RevokedAt, c.RevocationReason }).ToListAsync(ct);
        // Certificates revoked in this unit of work are not in the database yet.
        var pending = db.ChangeTracker.Entries<DeviceCertificate>().Select(e => e.Entity).Where(c => c.IssuerKeyId == ca.Id && c.RevokedAt != null)
            .Select(c => new { c.CertificateSerial, c.RevokedAt, c.RevocationReason });
        var builder = new CertificateRevocationListBuilder();
        var entries = revoked.Concat(pending).DistinctBy(c => c.CertificateSerial).ToList();
        foreach (var entry in entries)
        {
            builder.AddEntry(Convert.FromHexString(entry.CertificateSerial), entry.RevokedAt!.Value, entry.RevocationReason);
        }

        using var caCertificate = X509CertificateLoader.LoadCertificate(ca.CaCertificate!);
        var now = clock.GetUtcNow();
        var next = now + UpdateInterval;
        var number = ca.NextCrlNumber;
        var der = builder.Build(caCertificate.SubjectName, custody.SignatureGenerator(ca), new BigInteger(number), next, KeyAlgorithms.Digest(ca.Algorithm),
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(caCertificate, true, false), now);
        ca.RecordCrl(der, now);
        return new PublishedCrl(der, number, entries.Count, next);
    }
}
