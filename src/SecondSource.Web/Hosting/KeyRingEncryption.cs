using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using SecondSource.Application.Provisioning;

namespace SecondSource.Web.Hosting;

/// <summary>
/// Encrypts the Data Protection key ring's secrets before they reach the database: AES-256-GCM under the installation's
/// key-encryption key (<see cref="KeyEncryptionKey"/>), which is never in the database or a backup. Whoever reads the
/// database or a backup without the KEK cannot forge a session, an antiforgery token or a download link.
/// </summary>
public sealed class KeyRingEncryptor(ProvisioningOptions options, Func<int> encryptedKeys) : IXmlEncryptor
{
    internal static readonly XNamespace Ns = "urn:secondsource:key-ring:aes-256-gcm";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var kek = KeyEncryptionKey.Read(options, create: true, encryptedKeys(), "the encrypted keys of the Data Protection key ring");
        try
        {
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var tag = new byte[AesGcm.TagByteSizes.MaxSize];
            var ciphertext = new byte[plaintext.Length];
            using (var aes = new AesGcm(kek, tag.Length))
            {
                aes.Encrypt(nonce, plaintext, ciphertext, tag, KeyRingDecryptor.AssociatedData);
            }

            var element = new XElement(Ns + "encrypted",
                new XComment(" AES-256-GCM under the key-encryption key; see docs/security.md "),
                new XElement(Ns + "nonce", Convert.ToBase64String(nonce)),
                new XElement(Ns + "tag", Convert.ToBase64String(tag)),
                new XElement(Ns + "ciphertext", Convert.ToBase64String(ciphertext)));
            return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>Opens what <see cref="KeyRingEncryptor"/> sealed (Data Protection creates it by type, with the services).</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    internal static readonly byte[] AssociatedData = "secondsource data-protection key ring v1"u8.ToArray();

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var options = services.GetRequiredService<ProvisioningOptions>();
        byte[] Part(string name) => Convert.FromBase64String(encryptedElement.Element(KeyRingEncryptor.Ns + name)?.Value
            ?? throw new CryptographicException($"An encrypted key of the key ring has no {name}."));
        var (nonce, tag, ciphertext) = (Part("nonce"), Part("tag"), Part("ciphertext"));
        var kek = KeyEncryptionKey.Read(options, create: false, 1, "the encrypted keys of the Data Protection key ring (sessions, antiforgery tokens, download links)");
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using (var aes = new AesGcm(kek, tag.Length))
            {
                try
                {
                    aes.Decrypt(nonce, ciphertext, tag, plaintext, AssociatedData);
                }
                catch (AuthenticationTagMismatchException ex)
                {
                    throw new CryptographicException($"A key of the Data Protection key ring cannot be opened: the key-encryption key {options.KeyEncryptionKeyFile} is not the one it was sealed with, or the row was altered.", ex);
                }
            }

            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
