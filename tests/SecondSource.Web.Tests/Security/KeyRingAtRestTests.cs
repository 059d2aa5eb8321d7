using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Database;
using SecondSource.Application.Persistence;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Security;

/// <summary>
/// The Data Protection key ring at rest (security round 2, finding 4): its rows and a full backup hold no key in clear
/// — each key's secret is sealed with the key-encryption key, which no backup holds — and another instance on the same
/// database still opens the sessions the first one issued.
/// </summary>
public sealed class KeyRingAtRestTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_key_ring_rows_and_a_backup_hold_no_key_in_clear_and_sessions_still_work_across_instances()
    {
        using var client = app.CreateBrowserlessClient();
        var admin = app.Credential("Admin");
        using var signedIn = await client.SignInAsync(admin.Login, admin.Secret);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SecondSource.Session=", StringComparison.Ordinal)).Split(';')[0];

        var rows = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        rows.ShouldNotBeEmpty();
        foreach (var xml in rows.Select(XElement.Parse))
        {
            // Data Protection writes a key's secret as <masterKey><value>base64</value></masterKey>; sealed, it is an
            // <encryptedSecret> naming our decryptor, around AES-GCM ciphertext.
            xml.Descendants().Where(e => e.Name.LocalName == "masterKey").ShouldBeEmpty();
            var sealedSecret = xml.Descendants().Single(e => e.Name.LocalName == "encryptedSecret");
            sealedSecret.Attribute("decryptorType")!.Value.ShouldStartWith(typeof(SecondSource.Web.Hosting.KeyRingDecryptor).FullName!);
            sealedSecret.Descendants().Single(e => e.Name.LocalName == "ciphertext").Value.Length.ShouldBeGreaterThan(100);
        }

        // A full backup: the database file carries the rows as they are, and the key-encryption key is not in it.
        var backup = Path.Combine(Path.GetTempPath(), $"keyring-backup-{Guid.NewGuid():N}");
        try
        {
            var result = await app.RunInSystemScopeAsync(s => s.GetRequiredService<BackupDataFolderHandler>().HandleAsync(new BackupDataFolderRequest(backup), CancellationToken.None));
            result.Failure.ShouldBeNull();
            foreach (var file in Directory.EnumerateFiles(backup, "*", SearchOption.AllDirectories))
            {
                var text = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
                text.ShouldNotContain("<masterKey", customMessage: $"{Path.GetFileName(file)} holds a key in clear");
                Path.GetFileName(file).ShouldNotBe("keystore-kek");
            }
        }
        finally
        {
            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }
        }

        // Another instance (its own key manager, reading the ring from the database) opens the session.
        using var other = app.WithWebHostBuilder(_ => { });
        using var second = other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", session);
        using var home = await second.SendAsync(request);
        home.StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance reads the sealed key with the same key-encryption key");
    }

    [Fact]
    public async Task A_key_stored_in_clear_by_an_older_version_is_sealed_when_the_ring_is_read()
    {
        using var client = app.CreateBrowserlessClient();
        var admin = app.Credential("Admin");
        using var signedIn = await client.SignInAsync(admin.Login, admin.Secret);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SecondSource.Session=", StringComparison.Ordinal)).Split(';')[0];

        // Unseal every stored key back to the form older versions wrote (<masterKey requiresEncryption="true">).
        var unsealed = await app.RunInSystemScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var decryptor = new SecondSource.Web.Hosting.KeyRingDecryptor(s);
            foreach (var row in await db.DataProtectionKeys.ToListAsync())
            {
                var xml = XElement.Parse(row.Xml);
                foreach (var secret in xml.Descendants().Where(e => e.Name.LocalName == "encryptedSecret").ToList())
                {
                    secret.ReplaceWith(decryptor.Decrypt(secret.Elements().Single()));
                }

                row.Replace(xml.ToString(SaveOptions.DisableFormatting));
            }

            await db.SaveChangesAsync();
            return await db.DataProtectionKeys.CountAsync(k => k.Xml.Contains("<masterKey"));
        });
        unsealed.ShouldBeGreaterThan(0);

        // The next instance to read the ring seals them, and the session still opens.
        using var other = app.WithWebHostBuilder(_ => { });
        using var second = other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", session);
        using var home = await second.SendAsync(request);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().DataProtectionKeys.CountAsync(k => k.Xml.Contains("<masterKey")))).ShouldBe(0);
    }
}
