using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>secondsource keys, firmware and certs on the demo: custody listed, a key generated, a station's request tested, a refusal, revocation and the CRL.</summary>
public sealed class ProvisioningCommandTests
{
    [Fact]
    public async Task Keys_are_listed_and_created_a_request_is_issued_and_refused_a_certificate_revoked_and_the_crl_written()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);

        var listed = await CliRun.OnAsync(database, null, "keys", "list", "--json");
        listed.ExitCode.ShouldBe(0, listed.Error);
        using (var json = JsonDocument.Parse(listed.Out))
        {
            json.RootElement.GetProperty("items").EnumerateArray().Select(k => (k.GetProperty("name").GetString(), k.GetProperty("backend").GetString()))
                .ShouldBe([("Aurora firmware release key 2026", "Software"), ("Aurora Device CA 2026", "Software"), ("Access-log checkpoint key", "Software")], ignoreOrder: true);
        }

        var created = await CliRun.OnAsync(database, null, "keys", "create", "--name", "Bench CA", "--purpose", "ca", "--algorithm", "p384");
        created.ExitCode.ShouldBe(0, created.Error);
        created.Out.ShouldContain("Generated 'Bench CA' (ECDSA P-384, DeviceCa) in the Software backend");
        (await CliRun.OnAsync(database, null, "keys", "create", "--name", "x", "--purpose", "doorstop")).ExitCode.ShouldBe(2);

        var firmware = await CliRun.OnAsync(database, null, "firmware", "list", "--product", "AUR-VSM200");
        firmware.Out.ShouldContain("2.5.0");
        var unsigned = await CliRun.OnAsync(database, null, "firmware", "sign", "--product", "AUR-VSM200", "--version", "2.5.0", "--key", "Aurora firmware release key 2026");
        unsigned.ExitCode.ShouldBe(2);
        unsigned.Error.ShouldContain("already signed");

        var folder = Path.Combine(database.Folder.Path, "station");
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = Path.Combine(folder, "unit.csr");
        await File.WriteAllTextAsync(csr, new CertificateRequest("CN=unit", key, HashAlgorithmName.SHA256).CreateSigningRequestPem());
        var pem = Path.Combine(folder, "unit.pem");
        var issued = await CliRun.OnAsync(database, null, "certs", "issue", "--line", "Vistula", "--serial", "AUR2612-V000021", "--csr", csr, "--firmware", "2.5.0", "--out", pem);
        issued.ExitCode.ShouldBe(0, issued.Error);
        using (var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(pem)))
        {
            certificate.Subject.ShouldContain("CN=VSM200-AUR2612-V000021");
            certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo().ShouldBe(key.ExportSubjectPublicKeyInfo());
        }

        var refused = await CliRun.OnAsync(database, null, "certs", "issue", "--line", "Vistula", "--serial", "AUR2612-V000021", "--csr", csr);
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldBe("secondsource: refused (DuplicateSerial): serial AUR2612-V000021 already has a certificate\n");

        var revoked = await CliRun.OnAsync(database, null, "certs", "revoke", "--product", "AUR-VSM200", "--serial", "AUR2612-V000021", "--reason", "keyCompromise");
        revoked.ExitCode.ShouldBe(0, revoked.Error);
        revoked.Out.ShouldContain("CRL 2 published with 2 entries");

        var crlFile = Path.Combine(folder, "device-ca.crl");
        var crl = await CliRun.OnAsync(database, null, "certs", "crl", "--ca", "Aurora Device CA 2026", "--out", crlFile);
        crl.ExitCode.ShouldBe(0, crl.Error);
        CertificateRevocationListBuilder.Load(await File.ReadAllBytesAsync(crlFile), out var number);
        number.ShouldBe(3);

        var audit = await CliRun.OnAsync(database, null, "audit", "verify");
        audit.ExitCode.ShouldBe(0, audit.Out + audit.Error);
    }
}
