using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Avl;
using SecondSource.Application.Demo;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>
/// The demo's transfer package for the VSM-200: the BOM and AVL (first issued as a spreadsheet, re-issued as CSV) and
/// the IPC-2581 export as the library writes them for the primary line, a Gerber set (two revisions), the test plan,
/// the golden units' record, the firmware image, the signing-key access reference and the PKI template; the ODB++ set,
/// drawings, packaging spec and FCT vectors are still missing, so the checklist shows gaps. NDAs with both
/// manufacturers (the second source's expires in three weeks); every present item granted to both production lines;
/// the primary acknowledges every latest revision, the second source is still on the first BOM issue (drift); fixtures
/// per line, the second line's FCT rig only documented (the guide's pitfall). Every action is in the access log.
/// </summary>
public sealed class VaultDemoSeeder(
    VaultStore store, ExportFlaggedBomHandler export, PartLibrary library,
    RecordNdaHandler ndas, GrantAccessHandler grants, AcknowledgeRevisionHandler acknowledge, SetFixtureHandler fixtures, VaultLines vaultLines) : IDemoSeeder
{
    public int Order => 500;

    public string Feature => "Vault";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = await context.Db.Products.SingleAsync(p => p.Code == "AUR-VSM200", ct);
        var revision = await context.Db.BomRevisions.Where(r => r.ProductId == product.Id).Select(r => r.Id).SingleAsync(ct);
        var primary = (await library.BuildLinesAsync([product.Id], ct))[0];
        var actor = new Actor("engineer@aurora-medical.example", context.Buyer?.Name ?? "Aurora Medical Instruments AB", "10.20.0.15");

        // The package went to the second line when it was chosen (DemoTimeline): its revisions carry that date.
        var chosen = new Demo.StoryClock(new Demo.DemoTimeline(context.Clock.GetUtcNow()).SecondSourceChosen);
        var transferUpload = new UploadArtifactRevisionHandler(context.Db, store, new AccessLogWriter(context.Db, chosen), chosen);
        var revisions = new Dictionary<ArtifactKind, List<Guid>>();
        async Task Put(ArtifactKind kind, string name, byte[] content, string note)
        {
            var stored = await Store(name, content);
            var result = await transferUpload.HandleAsync(new UploadArtifactRevisionRequest(product.Id, kind, stored, note, actor), ct);
            Check(result.Failure, name);
            (revisions.TryGetValue(kind, out var list) ? list : revisions[kind] = []).Add(result.Value!.RevisionId);
        }

        async Task<StoredFile> Store(string name, byte[] content)
        {
            return await store.StoreFileAsync(new MemoryStream(content), name, null, ct);
        }

        var csv = await export.HandleAsync(new ExportFlaggedBomRequest(revision, primary.Id, FlaggedBomFormat.Csv, actor.Name), ct);
        var ipc = await export.HandleAsync(new ExportFlaggedBomRequest(revision, primary.Id, FlaggedBomFormat.Ipc2581, actor.Name), ct);
        var xlsx = await export.HandleAsync(new ExportFlaggedBomRequest(revision, primary.Id, FlaggedBomFormat.Xlsx, actor.Name), ct);
        await Put(ArtifactKind.BomAndAvl, "VSM200-main-board-Rev-B-BOM-AVL.xlsx", xlsx.Value!.Content, "Rev B, first issue as a spreadsheet");
        await Put(ArtifactKind.Ipc2581, "VSM200-main-board-Rev-B.ipc2581.xml", ipc.Value!.Content, "Rev B, BOM and AVL sections");
        await Put(ArtifactKind.Gerbers, "VSM200-main-board-gerbers-rev-A.zip", Gerbers("A"), "Rev A fabrication set");
        await Put(ArtifactKind.Gerbers, "VSM200-main-board-gerbers-rev-B.zip", Gerbers("B"), "Rev B: U6 footprint widened for the second LDO source");
        await Put(ArtifactKind.TestPlan, "VSM200-test-plan-v4.txt", Text("""
            VSM-200 main board test plan, version 4
            1. AOI after reflow, both sides (IPC-A-610 class 3)
            2. AXI of U1, U2, U4 (BGA voids < 25 %)
            3. ICT: rails 3V3, 1V8, 1V1 within 2 %; crystal Y1 24 MHz +/- 50 ppm
            4. FCT: ECG channel noise < 10 uV p-p, SpO2 LED drive, Ethernet link, RS-485 loopback
            5. Hi-pot on the isolated patient side, 5 kV for 60 s
            """), "v4: isolation test added");
        var golden = await new RecordGoldenUnitsHandler(store, transferUpload).HandleAsync(new RecordGoldenUnitsRequest(product.Id, """
            AUR2611-000101; Pearl River, Shenzhen: ICT room, cabinet 3; GU-0001, characterised at ICT and FCT
            AUR2611-000102; Aurora, Lund: reliability lab; GU-0002, reference for hi-pot and ECG noise
            AUR2611-000103; reserved for the second-source pilot, to ship to Gdansk; GU-0003
            """, "three golden units built and characterised", actor), ct);
        Check(golden.Failure, "the golden units");
        revisions[ArtifactKind.GoldenUnit] = [golden.Value!.RevisionId];
        await Put(ArtifactKind.FirmwareBinary, "vsm200-fw-2.4.1.bin", Firmware(), "2.4.1 release");
        await Put(ArtifactKind.SigningKeyAccess, "signing-key-access.txt", Text("""
            Firmware signing and device certificates are issued by SecondSource's signing API on request.
            No line holds a key. Stations use an API key bound to their line.
            """), "reference, not a key");
        await Put(ArtifactKind.PkiTemplate, "vsm200-device-cert-profile.json", Text("""
            { "subject": "CN=VSM200-{serial}, O=Aurora Medical Instruments AB", "key": "ECDSA P-256", "validityYears": 15,
              "extendedKeyUsage": ["clientAuth"], "issuer": "Aurora Device CA 2026" }
            """), "device certificate profile");
        var today = DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime);
        var lines = await vaultLines.OfProductAsync(product.Id, ct);
        var production = lines.Where(l => l.Stage is not (Domain.Programs.LineStage.Candidate or Domain.Programs.LineStage.Suspended)).ToList();
        foreach (var (manufacturer, signed, expires) in new[]
        {
            (context.PrimaryManufacturer!, today.AddDays(-420), today.AddYears(2)),
            (context.SecondSourceManufacturer!, today.AddDays(-340), today.AddDays(21)),
        })
        {
            var document = await Store($"NDA-Aurora-{manufacturer.Name.Split(' ')[0]}-signed.pdf", Text($$"""
                %PDF-1.4 (demo stand-in for the signed scan)
                Mutual non-disclosure agreement between Aurora Medical Instruments AB and {{manufacturer.Name}}
                Scope: VSM-200 vital-signs monitor manufacturing documentation, test data and firmware
                Signed {{signed:yyyy-MM-dd}}; in force until {{expires:yyyy-MM-dd}}
                """));
            Check((await ndas.HandleAsync(new RecordNdaRequest(manufacturer.Id, "VSM-200 manufacturing documentation, test data and firmware", signed, expires, document, actor), ct)).Failure, "the NDA");
        }

        foreach (var line in production)
        {
            foreach (var kind in revisions.Keys)
            {
                Check((await grants.HandleAsync(new GrantAccessRequest(product.Id, kind, line.Id, null, today.AddYears(1), actor), ct)).Failure, "a grant");
            }
        }

        // Released after the grants, so both lines are notified of it.
        // The story dates this re-issue at Rev B's release (DemoTimeline), so the second line's drift reads its true age, not "0 h".
        var released = new Demo.StoryClock(new Demo.DemoTimeline(context.Clock.GetUtcNow()).RevBReleased);
        var reissue = await new UploadArtifactRevisionHandler(context.Db, store, new AccessLogWriter(context.Db, released), released).HandleAsync(
            new UploadArtifactRevisionRequest(product.Id, ArtifactKind.BomAndAvl, await Store("VSM200-main-board-Rev-B-BOM-AVL.csv", csv.Value!.Content),
                "Rev B re-issued with the approved sources and each line's acceptance flags", actor), ct);
        Check(reissue.Failure, "VSM200-main-board-Rev-B-BOM-AVL.csv");
        revisions[ArtifactKind.BomAndAvl].Add(reissue.Value!.RevisionId);
        foreach (var line in production)
        {
            var lineActor = new Actor(line.Role == Domain.Programs.LineRole.Primary ? "member@pearlriver-ems.example" : "member@vistula-ems.example", line.Name.Split(" / ")[0], null);
            foreach (var (kind, ids) in revisions)
            {
                // The second source still builds with the first BOM issue: the drift the sync view shows.
                var id = line.Role == Domain.Programs.LineRole.SecondSource && kind == ArtifactKind.BomAndAvl ? ids[0] : ids[^1];
                Check((await acknowledge.HandleAsync(new AcknowledgeRevisionRequest(line.Id, id, lineActor), ct)).Failure, "an acknowledgement");
            }

            var verified = today.AddDays(-45);
            Check((await fixtures.HandleAsync(new SetFixtureRequest(product.Id, line.Id, "ICT bed of nails VSM200-ICT", Domain.Vault.FixtureState.Replicated,
                line.Role == Domain.Programs.LineRole.Primary ? "PR-ICT-0412" : "VE-ICT-0031", verified, null, actor.Name), ct)).Failure, "a fixture");
            Check((await fixtures.HandleAsync(line.Role == Domain.Programs.LineRole.Primary
                ? new SetFixtureRequest(product.Id, line.Id, "FCT rig VSM200-FCT", Domain.Vault.FixtureState.Replicated, "PR-FCT-0207", verified, null, actor.Name)
                : new SetFixtureRequest(product.Id, line.Id, "FCT rig VSM200-FCT", Domain.Vault.FixtureState.DocumentedOnly, null, null, "Drawings and wiring list sent; the rig is not built yet", actor.Name), ct)).Failure, "a fixture");
        }

        context.Report($"Vault: VSM-200 transfer package with 8 of 13 checklist items (BOM and Gerbers in two revisions); NDAs with both manufacturers (the second source's expires in 21 days); every item granted to {production.Count} lines; the second source on the older BOM (drift); its FCT rig documented only; every action logged");
    }

    private static void Check(Failure? failure, string what)
    {
        if (failure is not null)
        {
            throw new InvalidOperationException($"The demo vault could not record {what}: {failure.Message}");
        }
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));

    private static byte[] Gerbers(string revision)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (layer, function) in new[] { ("F_Cu", "Copper,L1,Top"), ("In1_Cu", "Copper,L2,Inr"), ("In2_Cu", "Copper,L3,Inr"), ("B_Cu", "Copper,L4,Bot"), ("F_Mask", "Soldermask,Top"), ("Edge_Cuts", "Profile,NP") })
            {
                using var writer = new StreamWriter(zip.CreateEntry($"VSM200-main-{layer}.gbr").Open(), new UTF8Encoding(false));
                writer.Write($"%TF.GenerationSoftware,KiCad,Pcbnew,9.0.5*%\n%TF.ProjectId,VSM200-main,rev{revision}*%\n%TF.FileFunction,{function}*%\n%FSLAX46Y46*%\n%MOMM*%\nG04 VSM-200 main board rev {revision}, {layer}*\nM02*\n");
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Firmware()
    {
        // A stand-in image: header, then a deterministic body the size of a small MCU image.
        var image = new byte[256 * 1024];
        Encoding.ASCII.GetBytes("VSM200 FW 2.4.1").CopyTo(image, 0);
        for (var i = 64; i < image.Length; i++)
        {
            image[i] = (byte)(((i * 31) ^ (i >> 8)) & 0xFF);
        }

        return image;
    }
}
