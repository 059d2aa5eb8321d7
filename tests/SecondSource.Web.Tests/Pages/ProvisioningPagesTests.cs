using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>The custody page and the certificates as the buyer and as each manufacturer see them; forms for keys, releases, signing, serials and revocation.</summary>
public sealed class ProvisioningPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_buyer_sees_each_keys_custody_and_the_unreleased_firmware_a_line_runs()
    {
        using var engineer = await app.SignedInAsync("Engineer");
        var page = await engineer.GetDocumentAsync("/Provisioning");
        var keys = page.QuerySelectorAll("[data-testid=custody] tr[data-key]");
        // Contains, not equals: another test of this class generates a key on the same app.
        keys.Select(k => k.GetAttribute("data-key")).ShouldContain("Aurora firmware release key 2026");
        var fingerprint = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().CustodyKeys.Where(k => k.Name == "Aurora Device CA 2026").Select(k => k.Fingerprint).SingleAsync());
        var ca = keys.Single(k => k.GetAttribute("data-key") == "Aurora Device CA 2026");
        ca.QuerySelector("[data-testid=backend]")!.TextContent.ShouldBe("Software key store");
        ca.QuerySelector(".fingerprint")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ShouldBe(fingerprint);
        ca.TextContent.ShouldContain("admin@aurora-medical.example");
        ca.QuerySelector("[data-testid=protection]")!.TextContent.ShouldBe("wrapped with AES-256-GCM under the key-encryption key");
        page.QuerySelector("[data-testid=create-key-form]").ShouldBeNull("only an administrator generates keys");
        page.QuerySelector("[data-testid=firmware-warnings]")!.TextContent.ShouldContain("version 2.5.0-rc3");
        page.QuerySelectorAll("[data-testid=releases] tr[data-version]").Select(r => r.GetAttribute("data-version")).ShouldBe(["2.5.0", "2.4.1"]);
        page.QuerySelector("[data-testid=profiles]")!.TextContent.ShouldContain("CN=VSM200-{serial}");
    }

    [Fact]
    public async Task A_manufacturer_sees_its_granted_firmware_and_its_own_certificates_and_no_key()
    {
        var fingerprint = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().CustodyKeys.Select(k => k.Fingerprint).FirstAsync());
        using var vistula = await app.SignedInAsync("Member", "Vistula");
        var page = await vistula.GetDocumentAsync("/Provisioning");
        page.QuerySelector("[data-testid=custody]").ShouldBeNull();
        page.DocumentElement.OuterHtml.ShouldNotContain(fingerprint[20..], Case.Insensitive, "a manufacturer never sees the keys' custody");
        page.QuerySelectorAll("[data-testid=granted-firmware] tr[data-version]").Select(r => r.GetAttribute("data-version")).ShouldBe(["2.5.0"]);
        page.QuerySelectorAll("[data-testid=serial-blocks] tr[data-block]").Select(r => r.GetAttribute("data-block")).ShouldBe(["AUR2612-V000001"]);

        var certificates = await vistula.GetDocumentAsync("/Provisioning/Certificates");
        var serials = certificates.QuerySelectorAll("[data-testid=certificates] tr[data-serial]").Select(r => r.GetAttribute("data-serial")!).ToList();
        serials.ShouldNotBeEmpty();
        serials.ShouldAllBe(s => s.StartsWith("AUR2612-V"), "the canary: Pearl River's units never appear at Vistula");
        (await vistula.GetDocumentAsync("/Provisioning/Certificates?serial=AUR2612-P")).QuerySelectorAll("tr[data-serial]").ShouldBeEmpty();
        using var pearlCertificate = await vistula.GetAsync(new Uri($"/Provisioning/Download?what=certificate&id={await CertificateIdAsync("AUR2612-P000001")}", UriKind.Relative));
        pearlCertificate.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var publicKey = await vistula.GetAsync(new Uri($"/Provisioning/Download?what=public-key&id={await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().CustodyKeys.Select(k => k.Id).FirstAsync())}", UriKind.Relative));
        publicKey.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var own = await vistula.GetAsync(new Uri($"/Provisioning/Download?what=certificate&id={await CertificateIdAsync("AUR2612-V000001")}", UriKind.Relative));
        (await own.Content.ReadAsStringAsync()).ShouldStartWith("-----BEGIN CERTIFICATE-----");

        var unit = await vistula.GetDocumentAsync("/TestData/Unit?serial=AUR2612-V000020");
        unit.QuerySelector("[data-testid=unit-certificate]")!.TextContent.ShouldContain("2.5.0-rc3");
    }

    [Fact]
    public async Task The_admin_generates_a_key_the_engineer_releases_the_admin_signs_and_a_certificate_is_revoked()
    {
        using var admin = await app.SignedInAsync("Admin");
        using var created = await admin.SubmitFormAsync("/Provisioning", new Dictionary<string, string> { ["name"] = "Aurora release key 2027", ["purpose"] = "FirmwareSigning", ["algorithm"] = "EcdsaP384" },
            "[data-testid=create-key-form]");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await admin.GetDocumentAsync("/Provisioning");
        page.QuerySelector(".alert.success")!.TextContent.ShouldContain("Aurora release key 2027");
        page.QuerySelector("tr[data-key='Aurora release key 2027']")!.TextContent.ShouldContain("ECDSA P-384");

        using var engineer = await app.SignedInAsync("Engineer");
        using var duplicate = await engineer.SubmitFormAsync("/Provisioning", new Dictionary<string, string> { ["version"] = "2.5.0" }, "[data-testid=release-form]");
        (await engineer.GetDocumentAsync("/Provisioning")).QuerySelector(".alert.error")!.TextContent.ShouldContain("already released");

        using var asked = await engineer.SubmitFormAsync("/Provisioning/Certificates?serial=AUR2612-P000007", new Dictionary<string, string> { ["reason"] = "Superseded" },
            "tr[data-serial='AUR2612-P000007'] form");
        var confirmation = await WebSession.ParseAsync(asked);
        confirmation.QuerySelector("[data-testid=confirmation] h1")!.TextContent.ShouldBe("Revoke the certificate of AUR2612-P000007?");
        confirmation.QuerySelector("[data-testid=consequences]")!.TextContent.ShouldContain("revoked (superseded)");
        using var revoke = await engineer.SubmitAsync(confirmation.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("[data-testid=confirmation] form")!, "/Provisioning/Revoke", new Dictionary<string, string>());
        revoke.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await engineer.GetDocumentAsync("/Provisioning/Certificates?serial=AUR2612-P000007");
        after.QuerySelector(".alert.success")!.TextContent.ShouldContain("CRL 2 is published");
        after.QuerySelector("tr[data-serial='AUR2612-P000007']")!.TextContent.ShouldContain("revoked");

        // The revoked ones and the others, apart; the counts add up to every certificate.
        int Count(AngleSharp.Dom.IDocument d) => int.Parse(d.QuerySelector("[data-testid=certificate-count]")!.TextContent.Split(' ')[0].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var revoked = await engineer.GetDocumentAsync("/Provisioning/Certificates?revoked=true");
        revoked.QuerySelectorAll("tr[data-serial]").ShouldAllBe(r => r.TextContent.Contains("revoked", StringComparison.Ordinal));
        revoked.QuerySelector("tr[data-serial='AUR2612-P000007']").ShouldNotBeNull();
        var valid = await engineer.GetDocumentAsync("/Provisioning/Certificates?revoked=false");
        valid.QuerySelector("tr[data-serial='AUR2612-P000007']").ShouldBeNull();
        (Count(revoked) + Count(valid)).ShouldBe(Count(await engineer.GetDocumentAsync("/Provisioning/Certificates")));
        (await engineer.GetDocumentAsync("/Provisioning/Certificates?revoked=maybe")).QuerySelector(".alert.error")!.TextContent.ShouldContain("'maybe' for Revoked");
    }

    private Task<Guid> CertificateIdAsync(string serial) =>
        app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().DeviceCertificates.Where(c => c.Serial == serial).Select(c => c.Id).SingleAsync());
}
