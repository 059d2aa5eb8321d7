using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Avl;
using SecondSource.Application.Boms;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Parties;
using SecondSource.Formats.Boms;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Avl;

/// <summary>The dual-AVL library on each provider: propose, qualify, accept per line, and the audit that follows; isolation of acceptances.</summary>
public sealed class AvlLibraryTests
{
    private sealed record Demo(TestDatabase Database, Guid ProductId, Guid RevisionId, PartyId PearlRiver, Guid PearlRiverLine, PartyId Vistula, Guid VistulaLine) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();

        public async Task<T> AsAsync<T>(PartyScope scope, Func<IServiceProvider, Task<T>> action)
        {
            await using var services = Database.BuildServices(scope);
            await using var serviceScope = services.CreateAsyncScope();
            return await action(serviceScope.ServiceProvider);
        }

        public Task<T> AsBuyerAsync<T>(Func<IServiceProvider, Task<T>> action) => AsAsync(PartyScope.Unrestricted, action);

        public async Task<Guid> PartOfAsync(string designator)
        {
            await using var db = Database.CreateContext(PartyScope.Unrestricted);
            var lines = await db.BomRevisionLines.Where(l => l.RevisionId == RevisionId).ToListAsync();
            return lines.Single(l => l.Designators.Split(',').Contains(designator)).PartId!.Value;
        }

        public Task<RevisionAudit> AuditAsync(PartyScope scope) =>
            AsAsync(scope, async s => (await s.GetRequiredService<BomRevisionQueries>().AuditAsync(RevisionId, CriticalityPolicy.Default, CancellationToken.None))!);
    }

    private static async Task<Demo> DemoAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var services = database.BuildServices(PartyScope.Unrestricted))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);
        }

        await using var db = database.CreateContext(PartyScope.Unrestricted);
        var product = await db.Products.SingleAsync(p => p.Code == "AUR-VSM200");
        var revision = await db.BomRevisions.SingleAsync(r => r.ProductId == product.Id);
        var parties = await db.Parties.ToListAsync();
        var pearl = parties.Single(p => p.Name.StartsWith("Pearl River", StringComparison.Ordinal)).Id;
        var vistula = parties.Single(p => p.Name.StartsWith("Vistula", StringComparison.Ordinal)).Id;
        var lines = await db.Lines.ToListAsync();
        return new Demo(database, product.Id, revision.Id, pearl, lines.Single(l => l.PartyId == pearl).Id, vistula, lines.Single(l => l.PartyId == vistula).Id);
    }

    private static AuditedLine Line(RevisionAudit audit, string designator) => audit.Lines.Single(l => l.Line.Designators.Contains(designator));

    [Theory, DatabaseProviders]
    public async Task An_alternate_proposed_qualified_and_accepted_by_both_lines_closes_a_single_source_gap(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var part = await demo.PartOfAsync("U7");
        var before = await demo.AuditAsync(PartyScope.Unrestricted);
        Line(before, "U7").Findings.Select(f => f.Rule.Id).ShouldContain("single-source-critical");

        var proposed = await demo.AsBuyerAsync(s => s.GetRequiredService<ProposeAlternateHandler>().HandleAsync(
            // Richtek is a MediaTek company (catalogue lineage): the library names the maker by its lineage.
            new ProposeAlternateRequest(part, "Richtek Technology Corp.", "RT6213AGQUF", new AvlEntryDetails(2, Lifecycle.Active, 12), "engineer@example.com"), CancellationToken.None));
        proposed.Succeeded.ShouldBeTrue(proposed.Failure?.Message);
        var entry = proposed.Value;

        var again = await demo.AsBuyerAsync(s => s.GetRequiredService<ProposeAlternateHandler>().HandleAsync(
            new ProposeAlternateRequest(part, "RICHTEK", "rt6213agquf", new AvlEntryDetails(3), "engineer@example.com"), CancellationToken.None));
        again.Failure!.Kind.ShouldBe(FailureKind.Conflict);

        Task<Result<AvlStatus>> Qualify(QualificationInput input, bool admin) => demo.AsBuyerAsync(s => s.GetRequiredService<RecordQualificationHandler>().HandleAsync(
            new RecordQualificationRequest(entry, input, admin, "engineer@example.com"), CancellationToken.None));
        (await Qualify(new(QualificationAspect.Electrical, QualificationVerdict.Pass, QualificationMethod.BenchTest, "BT-2026-311", null), false)).Value.ShouldBe(AvlStatus.InQualification);
        var waiver = await Qualify(new(QualificationAspect.Reliability, QualificationVerdict.Waived, QualificationMethod.SupplierData, null, "Supplier data only"), false);
        waiver.Failure!.Message.ShouldContain("administrator");
        (await Qualify(new(QualificationAspect.Reliability, QualificationVerdict.Pass, QualificationMethod.AecQReport, "AEC-Q100 grade 1 report RT-Q-2291", null), false)).Value.ShouldBe(AvlStatus.Qualified);

        var qualified = await demo.AuditAsync(PartyScope.Unrestricted);
        Line(qualified, "U7").Findings.Where(f => f.Rule == BomAuditRules.AlternateNotAccepted).SelectMany(f => f.Lines).Count().ShouldBe(2);

        Task<Result<AcceptanceState>> Accept(PartyScope scope, Guid line, AcceptanceState state, string? evidence) => demo.AsAsync(scope, s => s.GetRequiredService<RecordAcceptanceHandler>().HandleAsync(
            new RecordAcceptanceRequest(entry, line, state, evidence, "quality@cm.example"), CancellationToken.None));
        (await Accept(PartyScope.For(demo.Vistula), demo.PearlRiverLine, AcceptanceState.Accepted, "x")).Failure!.Kind.ShouldBe(FailureKind.NotFound);
        (await Accept(PartyScope.Unrestricted, demo.VistulaLine, AcceptanceState.Accepted, "x")).Failure!.Message.ShouldContain("own statement");
        (await Accept(PartyScope.For(demo.Vistula), demo.VistulaLine, AcceptanceState.Accepted, " ")).Failure!.Message.ShouldContain("evidence");
        (await Accept(PartyScope.For(demo.Vistula), demo.VistulaLine, AcceptanceState.Accepted, "FAI-VS-U7-2: pilot first article passed")).Value.ShouldBe(AcceptanceState.Accepted);
        (await Accept(PartyScope.For(demo.PearlRiver), demo.PearlRiverLine, AcceptanceState.Accepted, "FAI-PR-U7-2 passed; feeder program updated")).Value.ShouldBe(AcceptanceState.Accepted);

        var after = await demo.AuditAsync(PartyScope.Unrestricted);
        Line(after, "U7").Findings.ShouldBeEmpty();
        Line(after, "U7").Sourcing.Select(s => s.UsableManufacturers).ShouldBe([2, 2]);
        after.Summary.DualSourcedCriticalLines.ShouldBe(before.Summary.DualSourcedCriticalLines + 1);
        after.Summary.DualSourcedCriticalLinesOn(demo.VistulaLine).ShouldBe(before.Summary.DualSourcedCriticalLinesOn(demo.VistulaLine) + 1);

        var history = await demo.AsBuyerAsync(s => s.GetRequiredService<AvlQueries>().PartAsync(part, CancellationToken.None));
        var changes = history!.Changes.Where(c => c.Source == "MediaTek RT6213AGQUF").ToList();
        changes.Select(c => c.Subject).ShouldBe([
            "acceptance by Pearl River Electronics Manufacturing (Shenzhen) / SMT line 3",
            "acceptance by Vistula EMS Sp. z o.o. (Gdańsk) / SMT line 1",
            "reliability qualification", "status", "electrical qualification", "status", "status",
        ], ignoreOrder: true);
        changes.Single(c => c.Subject == "status" && c.After == "Qualified").Before.ShouldBe("InQualification");
        changes.Single(c => c.Subject.StartsWith("acceptance by Vistula", StringComparison.Ordinal)).After.ShouldBe("Accepted: FAI-VS-U7-2: pilot first article passed");
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_sees_its_own_acceptances_and_never_an_internal_lead_time(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var part = await demo.PartOfAsync("U6");

        var buyerView = (await demo.AsBuyerAsync(s => s.GetRequiredService<AvlQueries>().PartAsync(part, CancellationToken.None)))!;
        var vistulaView = (await demo.AsAsync(PartyScope.For(demo.Vistula), s => s.GetRequiredService<AvlQueries>().PartAsync(part, CancellationToken.None)))!;

        buyerView.Lines.Count.ShouldBe(2);
        vistulaView.Lines.Select(l => l.Id).ShouldBe([demo.VistulaLine]);
        buyerView.Entries.Count.ShouldBe(2);
        var alternate = buyerView.Entries.Single(e => e.Mpn == "AP7354-33W5-7");
        alternate.LeadTimeInternal.ShouldBeTrue();
        alternate.LeadTimeWeeks.ShouldNotBeNull();
        alternate.On(demo.VistulaLine).ShouldBe(AcceptanceState.Refused);
        alternate.Acceptance.Keys.ShouldBe([demo.PearlRiverLine, demo.VistulaLine], ignoreOrder: true);

        var seenByVistula = vistulaView.Entries.Single(e => e.Mpn == "AP7354-33W5-7");
        seenByVistula.LeadTimeWeeks.ShouldBeNull();
        seenByVistula.Acceptance.Keys.ShouldBe([demo.VistulaLine]);
        vistulaView.Changes.ShouldAllBe(c => c.Subject.Contains("Vistula") || !c.Subject.StartsWith("acceptance", StringComparison.Ordinal));
        vistulaView.Changes.ShouldNotContain(c => c.Subject.Contains("Pearl River"));

        // The audit a manufacturer sees judges its own line only.
        var vistulaAudit = await demo.AuditAsync(PartyScope.For(demo.Vistula));
        vistulaAudit.BuildLines.Select(l => l.Id).ShouldBe([demo.VistulaLine]);
        Line(vistulaAudit, "U6").Findings.Select(f => f.Rule.Id).ShouldBe(["alternate-not-accepted", "single-source-critical"]);
    }

    [Theory, DatabaseProviders]
    public async Task The_demo_library_shows_every_state(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var audit = await demo.AuditAsync(PartyScope.Unrestricted);

        Line(audit, "U1").Findings.Select(f => f.Rule.Id).ShouldBe(["single-source-critical"]);
        Line(audit, "U1").Criticality.Reason.ShouldContain("Main processor");
        Line(audit, "U6").Findings.Single(f => f.Rule == BomAuditRules.AlternateNotAccepted).Message.ShouldContain("refused by Vistula");
        Line(audit, "U12").Findings.Select(f => f.Rule.Id).ShouldBe(["alternate-unqualified", "single-source-critical"]);
        Line(audit, "U2").Findings.Select(f => f.Rule.Id).ShouldBe(["lifecycle-risk"]);
        Line(audit, "J1").Criticality.Critical.ShouldBeFalse();
        Line(audit, "C1").Findings.ShouldBeEmpty();
        audit.Summary.FindingsPerRule["avl-mismatch"].ShouldBe(0);
        audit.Summary.DualSourcedCriticalLines.ShouldBeGreaterThan(audit.Summary.CriticalLines / 2, "most critical parts are covered on both lines");
    }

    [Theory, DatabaseProviders]
    public async Task The_coverage_trend_follows_the_library_and_a_manufacturer_reads_its_own_line(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var (lines, points) = await demo.AsBuyerAsync(s => s.GetRequiredService<AvlQueries>().CoverageTrendAsync(demo.ProductId, CancellationToken.None));
        var audit = await demo.AuditAsync(PartyScope.Unrestricted);

        // The demo's history: imported with an empty library, qualified, accepted by the primary, then by the second source.
        var overall = points.Where(p => p.LineId is null).ToList();
        overall[0].DualSourcedLines.ShouldBe(0);
        overall[^1].DualSourcedLines.ShouldBe(audit.Summary.DualSourcedCriticalLines);
        overall[^1].CriticalLines.ShouldBe(audit.Summary.CriticalLines);
        points.Where(p => p.LineId == demo.PearlRiverLine).Select(p => p.DualSourcedLines).ShouldBe(points.Where(p => p.LineId == demo.PearlRiverLine).Select(p => p.DualSourcedLines).Order());
        lines.Count.ShouldBe(2);

        // A refusal moves the second line's coverage down and is recorded at once.
        var part = await demo.PartOfAsync("U2");
        var entry = await demo.AsBuyerAsync(s => s.GetRequiredService<SecondSourceDbContext>().AvlEntries.Where(e => e.PartId == part && e.Mpn == "AS4C16M16SA-6BIN").Select(e => e.Id).SingleAsync());
        var refused = await demo.AsAsync(PartyScope.For(demo.Vistula), s => s.GetRequiredService<RecordAcceptanceHandler>().HandleAsync(
            new RecordAcceptanceRequest(entry, demo.VistulaLine, AcceptanceState.Refused, "NRND part: we will not set up a new feeder program for it", "quality@vistula.example"), CancellationToken.None));
        refused.Succeeded.ShouldBeTrue(refused.Failure?.Message);

        var (_, after) = await demo.AsBuyerAsync(s => s.GetRequiredService<AvlQueries>().CoverageTrendAsync(demo.ProductId, CancellationToken.None));
        after.Last(p => p.LineId == demo.VistulaLine).DualSourcedLines.ShouldBe(points.Last(p => p.LineId == demo.VistulaLine).DualSourcedLines - 1);
        after.Last(p => p.LineId == demo.PearlRiverLine).ShouldBe(points.Last(p => p.LineId == demo.PearlRiverLine), "the primary line's coverage did not move");

        var (vistulaLines, vistulaPoints) = await demo.AsAsync(PartyScope.For(demo.Vistula), s => s.GetRequiredService<AvlQueries>().CoverageTrendAsync(demo.ProductId, CancellationToken.None));
        vistulaLines.Select(l => l.Id).ShouldBe([demo.VistulaLine]);
        vistulaPoints.ShouldAllBe(p => p.LineId == demo.VistulaLine);
        vistulaPoints.ShouldNotBeEmpty();
    }

    [Theory, DatabaseProviders]
    public async Task The_flagged_ipc2581_export_for_a_line_reads_back_with_that_lines_coverage(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var audit = await demo.AuditAsync(PartyScope.Unrestricted);

        foreach (var (line, scope) in new[] { (demo.VistulaLine, PartyScope.For(demo.Vistula)), (demo.PearlRiverLine, PartyScope.Unrestricted) })
        {
            var exported = await demo.AsAsync(scope, s => s.GetRequiredService<ExportFlaggedBomHandler>().HandleAsync(
                new ExportFlaggedBomRequest(demo.RevisionId, line, FlaggedBomFormat.Ipc2581, "engineer@example.com"), CancellationToken.None));
            exported.Succeeded.ShouldBeTrue(exported.Failure?.Message);
            exported.Value!.FileName.ShouldEndWith(".ipc2581.xml");

            using var stream = new MemoryStream(exported.Value.Content);
            var fileAuditor = new BomAuditor(CriticalityPolicy.Default);
            var reread = BomReader.Open(exported.Value.FileName, stream, new BomReadOptions()).ReadLines().Select(fileAuditor.Audit).ToList();

            reread.Count.ShouldBe(audit.Lines.Count);
            fileAuditor.Summary.CriticalLines.ShouldBe(audit.Summary.CriticalLines);
            fileAuditor.Summary.DualSourcedCriticalLines.ShouldBe(audit.Summary.DualSourcedCriticalLinesOn(line), "the file carries exactly the sources approved for the line");
            foreach (var original in audit.Lines.Where(l => !l.Line.Dnp))
            {
                var back = reread.Single(r => r.Line.Designators.SequenceEqual(original.Line.Designators));
                back.Line.Sources.Select(s => s.Mpn).ShouldBe(original.Part?.Sources.Where(s => s.UsableOn(audit.BuildLines.Single(b => b.Id == line))).OrderBy(s => s.Rank).Select(s => s.Mpn) ?? [],
                    ignoreOrder: true, string.Join(",", original.Line.Designators));
            }
        }

        // U6's Diodes alternate is refused by Vistula: single source there, dual on Pearl River.
        var vistula = await demo.AsAsync(PartyScope.For(demo.Vistula), s => s.GetRequiredService<ExportFlaggedBomHandler>().HandleAsync(
            new ExportFlaggedBomRequest(demo.RevisionId, demo.VistulaLine, FlaggedBomFormat.Csv, "quality@vistula.example"), CancellationToken.None));
        var csv = System.Text.Encoding.UTF8.GetString(vistula.Value!.Content);
        csv.ShouldContain("AP7354-33W5-7 (refused by the line)");
        var other = await demo.AsAsync(PartyScope.For(demo.Vistula), s => s.GetRequiredService<ExportFlaggedBomHandler>().HandleAsync(
            new ExportFlaggedBomRequest(demo.RevisionId, demo.PearlRiverLine, FlaggedBomFormat.Csv, "quality@vistula.example"), CancellationToken.None));
        other.Failure!.Kind.ShouldBe(FailureKind.NotFound, "a manufacturer exports for its own line only");
    }

    [Theory, DatabaseProviders]
    public async Task A_cross_reference_table_proposes_alternates_or_refuses_the_whole_file(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        Task<Result<CrossReferenceImported>> Import(string text) => demo.AsBuyerAsync(s => s.GetRequiredService<ImportCrossReferenceHandler>().HandleAsync(
            new ImportCrossReferenceRequest("xref.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "engineer@example.com"), CancellationToken.None));
        Task<int> Entries() => demo.AsBuyerAsync(s => s.GetRequiredService<SecondSourceDbContext>().AvlEntries.CountAsync());
        var before = await Entries();

        var refused = await Import("Part or MPN,Alternate manufacturer,Alternate MPN,Notes\n" +
            "TPS62130RGTR,Richtek,RT6213AGQUF,Buck 3 A alternate\n" +
            "NOT-A-PART,Texas Instruments,TPS62133RGTR,\n");
        refused.Failure!.Message.ShouldBe("Nothing was imported: 1 row(s) name no single part. xref.csv, row 3, column 'Part or MPN': no part 'NOT-A-PART' and no source with that part number in the library.");
        (await Entries()).ShouldBe(before);

        var imported = await Import("Part or MPN,Alternate manufacturer,Alternate MPN,Notes\n" +
            "tps62130rgtr,Richtek,RT6213AGQUF,Buck 3 A alternate\n" +
            "TPS3823-33DBVR,STMicroelectronics,STM6823SWY6F,already proposed by the demo\n");
        imported.Value.ShouldBe(new CrossReferenceImported(2, 1, 1));
        (await Entries()).ShouldBe(before + 1);
        var audit = await demo.AuditAsync(PartyScope.Unrestricted);
        Line(audit, "U7").Findings.Single(f => f.Rule == BomAuditRules.AlternateUnqualified).Message.ShouldContain("RT6213AGQUF is proposed");
    }

    [Theory, DatabaseProviders]
    public async Task Alternates_qualified_for_a_part_of_the_same_value_and_package_are_suggested(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var bom = Path.Combine(Path.GetTempPath(), $"io-board-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bom, "Designator,Quantity,Value,Footprint,Manufacturer,MPN\n\"C1,C2\",2,100nF,C_0201_0603Metric,Yageo,CC0201KRX5R6BB104\n");
        try
        {
            var revision = await demo.AsBuyerAsync(async s =>
            {
                await using var file = File.OpenRead(bom);
                var sha = await s.GetRequiredService<ImportStaging>().StageAsync(file, CancellationToken.None);
                return (await s.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
                    new ImportBomRevisionRequest(demo.ProductId, sha, "io-board.csv", "IO Rev A", new Formats.Boms.BomReadOptions(), "engineer@example.com"), CancellationToken.None)).Value!.RevisionId;
            });
            var part = await demo.AsBuyerAsync(s => s.GetRequiredService<SecondSourceDbContext>().BomRevisionLines.Where(l => l.RevisionId == revision).Select(l => l.PartId!.Value).SingleAsync());

            var suggestions = await demo.AsBuyerAsync(s => s.GetRequiredService<AvlQueries>().SuggestAlternatesAsync(part, CancellationToken.None));

            suggestions.Select(x => x.Mpn).ShouldBe(["GRM033R61A104KE15D", "CL03A104KP3NNNC"], ignoreOrder: true);
            suggestions[0].Reason.ShouldContain("same value 100nF and package C_0201_0603Metric");
        }
        finally
        {
            File.Delete(bom);
        }
    }

    [Theory, DatabaseProviders]
    public async Task A_qualification_report_is_attached_to_its_record_and_seen_where_the_record_is(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var entry = await demo.AsBuyerAsync(s => s.GetRequiredService<SecondSourceDbContext>().AvlEntries.Where(e => e.Mpn == "STM6823SWY6F").Select(e => e.Id).SingleAsync());
        var input = new QualificationInput(QualificationAspect.Reliability, QualificationVerdict.Pass, QualificationMethod.JedecReport, null, null);

        var missing = await demo.AsBuyerAsync(s => s.GetRequiredService<RecordQualificationHandler>().HandleAsync(
            new RecordQualificationRequest(entry, input, false, "engineer@example.com") { Attachment = EvidenceFile.Of(new string('a', 64), "HTOL.pdf", "application/pdf", 10) }, CancellationToken.None));
        missing.Failure!.Message.ShouldContain("no longer there");

        var recorded = await demo.AsBuyerAsync(async s =>
        {
            var stored = await s.GetRequiredService<EvidenceStore>().StoreAsync(new MemoryStream("%PDF-1.7 HTOL 1000 h, 0 of 77 failed"u8.ToArray()), CancellationToken.None);
            return await s.GetRequiredService<RecordQualificationHandler>().HandleAsync(
                new RecordQualificationRequest(entry, input, false, "engineer@example.com") { Attachment = EvidenceFile.Of(stored.Sha256, @"C:\reports\STM6823-HTOL.pdf", "application/pdf", stored.Size) }, CancellationToken.None);
        });
        recorded.Value.ShouldBe(AvlStatus.Qualified, "a file is evidence enough for a pass");

        var part = await demo.PartOfAsync("U12");
        var seenByVistula = (await demo.AsAsync(PartyScope.For(demo.Vistula), s => s.GetRequiredService<AvlQueries>().PartAsync(part, CancellationToken.None)))!;
        var latest = seenByVistula.Entries.Single(e => e.Mpn == "STM6823SWY6F").Latest(QualificationAspect.Reliability)!;
        latest.Evidence.ShouldBe("attached: STM6823-HTOL.pdf");
        var file = latest.Files.ShouldHaveSingleItem();
        file.FileName.ShouldBe("STM6823-HTOL.pdf");
        var download = await demo.AsAsync(PartyScope.For(demo.Vistula), s => s.GetRequiredService<AvlQueries>().EvidenceAsync(file.Id, CancellationToken.None));
        download!.MediaType.ShouldBe("application/pdf");
    }

    [Theory, DatabaseProviders]
    public async Task A_recorded_alias_lets_a_bom_that_writes_the_maker_differently_match_the_avl(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var bom = Path.Combine(Path.GetTempPath(), $"txn-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bom, "Designator,Quantity,Manufacturer,MPN\nU6,1,TXN,TLV75533PDBVR\n");
        try
        {
            var revision = await demo.AsBuyerAsync(async s =>
            {
                await using var file = File.OpenRead(bom);
                var sha = await s.GetRequiredService<ImportStaging>().StageAsync(file, CancellationToken.None);
                return (await s.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
                    new ImportBomRevisionRequest(demo.ProductId, sha, "txn.csv", "TXN", new Formats.Boms.BomReadOptions(), "engineer@example.com"), CancellationToken.None)).Value!.RevisionId;
            });
            Task<RevisionAudit> Audit() => demo.AsBuyerAsync(async s => (await s.GetRequiredService<BomRevisionQueries>().AuditAsync(revision, CriticalityPolicy.Default, CancellationToken.None))!);
            var before = await Audit();
            before.Summary.FindingsPerRule["unverified-manufacturer"].ShouldBe(1, "TXN is no maker the catalogue knows");
            before.Lines.Single().Line.Sources.Single().ManufacturerKey.ShouldBeNull();

            var ti = await demo.AsBuyerAsync(s => s.GetRequiredService<SecondSourceDbContext>().ComponentManufacturers.Where(m => m.Name == "Texas Instruments").Select(m => m.Id).SingleAsync());
            var added = await demo.AsBuyerAsync(s => s.GetRequiredService<AddManufacturerAliasHandler>().HandleAsync(new AddManufacturerAliasRequest(ti, "TXN", "engineer@example.com"), CancellationToken.None));
            added.Value.ShouldBeTrue();

            var after = await Audit();
            after.Summary.FindingsPerRule.GetValueOrDefault("unverified-manufacturer").ShouldBe(0, "the stored revision is read again with the library's names");
            after.Summary.FindingsPerRule.GetValueOrDefault("avl-mismatch").ShouldBe(0);
            after.Lines.Single().Line.Sources.Single().ManufacturerKey.ShouldBe(ManufacturerCatalog.CreateDefault().Recognise("Texas Instruments")!.Key);
        }
        finally
        {
            File.Delete(bom);
        }
    }

    [Theory, DatabaseProviders]
    public async Task Adopting_a_revisions_sources_proposes_each_unknown_source_once(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        async Task<Result<int>> Adopt(Guid revision)
        {
            var adopted = await demo.AsBuyerAsync(s => s.GetRequiredService<AdoptBomSourcesHandler>().HandleAsync(new AdoptBomSourcesRequest(revision, "engineer@example.com"), CancellationToken.None));
            return adopted.Failure is { } failure ? failure : Result.Ok(adopted.Value!.Proposed);
        }

        (await Adopt(demo.RevisionId)).Value.ShouldBe(0, "the demo library already holds every source of its BOM");
        (await Adopt(Guid.NewGuid())).Failure!.Kind.ShouldBe(FailureKind.NotFound);

        await using (var db = demo.Database.CreateContext(PartyScope.Unrestricted))
        {
            var line = await db.BomRevisionLines.Include(l => l.Sources).Where(l => l.RevisionId == demo.RevisionId).SingleAsync(l => l.Designators == "U7");
            (await db.AvlEntries.CountAsync(e => e.PartId == line.PartId)).ShouldBe(1);
            db.AvlEntries.Remove(await db.AvlEntries.SingleAsync(e => e.PartId == line.PartId));
            db.LineAcceptances.RemoveRange(db.LineAcceptances.Where(a => db.AvlEntries.Any(e => e.Id == a.EntryId && e.PartId == line.PartId)));
            await db.SaveChangesAsync();
        }

        (await Adopt(demo.RevisionId)).Value.ShouldBe(1);
        (await Adopt(demo.RevisionId)).Value.ShouldBe(0);
        var audit = await demo.AuditAsync(PartyScope.Unrestricted);
        Line(audit, "U7").Findings.Select(f => f.Rule.Id).ShouldBe(["alternate-unqualified", "single-source-critical"]);
    }
}
