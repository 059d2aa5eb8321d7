using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Application.Provisioning;

/// <summary>
/// The embedded key backend. Each private key is generated here and written only wrapped: AES-256-GCM under a
/// key-encryption key (KEK), with the key's handle and algorithm as associated data (a wrapped file cannot be renamed
/// to stand for another key). The KEK is 32 random bytes in a file of its own — never in the database, appsettings or
/// the environment; created on first use with mode 0600, and refused if anyone but the owner can read it. A key is
/// unwrapped in memory only for the one signature, then the buffer is zeroed.
/// What this protects: the database and its backups and dumps (they hold public keys only), the key store folder
/// copied without the KEK, a reader of the database through the application. What it does not: whoever can read the
/// KEK file as the service user or root can unwrap the keys, and process memory holds a key while it signs. Put the
/// KEK in a systemd credential (LoadCredentialEncrypted, sealed to the TPM) or use the PKCS#11 backend for more.
/// </summary>
public sealed class SoftwareKeyStore(ProvisioningOptions options) : IKeyCustodyBackend
{
    private const string Format = "secondsource-wrapped-key-1";

    public KeyBackend Backend => KeyBackend.Software;

    public string? Unavailable => null;

    public string Location => $"software key store {options.KeyStoreFolder}, key-encryption key {options.KeyEncryptionKeyFile}";

    public GeneratedKey Generate(Guid id, string label, KeyAlgorithm algorithm)
    {
        var handle = id.ToString("N");
        using var key = ECDsa.Create(Curve(algorithm));
        var pkcs8 = key.ExportPkcs8PrivateKey();
        try
        {
            var kek = KeyEncryptionKey(create: true);
            try
            {
                var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
                var tag = new byte[AesGcm.TagByteSizes.MaxSize];
                var ciphertext = new byte[pkcs8.Length];
                using (var aes = new AesGcm(kek, tag.Length))
                {
                    aes.Encrypt(nonce, pkcs8, ciphertext, tag, AssociatedData(handle, algorithm));
                }

                var wrapped = JsonSerializer.SerializeToUtf8Bytes(new WrappedKey(Format, handle, algorithm.ToString(), label, Convert.ToBase64String(nonce), Convert.ToBase64String(tag), Convert.ToBase64String(ciphertext)));
                Directory.CreateDirectory(options.KeyStoreFolder);
                var path = PathOf(handle);
                var temporary = path + ".tmp";
                using (var file = CreateOwnerOnly(temporary))
                {
                    file.Write(wrapped);
                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, path);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(kek);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        return new GeneratedKey(handle, key.ExportSubjectPublicKeyInfo());
    }

    public byte[] SignDigest(string handle, KeyAlgorithm algorithm, ReadOnlySpan<byte> digest)
    {
        var path = PathOf(handle);
        if (!File.Exists(path))
        {
            throw new DomainException($"The software key store has no key {handle} (looked for {path}).");
        }

        var wrapped = JsonSerializer.Deserialize<WrappedKey>(File.ReadAllBytes(path)) ?? throw new CryptographicException($"{path} is not a wrapped key.");
        if (wrapped.Format != Format || wrapped.Handle != handle || wrapped.Algorithm != algorithm.ToString())
        {
            throw new CryptographicException($"{path} does not hold key {handle} ({algorithm}).");
        }

        var ciphertext = Convert.FromBase64String(wrapped.Ciphertext);
        var pkcs8 = new byte[ciphertext.Length];
        var kek = KeyEncryptionKey(create: false);
        try
        {
            using (var aes = new AesGcm(kek, AesGcm.TagByteSizes.MaxSize))
            {
                try
                {
                    aes.Decrypt(Convert.FromBase64String(wrapped.Nonce), ciphertext, Convert.FromBase64String(wrapped.Tag), pkcs8, AssociatedData(handle, algorithm));
                }
                catch (AuthenticationTagMismatchException)
                {
                    throw new CryptographicException($"Key {handle} cannot be unwrapped: the key-encryption key {options.KeyEncryptionKeyFile} is not the one it was wrapped with, or the file was altered.");
                }
            }

            using var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            return key.SignHash(digest.ToArray(), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>
    /// Whether a stored key can be used: its wrapped file is there, the key-encryption key is present and opens it,
    /// and the key inside is the one whose public half the database holds. Null when it can; else what is wrong.
    /// Used by <c>db verify</c>, so a restore without its key-encryption key is not called intact.
    /// </summary>
    public string? Check(string handle, KeyAlgorithm algorithm, byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        try
        {
            var signature = SignDigest(handle, algorithm, SHA256.HashData("secondsource db verify"u8));
            using var verifier = ECDsa.Create();
            verifier.ImportSubjectPublicKeyInfo(publicKey, out _);
            return verifier.VerifyHash(SHA256.HashData("secondsource db verify"u8), signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                ? null
                : $"the key in {PathOf(handle)} is not the one the database's public key names";
        }
        catch (Exception ex) when (ex is DomainException or CryptographicException or IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            return ex.Message;
        }
    }

    private string PathOf(string handle) =>
        handle.Length == 32 && handle.All(Uri.IsHexDigit) ? Path.Combine(options.KeyStoreFolder, handle + ".key") : throw new DomainException($"'{handle}' is not a software key handle.");

    private static byte[] AssociatedData(string handle, KeyAlgorithm algorithm) => Encoding.UTF8.GetBytes($"{Format}\n{handle}\n{algorithm}");

    private static ECCurve Curve(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcdsaP256 => ECCurve.NamedCurves.nistP256,
        KeyAlgorithm.EcdsaP384 => ECCurve.NamedCurves.nistP384,
        _ => throw new DomainException($"'{algorithm}' is not a key algorithm."),
    };

    private byte[] KeyEncryptionKey(bool create)
    {
        var wrappedKeys = Directory.Exists(options.KeyStoreFolder) ? Directory.GetFiles(options.KeyStoreFolder, "*.key").Length : 0;
        return Provisioning.KeyEncryptionKey.Read(options, create, wrappedKeys, $"the {wrappedKeys} key(s) in {options.KeyStoreFolder}");
    }

    private static FileStream CreateOwnerOnly(string path) => Provisioning.KeyEncryptionKey.CreateOwnerOnly(path);

    private sealed record WrappedKey(string Format, string Handle, string Algorithm, string Label, string Nonce, string Tag, string Ciphertext);
}
