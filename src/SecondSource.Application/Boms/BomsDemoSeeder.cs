using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Avl;
using SecondSource.Application.Demo;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Application.Boms;

/// <summary>
/// The demo product's main-board BOM as revision "Rev B", read from an embedded CSV with the same reader as an
/// upload: real parts of a bedside monitor, most critical ones with two makers, and a few single-source ones
/// (the MCU, the ECG and SpO2 front ends, the Ethernet PHY) so the audit shows its gaps. The file is staged like an
/// upload, so the revision keeps its source.
/// </summary>
public sealed class BomsDemoSeeder(ImportStaging staging) : IDemoSeeder
{
    private const string Resource = "SecondSource.Application.Boms.vsm200-main-board-rev-b.csv";
    private const string FileName = "vsm200-main-board-rev-b.csv";

    public int Order => 300;

    public string Feature => "BOMs";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = await context.Db.Products.SingleAsync(p => p.Code == "AUR-VSM200", ct);
        await using var embedded = typeof(BomsDemoSeeder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The demo BOM {Resource} is not embedded.");
        using var copy = new MemoryStream();
        await embedded.CopyToAsync(copy, ct);
        // Staged like an upload: the revision's source file is kept with it (the verification of an installation checks it).
        copy.Position = 0;
        var sha = await staging.StageAsync(copy, ct);
        copy.Position = 0;
        var document = BomReader.Open(FileName, copy, new BomReadOptions());
        var lines = document.ReadLines().ToList();
        var revision = BomRevision.Import(product.Id, "Rev B", FileName, sha, document.Info.Format.ToString().ToLowerInvariant(), lines,
            new Demo.DemoTimeline(context.Clock.GetUtcNow()).RevBImported, "engineer@aurora-medical.example");
        // Released the next day: the revision the lines build from (the vault's BOM and AVL item is its export).
        revision.Release(new Demo.DemoTimeline(context.Clock.GetUtcNow()).RevBReleased, "engineer@aurora-medical.example", "Rev B for the second-source transfer: U6 footprint widened for the second LDO source.");
        context.Db.BomRevisions.Add(revision);
        await new PartLibrary(context.Db, new Avl.LibraryMakers(context.Db)).AttachPartsAsync(revision.Lines, ct);
        context.Report($"BOM: {product.Code} main board Rev B, {lines.Count} lines");
    }
}
