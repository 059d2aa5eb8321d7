using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Demo;
using SecondSource.Application.TestData;
using SecondSource.Application.Vault;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.TestData;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Provisioning;

/// <summary>
/// Keys and provisioning in the demo: a firmware release key and a device CA generated in the default backend; the
/// VSM-200's device-certificate profile; firmware 2.4.1 (the image the vault holds) and 2.5.0 (a second image) released
/// and signed; on each line an open production batch with a serial block, provisioned through the issuing service —
/// 40 units at Pearl River, 20 at Vistula, one of Vistula's stations reporting an unreleased firmware (a warning) and
/// one of its certificates revoked (key compromise), so the CRL has an entry.
/// </summary>
public sealed class ProvisioningDemoSeeder(CreateCustodyKeyHandler keys, SetProvisioningProfileHandler profiles, VaultStore store,
    ReleaseFirmwareHandler release, SignFirmwareReleaseHandler sign, CreateTestBatchHandler batches, AllocateSerialsHandler allocate,
    IssueDeviceCertificateHandler issue, RevokeDeviceCertificateHandler revoke, VaultLines vaultLines, AcknowledgeRevisionHandler acknowledge) : IDemoSeeder
{
    public int Order => 800;

    public string Feature => "Keys, firmware signing and device certificates";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = await context.Db.Products.SingleAsync(p => p.Code == "AUR-VSM200", ct);
        var buyer = context.Buyer?.Name ?? "Aurora Medical Instruments AB";
        var actor = new Actor("admin@aurora-medical.example", buyer, "10.20.0.15");
        var releaseKey = DemoSeedContext.Value(await keys.HandleAsync(new CreateCustodyKeyRequest("Aurora firmware release key 2026", KeyPurpose.FirmwareSigning, KeyAlgorithm.EcdsaP256, null, actor), ct), "the release key");
        var ca = DemoSeedContext.Value(await keys.HandleAsync(new CreateCustodyKeyRequest("Aurora Device CA 2026", KeyPurpose.DeviceCa, KeyAlgorithm.EcdsaP256, null, actor), ct), "the device CA");
        DemoSeedContext.Value(await profiles.HandleAsync(new SetProvisioningProfileRequest(product.Id, "CN=VSM200-{serial}, OU={product}, O=" + buyer.Replace(",", "", StringComparison.Ordinal),
            true, false, 0, 15 * 365 + 4, true, false, ca, actor.Name), ct), "the profile");

        var first = DemoSeedContext.Value(await release.HandleAsync(new ReleaseFirmwareRequest(product.Id, "2.4.1", null, actor), ct), "firmware 2.4.1");
        DemoSeedContext.Value(await sign.HandleAsync(new SignFirmwareReleaseRequest(first, releaseKey, actor), ct), "the 2.4.1 signature");
        var image = Encoding.ASCII.GetBytes("VSM200 FW 2.5.0").Concat(Enumerable.Range(0, 256 * 1024).Select(i => (byte)(((i * 37) ^ (i >> 7)) & 0xFF))).ToArray();
        var stored = await store.StoreFileAsync(new MemoryStream(image), "vsm200-fw-2.5.0.bin", null, ct);
        // Dated by the story (two weeks ago), so the lines' drift on it reads its age rather than "0 h".
        var uploadedOn = new Demo.StoryClock(new Demo.DemoTimeline(context.Clock.GetUtcNow()).Firmware250);
        var image250 = DemoSeedContext.Value(await new UploadArtifactRevisionHandler(context.Db, store, new AccessLogWriter(context.Db, uploadedOn), uploadedOn).HandleAsync(new UploadArtifactRevisionRequest(product.Id, ArtifactKind.FirmwareBinary, stored, "2.5.0: ECG lead-off detection faster", actor), ct), "the 2.5.0 image");
        var second = DemoSeedContext.Value(await release.HandleAsync(new ReleaseFirmwareRequest(product.Id, "2.5.0", null, actor), ct), "firmware 2.5.0");
        DemoSeedContext.Value(await sign.HandleAsync(new SignFirmwareReleaseRequest(second, releaseKey, actor), ct), "the 2.5.0 signature");

        var now = context.Clock.GetUtcNow();
        var lines = (await vaultLines.OfProductAsync(product.Id, ct)).Where(l => l.Stage is not (LineStage.Candidate or LineStage.Suspended)).ToList();
        foreach (var line in lines)
        {
            // Both lines took the new image (their grants follow the latest revision).
            var member = new Actor(line.Role == LineRole.Primary ? "member@pearlriver-ems.example" : "member@vistula-ems.example", line.Name.Split(" / ")[0], null);
            DemoSeedContext.Value(await acknowledge.HandleAsync(new AcknowledgeRevisionRequest(line.Id, image250.RevisionId, member), ct), "an acknowledgement of 2.5.0");
        }

        var issued = 0;
        foreach (var line in lines)
        {
            var primary = line.Role == LineRole.Primary;
            var (code, units, size) = primary ? ("P", 40, 50) : ("V", 20, 24);
            var batch = DemoSeedContext.Value(await batches.HandleAsync(new CreateTestBatchRequest(product.Id, line.Id, $"PRV-{code}-{now:yyMMdd}", BatchKind.Production, size, now.AddDays(-2), null, actor.Name), ct), "a provisioning batch");
            DemoSeedContext.Value(await allocate.HandleAsync(new AllocateSerialsRequest(batch, $"AUR2612-{code}", 1, size, 6, actor.Name), ct), "a serial block");
            var station = new Actor(primary ? "Pearl River FCT station 2" : "Vistula FCT station 1", line.Name.Split(" / ")[0], primary ? "10.40.3.12" : "10.60.1.21");
            for (var unit = 1; unit <= units; unit++)
            {
                using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var csr = new CertificateRequest("CN=device", deviceKey, HashAlgorithmName.SHA256).CreateSigningRequestPem();
                var firmware = !primary && unit == units ? "2.5.0-rc3" : "2.4.1";
                var outcome = await issue.HandleAsync(new IssueDeviceCertificateRequest(line.Id, $"AUR2612-{code}{unit:000000}", Encoding.ASCII.GetBytes(csr), firmware,
                    new CertificateCaller(station, null, null, null)), ct);
                if (outcome.Certificate is null)
                {
                    throw new InvalidOperationException($"The demo could not provision a unit: {outcome.Refusal}: {outcome.Reason}");
                }

                issued++;
            }
        }

        DemoSeedContext.Value(await revoke.HandleAsync(new RevokeDeviceCertificateRequest(product.Id, "AUR2612-V000005", X509RevocationReason.KeyCompromise, actor), ct), "a revocation");
        context.Report($"Keys: a release key and a device CA in the {KeyBackend.Software} backend; firmware 2.4.1 and 2.5.0 released and signed; {issued} device certificates issued on {lines.Count} lines, one revoked.");
    }
}
