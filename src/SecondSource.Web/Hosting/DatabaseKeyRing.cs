using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;

namespace SecondSource.Web.Hosting;

/// <summary>
/// The Data Protection key ring in the database (<see cref="StoredXmlKey"/>): every web instance on the same database
/// reads the same keys, so a sign-in cookie, an antiforgery token or a download link made by one instance is accepted by
/// the others, and sessions survive a restart. Data Protection caches the ring and reads it again when a key nears its
/// expiry, so this is read rarely. Each key's secret is sealed with the installation's key-encryption key before it is
/// stored (<see cref="KeyRingEncryptor"/>): the rows, a dump and a backup hold no usable key.
/// </summary>
public sealed class DatabaseKeyRing(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        // The ring belongs to no party; read before anyone is known (the sign-in page's antiforgery token).
        using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        var rows = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        if (rows.Any(xml => xml.Contains("requiresEncryption", StringComparison.Ordinal)))
        {
            // Keys stored before the ring was encrypted (an upgraded installation): sealed the first time the ring is read.
            SealPlaintextKeys(new KeyRingEncryptor(scope.ServiceProvider.GetRequiredService<Application.Provisioning.ProvisioningOptions>(), SealedCount));
            rows = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        }

        return rows.Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        db.DataProtectionKeys.Add(new StoredXmlKey(friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow()));
        db.SaveChanges();
    }

    /// <summary>How many stored keys are sealed with the key-encryption key (a missing KEK is then an error, not a new one).</summary>
    public int SealedCount()
    {
        using var scope = scopes.CreateScope();
        using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
        var marker = KeyRingEncryptor.Ns.NamespaceName;
        return scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>().DataProtectionKeys.AsNoTracking().Count(k => k.Xml.Contains(marker));
    }

    /// <summary>
    /// Seals the secrets of keys stored before the ring was encrypted (an installation upgraded from an older
    /// version): each element Data Protection marked <c>requiresEncryption</c> is replaced by the sealed form it writes
    /// today. Run when the ring is read and holds such a key; returns how many keys it sealed.
    /// </summary>
    public int SealPlaintextKeys(Microsoft.AspNetCore.DataProtection.XmlEncryption.IXmlEncryptor encryptor)
    {
        ArgumentNullException.ThrowIfNull(encryptor);
        XNamespace dp = "http://schemas.asp.net/2015/03/dataProtection";
        using var scope = scopes.CreateScope();
        using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        var sealedKeys = 0;
        foreach (var row in db.DataProtectionKeys.Where(k => k.Xml.Contains("requiresEncryption")).ToList())
        {
            var xml = XElement.Parse(row.Xml);
            var secrets = xml.Descendants().Where(e => (bool?)e.Attribute(dp + "requiresEncryption") == true).ToList();
            if (secrets.Count == 0)
            {
                continue;
            }

            foreach (var secret in secrets)
            {
                var info = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(dp + "encryptedSecret", new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            }

            row.Replace(xml.ToString(SaveOptions.DisableFormatting));
            sealedKeys++;
        }

        db.SaveChanges();
        return sealedKeys;
    }
}
