using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;
using SecondSource.Web.Authorization;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Api;

/// <summary>Stations obtain device certificates with a key bound to their line; refusals over HTTP carry their reason and are logged; the CRL and CA are public.</summary>
public sealed class ProvisioningApiTests(ProvisioningApiTests.Factory app) : IClassFixture<ProvisioningApiTests.Factory>
{
    /// <summary>The demo app with a rate limit of four certificate requests a minute per key, so the limit is reachable in a test.</summary>
    public sealed class Factory : SecondSourceWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Provisioning:IssuancePermitsPerMinute"] = "4" }));
        }
    }

    private async Task<(Guid Line, HttpClient Station, string KeyId)> StationAsync(string party, string name)
    {
        var (line, token, id) = await app.RunInSystemScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var owner = await db.Parties.Where(p => p.Name.StartsWith(party)).Select(p => p.Id).SingleAsync();
            var lineId = await db.Lines.Where(l => l.PartyId == owner).Select(l => l.Id).SingleAsync();
            var created = await s.GetRequiredService<CreateApiKeyHandler>().HandleAsync(new CreateApiKeyRequest(owner, name, "test", null, lineId), CancellationToken.None);
            return (lineId, created.Value!.Token, created.Value.Id.ToString());
        });
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, token);
        return (line, client, id);
    }

    private static string Csr()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest("CN=device", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();
    }

    private Task<AccessLogEntry> LastLogEntryAsync() =>
        app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().AccessLog.OrderByDescending(e => e.Sequence).FirstAsync());

    [Fact]
    public async Task A_station_obtains_a_certificate_that_chains_to_the_public_CA_and_is_refused_a_second_one()
    {
        var (line, station, _) = await StationAsync("Vistula", "Vistula FCT 2 (issuing)");
        using (station)
        {
            using var issued = await station.PostAsJsonAsync($"/api/v1/provisioning/lines/{line}/certificates", new { serial = "AUR2612-V000021", csr = Csr(), firmwareVersion = "2.5.0" });
            issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
            var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("warning").ValueKind.ShouldBe(JsonValueKind.Null, "2.5.0 is released");
            using var certificate = X509Certificate2.CreateFromPem(body.GetProperty("certificatePem").GetString()!);
            certificate.Subject.ShouldContain("CN=VSM200-AUR2612-V000021");

            var ca = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().CustodyKeys.Where(k => k.CaCertificate != null).Select(k => k.Id).SingleAsync());
            using var anonymous = app.CreateBrowserlessClient();
            using var caCertificate = X509CertificateLoader.LoadCertificate(await anonymous.GetByteArrayAsync($"/api/v1/provisioning/cas/{ca}/certificate"));
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(caCertificate);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.Build(certificate).ShouldBeTrue(string.Join("; ", chain.ChainStatus.Select(c => c.StatusInformation)));
            using var crl = await anonymous.GetAsync($"/api/v1/provisioning/cas/{ca}/crl");
            crl.Content.Headers.ContentType!.MediaType.ShouldBe("application/pkix-crl");
            CertificateRevocationListBuilder.Load(await crl.Content.ReadAsByteArrayAsync(), out var number).ShouldNotBeNull();
            number.ShouldBeGreaterThanOrEqualTo(1);

            using var again = await station.PostAsJsonAsync($"/api/v1/provisioning/lines/{line}/certificates", new { serial = "AUR2612-V000021", csr = Csr() });
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString().ShouldBe("DuplicateSerial");
        }
    }

    [Fact]
    public async Task A_wrong_lines_key_a_revoked_key_and_a_flood_are_refused_and_logged()
    {
        var (vistulaLine, vistula, _) = await StationAsync("Vistula", "Vistula FCT 3 (refusals)");
        const string pearlName = "Pearl River FCT 9 (refusals)";
        var (_, pearl, pearlKey) = await StationAsync("Pearl River", pearlName);
        using (vistula)
        using (pearl)
        {
            using var wrong = await pearl.PostAsJsonAsync($"/api/v1/provisioning/lines/{vistulaLine}/certificates", new { serial = "AUR2612-V000022", csr = Csr() });
            wrong.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString().ShouldBe("WrongLine");
            var logged = await LastLogEntryAsync();
            (logged.Action, logged.Actor).ShouldBe((AccessAction.RefuseCertificate, $"api-key:{pearlName}"));

            await app.RunInSystemScopeAsync(s => s.GetRequiredService<RevokeApiKeyHandler>().HandleAsync(new RevokeApiKeyRequest(pearlKey, "test"), CancellationToken.None));
            using var revoked = await pearl.PostAsJsonAsync($"/api/v1/provisioning/lines/{vistulaLine}/certificates", new { serial = "AUR2612-V000022", csr = Csr() });
            revoked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            logged = await LastLogEntryAsync();
            logged.Action.ShouldBe(AccessAction.RefuseCertificate);
            logged.Detail!.ShouldStartWith($"RevokedApiKey: the API key '{pearlName}' was revoked");

            using (var stranger = app.CreateBrowserlessClient())
            {
                stranger.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, "ss_notakey_0000000000000000000000000000");
                using var unknown = await stranger.PostAsJsonAsync($"/api/v1/provisioning/lines/{vistulaLine}/certificates", new { serial = "AUR2612-V000022", csr = Csr() });
                unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                (await LastLogEntryAsync()).Sequence.ShouldBe(logged.Sequence, "an unknown key cannot grow the tamper-evident log");
            }

            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 6; i++)
            {
                answers.Add(await vistula.PostAsJsonAsync($"/api/v1/provisioning/lines/{vistulaLine}/certificates", new { serial = "AUR2612-V000999", csr = Csr() }));
            }

            answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(4, "four requests a minute are answered (unallocated serial)");
            var limited = answers.Last();
            limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
            (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString().ShouldBe("RateLimited");
            (await LastLogEntryAsync()).Detail!.ShouldStartWith("RateLimited: over 4 certificate requests a minute");
            answers.ForEach(a => a.Dispose());
        }
    }

    [Fact]
    public async Task A_station_lists_the_signed_firmware_granted_to_its_line_and_the_signature_verifies_over_the_image()
    {
        var (_, station, _) = await StationAsync("Vistula", "Vistula programming station");
        using (station)
        {
            var releases = await station.GetFromJsonAsync<JsonElement>("/api/v1/firmware/releases");
            var latest = releases.EnumerateArray().Single();
            latest.GetProperty("version").GetString().ShouldBe("2.5.0", "the line's grant follows the latest firmware revision");
            var image = await station.GetByteArrayAsync(latest.GetProperty("imageUrl").GetString());
            using var key = ECDsa.Create();
            key.ImportFromPem(latest.GetProperty("publicKeyPem").GetString());
            key.VerifyData(image, Convert.FromBase64String(latest.GetProperty("signatureBase64").GetString()!), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue();
            Convert.ToHexStringLower(SHA256.HashData(image)).ShouldBe(latest.GetProperty("imageSha256").GetString());
        }
    }
}
