using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Provisioning;

public sealed record CreateCustodyKeyRequest(string Name, KeyPurpose Purpose, KeyAlgorithm Algorithm, KeyBackend? Backend, Actor Actor);

/// <summary>
/// Generates a key inside a backend (the default unless one is named) and records its public half and custody. A
/// device CA also gets its self-signed certificate (20 years, path length 0: it signs device certificates only),
/// signed inside the backend. The creation is logged in the tamper-evident log with the key's fingerprint.
/// </summary>
public sealed class CreateCustodyKeyHandler(SecondSourceDbContext db, KeyCustody custody, AccessLogWriter log, TimeProvider clock)
{
    /// <summary>How long a device CA's own certificate is valid.</summary>
    public static readonly TimeSpan CaValidity = TimeSpan.FromDays(20 * 365 + 5);

    public async Task<Result<Guid>> HandleAsync(CreateCustodyKeyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim() ?? "";
        if (await db.CustodyKeys.AnyAsync(k => k.Name == name, ct))
        {
            return Fail.Conflict($"There is already a key named '{name}'.");
        }

        try
        {
            var backend = request.Backend ?? custody.DefaultBackend;
            _ = Guard.RequiredText(name, "Key name", CustodyKey.MaxNameLength);
            var id = Guid.CreateVersion7();
            var now = clock.GetUtcNow();
            var generated = custody.Backend(backend).Generate(id, name, request.Algorithm);
            var key = CustodyKey.Record(id, name, request.Purpose, backend, request.Algorithm, generated.Handle, generated.SubjectPublicKeyInfo, now, request.Actor.Name);
            if (key.Purpose == KeyPurpose.DeviceCa)
            {
                var buyer = await db.Parties.Where(p => p.Kind == PartyKind.Buyer).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "SecondSource";
                key.SetCaCertificate(SelfSign(custody, key, buyer, now));
            }

            db.CustodyKeys.Add(key);
            await log.AppendAsync(AccessAction.CreateKey, request.Actor.Name, request.Actor.Party, null, null, null, request.Actor.ClientAddress, ct,
                $"{KeyAlgorithms.Name(key.Algorithm)} {Labels.Of(key.Purpose)} key '{key.Name}' in the {Labels.Lower(Labels.Of(key.Backend))}, fingerprint {key.Fingerprint}");
            await log.SaveAsync(ct);
            return Result.Ok(key.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    private static byte[] SelfSign(KeyCustody custody, CustodyKey key, string organisation, DateTimeOffset now)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(organisation);
        subject.AddCommonName(key.Name);
        var name = subject.Build();
        var hash = KeyAlgorithms.Digest(key.Algorithm);
        var request = new CertificateRequest(name, PublicKey.CreateFromSubjectPublicKeyInfo(key.PublicKey, out _), hash);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        var ski = new X509SubjectKeyIdentifierExtension(request.PublicKey, false);
        request.CertificateExtensions.Add(ski);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski));
        var serial = NewSerial().Bytes;
        var notBefore = now.AddMinutes(-5);
        using var certificate = request.Create(name, custody.SignatureGenerator(key), notBefore, notBefore + CaValidity, serial);
        return certificate.RawData;
    }

    /// <summary>A fresh certificate serial: 16 random bytes, positive (RFC 5280 §4.1.2.2 allows up to 20 octets).</summary>
    public static (byte[] Bytes, string Hex) NewSerial()
    {
        var bytes = RandomNumberGenerator.GetBytes(16);
        bytes[0] = (byte)((bytes[0] & 0x7F) | 0x01);
        return (bytes, Convert.ToHexString(bytes));
    }
}
