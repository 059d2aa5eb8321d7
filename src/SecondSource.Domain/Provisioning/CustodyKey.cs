using System.Security.Cryptography;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Provisioning;

/// <summary>What a key in custody is for.</summary>
public enum KeyPurpose
{
    /// <summary>Signs firmware images (a detached signature over the image digest).</summary>
    FirmwareSigning = 1,

    /// <summary>The device certificate authority: signs device certificates and the revocation list.</summary>
    DeviceCa = 2,

    /// <summary>Signs checkpoints of the access log (its size and head hash), so cutting or rewriting the log is detected.</summary>
    LogCheckpoint = 3,
}

/// <summary>Where a private key lives. It is generated there and never leaves it.</summary>
public enum KeyBackend
{
    /// <summary>The embedded software key store: the private key encrypted at rest with a key-encryption key kept outside the database and configuration.</summary>
    Software = 1,

    /// <summary>A PKCS#11 token (an HSM; SoftHSM2 in development and tests): the key is created sensitive and non-extractable.</summary>
    Pkcs11 = 2,
}

/// <summary>The key algorithms custody supports: ECDSA on the NIST curves every HSM and device stack implements.</summary>
public enum KeyAlgorithm
{
    EcdsaP256 = 1,
    EcdsaP384 = 2,
}

/// <summary>Facts about the key algorithms.</summary>
public static class KeyAlgorithms
{
    public static string Name(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcdsaP256 => "ECDSA P-256",
        KeyAlgorithm.EcdsaP384 => "ECDSA P-384",
        _ => throw new DomainException($"'{algorithm}' is not a key algorithm."),
    };

    /// <summary>The digest signed with the key: SHA-256 for P-256, SHA-384 for P-384 (equal strength).</summary>
    public static HashAlgorithmName Digest(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcdsaP256 => HashAlgorithmName.SHA256,
        KeyAlgorithm.EcdsaP384 => HashAlgorithmName.SHA384,
        _ => throw new DomainException($"'{algorithm}' is not a key algorithm."),
    };

    /// <summary>The curve's object identifier.</summary>
    public static string CurveOid(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcdsaP256 => "1.2.840.10045.3.1.7",
        KeyAlgorithm.EcdsaP384 => "1.3.132.0.34",
        _ => throw new DomainException($"'{algorithm}' is not a key algorithm."),
    };

    /// <summary>Parses "p256", "ecdsa-p256", "ECDSA P-384" and the like.</summary>
    public static KeyAlgorithm Parse(string? text)
    {
        var compact = new string((text ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact switch
        {
            "P256" or "ECDSAP256" or "ECP256" or "ECDSAP256SHA256" => KeyAlgorithm.EcdsaP256,
            "P384" or "ECDSAP384" or "ECP384" => KeyAlgorithm.EcdsaP384,
            _ => throw new DomainException($"'{text}' is not a supported key algorithm; use ecdsa-p256 or ecdsa-p384."),
        };
    }
}

/// <summary>
/// A private key the buyer holds in custody, described by its public half: the backend holding it, the algorithm, the
/// SHA-256 fingerprint of its public key, and who created it when — so "signing keys held by the primary, not by the
/// buyer" can be checked. The private key itself is never stored here in the clear and never returned by any API.
/// </summary>
public sealed class CustodyKey : IBuyerOnly
{
    public const int MaxNameLength = 100;

    private CustodyKey()
    {
        Name = Handle = Fingerprint = CreatedBy = "";
        PublicKey = [];
    }

    public Guid Id { get; private set; }

    /// <summary>A name people recognise, unique: "VSM-200 firmware release key".</summary>
    public string Name { get; private set; }

    public KeyPurpose Purpose { get; private set; }

    public KeyBackend Backend { get; private set; }

    public KeyAlgorithm Algorithm { get; private set; }

    /// <summary>How the backend finds the key: the PKCS#11 object id (hex), or the software store's entry id.</summary>
    public string Handle { get; private set; }

    /// <summary>The public key as DER SubjectPublicKeyInfo.</summary>
    public byte[] PublicKey { get; private set; }

    /// <summary>SHA-256 of <see cref="PublicKey"/>, lower-case hex: the key's identity anyone can recompute.</summary>
    public string Fingerprint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>For a device CA: its self-signed certificate (DER), the trust anchor devices and verifiers install.</summary>
    public byte[]? CaCertificate { get; private set; }

    /// <summary>For a device CA: the number of the last revocation list it published (CRL numbers only grow).</summary>
    public long CrlNumber { get; private set; }

    /// <summary>Records a key the backend has just generated.</summary>
    public static CustodyKey Record(Guid id, string name, KeyPurpose purpose, KeyBackend backend, KeyAlgorithm algorithm, string handle, byte[] publicKey, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(purpose))
        {
            throw new DomainException($"'{purpose}' is not a key purpose.");
        }

        if (!Enum.IsDefined(backend))
        {
            throw new DomainException($"'{backend}' is not a key backend.");
        }

        _ = KeyAlgorithms.Name(algorithm);
        ArgumentNullException.ThrowIfNull(publicKey);
        if (publicKey.Length == 0)
        {
            throw new DomainException("The backend returned no public key.");
        }

        return new CustodyKey
        {
            Id = id,
            Name = Guard.RequiredText(name, "Key name", MaxNameLength),
            Purpose = purpose,
            Backend = backend,
            Algorithm = algorithm,
            Handle = Guard.RequiredText(handle, "Key handle", 200),
            PublicKey = publicKey,
            Fingerprint = FingerprintOf(publicKey),
            CreatedAt = Guard.Utc(at, "Creation time"),
            CreatedBy = Guard.RequiredText(by, "Created by", 256),
        };
    }

    public static string FingerprintOf(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    /// <summary>The fingerprint in groups of four, for reading aloud and comparing on screen.</summary>
    public string FingerprintGroups => string.Join(' ', Enumerable.Range(0, Fingerprint.Length / 4).Select(i => Fingerprint.Substring(i * 4, 4)));

    public void SetCaCertificate(byte[] der)
    {
        if (Purpose != KeyPurpose.DeviceCa)
        {
            throw new DomainException($"{Name} is a firmware signing key, not a device CA.");
        }

        CaCertificate = der is { Length: > 0 } ? der : throw new DomainException("The CA certificate is empty.");
    }

    /// <summary>For a device CA: the revocation list it published last (DER), which the CRL endpoint serves.</summary>
    public byte[]? Crl { get; private set; }

    public DateTimeOffset? CrlPublishedAt { get; private set; }

    /// <summary>The number the next revocation list carries.</summary>
    public long NextCrlNumber => CrlNumber + 1;

    /// <summary>Records a revocation list signed with this CA under <see cref="NextCrlNumber"/>.</summary>
    public void RecordCrl(byte[] der, DateTimeOffset at)
    {
        if (Purpose != KeyPurpose.DeviceCa)
        {
            throw new DomainException($"{Name} is not a device CA; only a CA publishes revocation lists.");
        }

        Crl = der is { Length: > 0 } ? der : throw new DomainException("The revocation list is empty.");
        CrlNumber++;
        CrlPublishedAt = Guard.Utc(at, "Publication time");
    }
}
