using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Demo;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Lines;

namespace SecondSource.Application.Avl;

/// <summary>
/// The demo's dual-AVL library for the VSM-200 main board: every source the BOM lists, qualified (electrical and
/// reliability) and accepted by both building lines, except the gaps a real program has — the single-source parts
/// of the BOM, the Diodes LDO qualified but refused by the second line, an ST supervisor still in qualification
/// as the alternate for U12, an NRND SDRAM source, and the engineer's criticality calls on two parts.
/// </summary>
public sealed class AvlDemoSeeder(CoverageRecorder coverage) : IDemoSeeder
{
    private const string Engineer = "engineer@aurora-medical.example";

    public int Order => 400;

    public string Feature => "AVL";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var now = context.Clock.GetUtcNow();
        var product = await db.Products.SingleAsync(p => p.Code == "AUR-VSM200", ct);
        var revision = await db.BomRevisions.Include(r => r.Lines).ThenInclude(l => l.Sources).AsSplitQuery().SingleAsync(r => r.ProductId == product.Id, ct);
        var libraryMakers = new LibraryMakers(db);
        var library = new PartLibrary(db, libraryMakers);
        var buyer = await library.BuyerAsync(ct);
        var buildLines = (await library.BuildLinesAsync([product.Id], ct)).ToDictionary(l => l.Id, l => l.Name);
        var lines = await db.Lines.Where(l => buildLines.Keys.Contains(l.Id)).ToListAsync(ct);
        var primary = lines.Single(l => l.PartyId == context.PrimaryManufacturer!.Id);
        var second = lines.Single(l => l.PartyId == context.SecondSourceManufacturer!.Id);
        var makers = new ManufacturerDirectory(db, libraryMakers);
        var parts = await db.Parts.Where(p => revision.Lines.Select(l => l.PartId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        await coverage.RecordAsync([product.Id], revision.ImportedAt, ct);
        var primaryAnswers = new List<Action>();
        var secondAnswers = new List<Action>();

        var entries = 0;
        var added = new HashSet<(Guid Part, Guid Maker, string Mpn)>();
        foreach (var line in revision.Lines.Where(l => l.PartId is not null && !l.Dnp && !l.Generic).OrderBy(l => l.Position))
        {
            var designator = line.Designators.Split(',')[0];
            var sources = line.Sources.Where(s => s.Mpn.Length > 0 && s.ManufacturerKey is not null).Select(s => (s.Manufacturer, s.Mpn)).ToList();
            if (designator == "U12")
            {
                // The supervisor's pin-compatible alternate: electrical bench test passed, reliability report awaited.
                sources.Add(("STMicroelectronics", "STM6823SWY6F"));
            }

            var rank = 0;
            foreach (var (maker, mpn) in sources)
            {
                rank++;
                var manufacturer = await makers.ResolveAsync(maker, ct);
                if (!added.Add((line.PartId!.Value, manufacturer.Id, Part.Normalize(mpn))))
                {
                    continue; // the same part on two BOM lines: one entry
                }

                var lifecycle = mpn == "AS4C16M16SA-6BIN" ? Lifecycle.Nrnd : Lifecycle.Active;
                var entry = AvlEntry.Propose(line.PartId!.Value, manufacturer.Id, mpn,
                    new AvlEntryDetails(rank, lifecycle, LeadTimeWeeks: 8 + (4 * rank), LeadTimeInternal: rank > 1), now.AddDays(-88), Engineer);
                db.AvlEntries.Add(entry);
                db.AvlChanges.Add(AvlChange.Of(buyer, entry.PartId, entry.Id, "status", "", $"Proposed: {manufacturer.Name} {mpn}", now.AddDays(-88), Engineer));
                entries++;

                var electrical = new QualificationInput(QualificationAspect.Electrical, QualificationVerdict.Pass,
                    rank == 1 ? QualificationMethod.DatasheetReview : QualificationMethod.BenchTest, $"QE-{designator}-{rank}: datasheet and bench review", null);
                entry.RecordQualification(electrical, false, now.AddDays(-70), Engineer);
                if (mpn == "STM6823SWY6F")
                {
                    continue;
                }

                var reliability = new QualificationInput(QualificationAspect.Reliability, QualificationVerdict.Pass,
                    designator.StartsWith('U') ? QualificationMethod.JedecReport : QualificationMethod.SupplierData, $"QR-{designator}-{rank}: supplier reliability report on file", null);
                entry.RecordQualification(reliability, false, now.AddDays(-60), Engineer);
                db.AvlChanges.Add(AvlChange.Of(buyer, entry.PartId, entry.Id, "status", "Proposed", "Qualified", now.AddDays(-60), Engineer));

                primaryAnswers.Add(() => Accept(db, entry, primary, buildLines[primary.Id], AcceptanceState.Accepted, "FAI-PR-" + designator + ": first article passed; feeder and program updated", now.AddDays(-50)));
                secondAnswers.Add(mpn == "AP7354-33W5-7"
                    ? () => Accept(db, entry, second, buildLines[second.Id], AcceptanceState.Refused, "AP7354 reel packaging (7 in) does not fit our qualified feeders for SOT-23-5; requested 13 in reels", now.AddDays(-30))
                    : () => Accept(db, entry, second, buildLines[second.Id], AcceptanceState.Accepted, "FAI-VS-" + designator + ": first article check on pilot build; AOI library and feeder set-up updated", now.AddDays(-30)));
            }

            if (designator == "J1")
            {
                parts[line.PartId!.Value].SetCriticality(false, "Service port only: the monitor is fully usable without it");
            }
            else if (designator == "U1")
            {
                parts[line.PartId!.Value].SetCriticality(true, "Main processor; a board re-spin is the only alternative");
            }
        }

        // The coverage trend as it grew: sources qualified, then accepted by the primary line, then by the second source.
        await db.SaveChangesAsync(ct);
        await coverage.RecordAsync([product.Id], now.AddDays(-60), ct);
        primaryAnswers.ForEach(answer => answer());
        await db.SaveChangesAsync(ct);
        await coverage.RecordAsync([product.Id], now.AddDays(-50), ct);
        secondAnswers.ForEach(answer => answer());
        await db.SaveChangesAsync(ct);
        await coverage.RecordAsync([product.Id], now.AddDays(-30), ct);

        context.Report($"AVL: {parts.Count} parts, {entries} approved sources for {product.Code}, qualified and accepted on both lines but for the demo's gaps");
    }

    private static void Accept(Persistence.SecondSourceDbContext db, AvlEntry entry, ManufacturingLine line, string lineName, AcceptanceState state, string evidence, DateTimeOffset at)
    {
        var acceptance = LineAcceptance.For(entry.Id, line);
        acceptance.Record(state, evidence, at, "quality@" + (line.Name.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant()) + ".example");
        db.LineAcceptances.Add(acceptance);
        db.AvlChanges.Add(AvlChange.Of(line.PartyId, entry.PartId, entry.Id, "acceptance by " + lineName, "Pending", $"{state}: {evidence}", at, acceptance.By));
    }
}
