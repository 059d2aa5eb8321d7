using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Application.Provisioning;

/// <summary>A key a backend has just generated: how the backend finds it again, and its public half (DER SubjectPublicKeyInfo).</summary>
public sealed record GeneratedKey(string Handle, byte[] SubjectPublicKeyInfo);

/// <summary>
/// One place private keys live. A backend generates keys inside itself and signs digests with them; it has no
/// operation that returns a private key, so nothing above it can export one.
/// </summary>
public interface IKeyCustodyBackend
{
    KeyBackend Backend { get; }

    /// <summary>Null when the backend can be used; otherwise what is missing (library, token, key file), in words.</summary>
    string? Unavailable { get; }

    /// <summary>Where the keys are, in words, for the custody page ("PKCS#11 token 'secondsource' via /usr/lib/softhsm/libsofthsm2.so").</summary>
    string Location { get; }

    GeneratedKey Generate(Guid id, string label, KeyAlgorithm algorithm);

    /// <summary>Signs a digest; the signature is r‖s (IEEE P1363), as PKCS#11's CKM_ECDSA returns it.</summary>
    byte[] SignDigest(string handle, KeyAlgorithm algorithm, ReadOnlySpan<byte> digest);
}

/// <summary>
/// The key backends of this installation and the operations on a key in custody: generate in a backend, sign data
/// (the digest is computed here, the backend signs it), and an X.509 signature generator so certificates and revocation
/// lists are signed by the custody key without the key ever leaving its backend.
/// </summary>
public sealed class KeyCustody(IEnumerable<IKeyCustodyBackend> backends, ProvisioningOptions options)
{
    private readonly Dictionary<KeyBackend, IKeyCustodyBackend> _backends = backends.ToDictionary(b => b.Backend);

    /// <summary>The backend new keys go to unless another is asked for.</summary>
    public KeyBackend DefaultBackend => options.DefaultBackend;

    public IReadOnlyList<IKeyCustodyBackend> Backends => [.. _backends.Values.OrderBy(b => b.Backend)];

    /// <summary>The backend, or a <see cref="DomainException"/> that says why it cannot be used.</summary>
    public IKeyCustodyBackend Backend(KeyBackend backend)
    {
        if (!_backends.TryGetValue(backend, out var found))
        {
            throw new DomainException($"The {backend} key backend is not part of this installation.");
        }

        return found.Unavailable is { } why ? throw new DomainException($"The {backend} key backend cannot be used: {why}") : found;
    }

    /// <summary>Signs <paramref name="data"/> with the key: the digest of its algorithm (SHA-256 for P-256), DER-encoded signature (RFC 3279).</summary>
    public byte[] SignData(CustodyKey key, ReadOnlySpan<byte> data, HashAlgorithmName? hash = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var algorithm = hash ?? KeyAlgorithms.Digest(key.Algorithm);
        var digest = algorithm == HashAlgorithmName.SHA256 ? SHA256.HashData(data)
            : algorithm == HashAlgorithmName.SHA384 ? SHA384.HashData(data)
            : throw new DomainException($"{algorithm.Name} is not a digest custody signs with.");
        return SignDigest(key, digest);
    }

    /// <summary>Signs a digest computed by the caller; DER-encoded signature.</summary>
    public byte[] SignDigest(CustodyKey key, ReadOnlySpan<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(key);
        var raw = Backend(key.Backend).SignDigest(key.Handle, key.Algorithm, digest);
        var signature = EcdsaSignatures.ToDer(raw);
        using var verifier = ECDsa.Create();
        verifier.ImportSubjectPublicKeyInfo(key.PublicKey, out _);
        // A backend that answers with the wrong key or a corrupted signature is caught here, not by a device in the field.
        if (!verifier.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence))
        {
            throw new CryptographicException($"The {key.Backend} backend returned a signature that does not verify with {key.Name}'s public key.");
        }

        return signature;
    }

    /// <summary>An X.509 signature generator backed by the custody key (for certificates and CRLs).</summary>
    public X509SignatureGenerator SignatureGenerator(CustodyKey key) => new CustodySignatureGenerator(this, key);

    private sealed class CustodySignatureGenerator(KeyCustody custody, CustodyKey key) : X509SignatureGenerator
    {
        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
        {
            var oid = hashAlgorithm == HashAlgorithmName.SHA256 ? "1.2.840.10045.4.3.2"
                : hashAlgorithm == HashAlgorithmName.SHA384 ? "1.2.840.10045.4.3.3"
                : throw new ArgumentOutOfRangeException(nameof(hashAlgorithm), hashAlgorithm.Name, "ECDSA with SHA-256 or SHA-384 only.");
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
            }

            return writer.Encode();
        }

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => custody.SignData(key, data, hashAlgorithm);

        protected override PublicKey BuildPublicKey() => PublicKey.CreateFromSubjectPublicKeyInfo(key.PublicKey, out _);
    }
}

/// <summary>ECDSA signature encodings: PKCS#11 and P1363 give r‖s; X.509 and <c>openssl dgst</c> use a DER SEQUENCE of two INTEGERs.</summary>
public static class EcdsaSignatures
{
    public static byte[] ToDer(ReadOnlySpan<byte> rs)
    {
        if (rs.Length == 0 || rs.Length % 2 != 0)
        {
            throw new CryptographicException("An ECDSA signature r‖s has an even, non-zero length.");
        }

        var half = rs.Length / 2;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(Minimal(rs[..half]));
            writer.WriteIntegerUnsigned(Minimal(rs[half..]));
        }

        return writer.Encode();
    }

    // DER integers carry no redundant leading zero bytes.
    private static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }
}
