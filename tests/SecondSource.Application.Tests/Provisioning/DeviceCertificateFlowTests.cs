using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Provisioning;
using SecondSource.Application.Vault;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Provisioning;

/// <summary>
/// The whole provisioning flow on the demo program — keys generated in custody, firmware released and signed, both
/// lines provisioned, a certificate revoked — on each database, with the software key store and with a SoftHSM2
/// token; certificates chain to the CA under .NET's X509Chain; every refusal is distinct and logged.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DeviceCertificateFlowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory, DatabaseProviders]
    public async Task The_demo_flow_runs_on_the_software_key_store(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var flow = new Flow(database, null);
        await flow.SeedAsync();
        await flow.AssertProvisionedAsync(KeyBackend.Software);

        var keyStore = Path.Combine(database.Folder.Path, "keystore");
        var kek = Path.Combine(database.Folder.Path, "keystore-kek");
        File.GetUnixFileMode(kek).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var wrapped = Directory.GetFiles(keyStore, "*.key");
        wrapped.Length.ShouldBe(3, "the release key, the device CA and the checkpoint key");
        foreach (var file in wrapped)
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.ReadAllText(file).ShouldNotContain("PRIVATE KEY");
        }
    }

    [Theory, DatabaseProviders]
    public async Task The_demo_flow_runs_on_a_SoftHSM2_token_and_its_keys_cannot_be_extracted(DatabaseProvider provider)
    {
        var settings = SoftHsmToken.Settings();
        await using var database = await TestDatabase.CreateAsync(provider);
        var flow = new Flow(database, settings);
        await flow.SeedAsync();
        await flow.AssertProvisionedAsync(KeyBackend.Pkcs11);

        await using var services = database.BuildServices(PartyScope.Unrestricted, flow.Clock, settings);
        var token = services.GetRequiredService<Pkcs11KeyStore>();
        await using var scope = services.CreateAsyncScope();
        foreach (var key in await scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>().CustodyKeys.ToListAsync())
        {
            var protection = token.Inspect(key.Handle);
            protection.Sensitive.ShouldBeTrue(key.Name);
            protection.Extractable.ShouldBeFalse(key.Name);
            protection.NeverExtractable.ShouldBeTrue(key.Name);
            protection.ValueReadable.ShouldBeFalse($"the token must refuse to reveal {key.Name}");
        }

        Directory.Exists(Path.Combine(database.Folder.Path, "keystore")).ShouldBeFalse("no key went to the software store");
        var shown = await scope.ServiceProvider.GetRequiredService<ProvisioningQueries>().KeysAsync(CancellationToken.None);
        shown.ShouldAllBe(k => k.Protection == "on the token: sensitive, not extractable, never extractable", "the custody page reads the token's own flags");
    }

    [Theory, DatabaseProviders]
    public async Task Each_refusal_is_distinct_logged_and_issues_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var flow = new Flow(database, null);
        await flow.SeedAsync();
        var (vistula, vistulaLine, pearlLine) = await flow.As(PartyScope.Unrestricted, async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var party = await db.Parties.Where(p => p.Name.StartsWith("Vistula")).Select(p => p.Id).SingleAsync();
            var pearl = await db.Parties.Where(p => p.Name.StartsWith("Pearl")).Select(p => p.Id).SingleAsync();
            return (party, await db.Lines.Where(l => l.PartyId == party).Select(l => l.Id).SingleAsync(), await db.Lines.Where(l => l.PartyId == pearl).Select(l => l.Id).SingleAsync());
        });
        var station = new CertificateCaller(new Actor("Vistula FCT station 1", "Vistula EMS", "10.60.1.21"), Guid.NewGuid(), vistula, vistulaLine);
        var unbound = station with { KeyLineId = null };
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var good = new CertificateRequest("CN=unit", p256, HashAlgorithmName.SHA256).CreateSigningRequest();
        var tampered = (byte[])good.Clone();
        tampered[^1] ^= 0x5A;
        var asCa = new CertificateRequest("CN=unit", p256, HashAlgorithmName.SHA256);
        asCa.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var rsa1024 = RSA.Create(1024);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        async Task Refused(IssuanceRefusal expected, Guid line, string serial, byte[] csr, CertificateCaller caller, string reason)
        {
            var outcome = await flow.As(PartyScope.For(vistula), s => s.GetRequiredService<IssueDeviceCertificateHandler>()
                .HandleAsync(new IssueDeviceCertificateRequest(line, serial, csr, "2.4.1", caller), CancellationToken.None));
            outcome.Certificate.ShouldBeNull(expected.ToString());
            outcome.Refusal.ShouldBe(expected);
            outcome.Reason!.ShouldContain(reason);
            var logged = await flow.As(PartyScope.Unrestricted, s => s.GetRequiredService<SecondSourceDbContext>().AccessLog.OrderByDescending(e => e.Sequence).FirstAsync());
            logged.Action.ShouldBe(AccessAction.RefuseCertificate);
            logged.Detail!.ShouldStartWith($"{expected}: ");
            logged.Actor.ShouldBe("Vistula FCT station 1");
        }

        await Refused(IssuanceRefusal.WrongLine, pearlLine, "AUR2612-P000041", good, station, "not bound to this line");
        await Refused(IssuanceRefusal.WrongLine, vistulaLine, "AUR2612-V000021", good, unbound, "bound to no line");
        await Refused(IssuanceRefusal.DuplicateSerial, vistulaLine, "AUR2612-V000003", good, station, "already has a certificate");
        await Refused(IssuanceRefusal.DuplicateSerial, vistulaLine, "AUR2612-V000005", good, station, "already has a certificate");
        await Refused(IssuanceRefusal.UnallocatedSerial, vistulaLine, "AUR2612-V000025", good, station, "none of the line's open serial blocks (AUR2612-V000001–AUR2612-V000024)");
        await Refused(IssuanceRefusal.UnallocatedSerial, vistulaLine, "AUR2612-P000041", good, station, "none of the line's open serial blocks");
        await Refused(IssuanceRefusal.MalformedCsr, vistulaLine, "AUR2612-V000021", "hello"u8.ToArray(), station, "not a PKCS#10");
        await Refused(IssuanceRefusal.BadCsrSignature, vistulaLine, "AUR2612-V000021", tampered, station, "does not verify");
        await Refused(IssuanceRefusal.CaRequested, vistulaLine, "AUR2612-V000021", asCa.CreateSigningRequest(), station, "CA:true");
        await Refused(IssuanceRefusal.WeakKey, vistulaLine, "AUR2612-V000021", new CertificateRequest("CN=unit", rsa1024, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequest(), station, "1024 bits is too weak");
        await Refused(IssuanceRefusal.KeyTypeNotAllowed, vistulaLine, "AUR2612-V000021", new CertificateRequest("CN=unit", p384, HashAlgorithmName.SHA384).CreateSigningRequest(), station, "P-384 keys are not accepted");

        // Overbuild protection: the four serials left in the block are issued, then the line is out of serials.
        for (var unit = 21; unit <= 24; unit++)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var outcome = await flow.As(PartyScope.For(vistula), s => s.GetRequiredService<IssueDeviceCertificateHandler>().HandleAsync(
                new IssueDeviceCertificateRequest(vistulaLine, $"AUR2612-V{unit:000000}", new CertificateRequest("CN=x", key, HashAlgorithmName.SHA256).CreateSigningRequest(), null, station), CancellationToken.None));
            outcome.Certificate.ShouldNotBeNull($"unit {unit}: {outcome.Reason}");
            outcome.Certificate.Subject.ShouldContain($"CN=VSM200-AUR2612-V{unit:000000}");
        }

        await Refused(IssuanceRefusal.UnallocatedSerial, vistulaLine, "AUR2612-V000025", good, station, "none of the line's open serial blocks");
        var counts = await flow.As(PartyScope.Unrestricted, async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var batch = await db.TestBatches.SingleAsync(b => b.LineId == vistulaLine && b.Name.StartsWith("PRV-"));
            return (batch.Quantity, await db.DeviceCertificates.CountAsync(c => c.BatchId == batch.Id));
        });
        counts.Item2.ShouldBe(counts.Quantity, "a line never obtains more certificates than its batch's units");
        (await flow.As(PartyScope.Unrestricted, s => s.GetRequiredService<SecondSourceDbContext>().AccessLog.OrderBy(e => e.Sequence).ToListAsync()))
            .ShouldSatisfyAllConditions(log => AccessLogChain.Verify(log).Intact.ShouldBeTrue(), log => log.Count(e => e.Action == AccessAction.RefuseCertificate).ShouldBe(12));
    }

    [Fact]
    public async Task The_software_store_refuses_a_missing_or_exposed_key_encryption_key()
    {
        using var folder = new TempFolder("keystore");
        var options = new ProvisioningOptions(KeyBackend.Software, Path.Combine(folder.Path, "keys"), Path.Combine(folder.Path, "kek"), null, null, null, 10);
        var store = new SoftwareKeyStore(options);
        var key = store.Generate(Guid.NewGuid(), "test", KeyAlgorithm.EcdsaP256);
        var digest = SHA256.HashData("firmware"u8);
        using (var verifier = ECDsa.Create())
        {
            verifier.ImportSubjectPublicKeyInfo(key.SubjectPublicKeyInfo, out _);
            verifier.VerifyHash(digest, store.SignDigest(key.Handle, KeyAlgorithm.EcdsaP256, digest), DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeTrue();
        }

        File.SetUnixFileMode(options.KeyEncryptionKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Should.Throw<Domain.Common.DomainException>(() => store.SignDigest(key.Handle, KeyAlgorithm.EcdsaP256, digest)).Message.ShouldContain("chmod 600");
        File.SetUnixFileMode(options.KeyEncryptionKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllBytes(options.KeyEncryptionKeyFile, RandomNumberGenerator.GetBytes(32));
        Should.Throw<CryptographicException>(() => store.SignDigest(key.Handle, KeyAlgorithm.EcdsaP256, digest)).Message.ShouldContain("is not the one it was wrapped with");
        File.Delete(options.KeyEncryptionKeyFile);
        Should.Throw<Domain.Common.DomainException>(() => store.Generate(Guid.NewGuid(), "second", KeyAlgorithm.EcdsaP256)).Message.ShouldContain("is missing; the 1 key(s)");
    }

    /// <summary>The demo seeded on one database, and helpers to act and check as one party or another.</summary>
    private sealed class Flow(TestDatabase database, IReadOnlyDictionary<string, string?>? settings)
    {
        public FakeTimeProvider Clock { get; } = new(Now);

        public async Task<T> As<T>(PartyScope scope, Func<IServiceProvider, Task<T>> act)
        {
            await using var services = database.BuildServices(scope, Clock, settings);
            await using var serviceScope = services.CreateAsyncScope();
            return await act(serviceScope.ServiceProvider);
        }

        public async Task SeedAsync()
        {
            var seeded = await As(PartyScope.Unrestricted, s => s.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None));
            seeded.Failure.ShouldBeNull();
        }

        public async Task AssertProvisionedAsync(KeyBackend backend)
        {
            var (keys, certificates, releases, images) = await As(PartyScope.Unrestricted, async s =>
            {
                var db = s.GetRequiredService<SecondSourceDbContext>();
                var store = s.GetRequiredService<VaultStore>();
                var rel = await db.FirmwareReleases.OrderBy(r => r.Version).ToListAsync();
                var content = new List<byte[]>();
                foreach (var r in rel)
                {
                    await using var image = store.Open(r.ImageSha256)!;
                    using var copy = new MemoryStream();
                    await image.CopyToAsync(copy);
                    content.Add(copy.ToArray());
                }

                return (await db.CustodyKeys.ToListAsync(), await db.DeviceCertificates.ToListAsync(), rel, content);
            });
            keys.Select(k => k.Backend).ShouldAllBe(b => b == backend);
            var ca = keys.Single(k => k.Purpose == KeyPurpose.DeviceCa);
            var releaseKey = keys.Single(k => k.Purpose == KeyPurpose.FirmwareSigning);

            // Firmware: both releases signed; each detached signature verifies over the image with the release key.
            releases.Select(r => r.Version).ShouldBe(["2.4.1", "2.5.0"]);
            using (var verifier = ECDsa.Create())
            {
                verifier.ImportSubjectPublicKeyInfo(releaseKey.PublicKey, out _);
                for (var i = 0; i < releases.Count; i++)
                {
                    verifier.VerifyData(images[i], releases[i].Signature!, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue(releases[i].Version);
                    images[i][100] ^= 1;
                    verifier.VerifyData(images[i], releases[i].Signature!, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence).ShouldBeFalse("a changed image fails");
                }
            }

            // Certificates: 40 + 20, each chaining to the CA with the unit's serial in the subject.
            certificates.Count.ShouldBe(60);
            using var caCertificate = X509CertificateLoader.LoadCertificate(ca.CaCertificate!);
            caCertificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.ShouldBeTrue();
            foreach (var record in certificates)
            {
                using var certificate = X509CertificateLoader.LoadCertificate(record.Der);
                certificate.Subject.ShouldContain($"CN=VSM200-{record.Serial}");
                certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.ShouldBeFalse();
                certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value).ShouldBe(["1.3.6.1.5.5.7.3.2"]);
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(caCertificate);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.VerificationTime = (Now + TimeSpan.FromHours(1)).UtcDateTime;
                chain.ChainPolicy.VerificationTimeIgnored = false;
                chain.Build(certificate).ShouldBeTrue(string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
                chain.ChainElements.Count.ShouldBe(2);
            }

            var traced = certificates.Single(c => c.Serial == "AUR2612-V000020");
            traced.FirmwareVersion.ShouldBe("2.5.0-rc3");
            traced.RequestedBy.ShouldBe("Vistula FCT station 1");

            // The CRL: number 1, signed by the CA, listing the one revoked certificate.
            var revoked = certificates.Single(c => c.RevokedAt is not null);
            revoked.Serial.ShouldBe("AUR2612-V000005");
            var builder = CertificateRevocationListBuilder.Load(ca.Crl!, out var number);
            number.ShouldBe(1);
            ca.CrlNumber.ShouldBe(1);
            VerifyCrlSignature(ca.Crl!, caCertificate).ShouldBeTrue();
            builder.RemoveEntry(Convert.FromHexString(revoked.CertificateSerial)).ShouldBeTrue("the revoked certificate is listed");

            // A manufacturer sees its own certificates and no key, profile or release.
            var vistulaView = await As(PartyScope.Unrestricted, s => s.GetRequiredService<SecondSourceDbContext>().Parties.Where(p => p.Name.StartsWith("Vistula")).Select(p => p.Id).SingleAsync());
            var seen = await As(PartyScope.For(vistulaView), async s =>
            {
                var queries = s.GetRequiredService<ProvisioningQueries>();
                return (await queries.CertificatesAsync(null, null, 1, CancellationToken.None), await queries.KeysAsync(CancellationToken.None), await queries.ReleasesAsync(null, CancellationToken.None));
            });
            seen.Item1.Total.ShouldBe(20);
            seen.Item1.Items.ShouldAllBe(c => c.Serial.StartsWith("AUR2612-V"));
            seen.Item2.ShouldBeEmpty();
            seen.Item3.ShouldBeEmpty();
            var warnings = await As(PartyScope.Unrestricted, s => s.GetRequiredService<ProvisioningQueries>().FirmwareWarningsAsync(CancellationToken.None));
            warnings.Single().Version.ShouldBe("2.5.0-rc3");
            (await As(PartyScope.Unrestricted, s => s.GetRequiredService<SecondSourceDbContext>().AccessLog.OrderBy(e => e.Sequence).ToListAsync()))
                .ShouldSatisfyAllConditions(log => AccessLogChain.Verify(log).Intact.ShouldBeTrue(), log => log.Count(e => e.Action == AccessAction.IssueCertificate).ShouldBe(60));
        }

        private static bool VerifyCrlSignature(byte[] crl, X509Certificate2 ca)
        {
            var outer = new AsnReader(crl, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue().ToArray();
            _ = outer.ReadSequence();
            var signature = outer.ReadBitString(out _);
            using var key = ca.GetECDsaPublicKey()!;
            return key.VerifyData(tbs, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
    }
}
