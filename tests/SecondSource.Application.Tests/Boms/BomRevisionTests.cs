using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Boms;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Parties;
using SecondSource.Formats.Boms;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Boms;

/// <summary>BOM revisions on each provider: staged by content, imported whole, audited like the file, seen through the party filter.</summary>
public sealed class BomRevisionTests
{
    private const string Glasgow = "glasgow_revC3_bom.csv";

    private static async Task<(TestDatabase Database, Guid ProductId)> DemoAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        return (database, (await db.Products.OrderBy(p => p.Name).FirstAsync()).Id);
    }

    private static async Task<string> StageAsync(IServiceProvider services, string path)
    {
        await using var file = File.OpenRead(path);
        return await services.GetRequiredService<ImportStaging>().StageAsync(file, CancellationToken.None);
    }

    private static async Task<Result<ImportedRevision>> ImportAsync(TestDatabase database, Guid productId, string path, string label = "Rev C3")
    {
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var sha = await StageAsync(scope.ServiceProvider, path);
        return await scope.ServiceProvider.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
            new ImportBomRevisionRequest(productId, sha, Path.GetFileName(path), label, new BomReadOptions(), "engineer@example.com"), CancellationToken.None);
    }

    [Theory, DatabaseProviders]
    public async Task A_revisions_line_count_is_recorded_at_import_and_equals_its_lines(DatabaseProvider provider)
    {
        var (database, productId) = await DemoAsync(provider);
        await using var _d = database;
        (await ImportAsync(database, productId, Samples.RealBom(Glasgow))).Succeeded.ShouldBeTrue();

        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        var revisions = await db.BomRevisions.Select(r => new { r.Label, r.LineCount, Counted = r.Lines.Count }).ToListAsync();
        revisions.Count.ShouldBeGreaterThan(1);
        revisions.ShouldAllBe(r => r.LineCount == r.Counted && r.LineCount > 0);
        var listed = await scope.ServiceProvider.GetRequiredService<BomRevisionQueries>().ListAsync(productId, CancellationToken.None);
        listed.Single(r => r.Label == "Rev C3").Lines.ShouldBe(revisions.Single(r => r.Label == "Rev C3").Counted);
    }

    [Theory, DatabaseProviders]
    public async Task An_imported_revision_audits_like_its_file_and_against_an_empty_library_knows_no_source(DatabaseProvider provider)
    {
        var (database, productId) = await DemoAsync(provider);
        await using var _d = database;

        var imported = await ImportAsync(database, productId, Samples.RealBom(Glasgow));

        imported.Succeeded.ShouldBeTrue(imported.Failure?.Message);
        var fileAuditor = new BomAuditor(CriticalityPolicy.Default);
        var listedSources = 0;
        await using (var stream = File.OpenRead(Samples.RealBom(Glasgow)))
        {
            foreach (var line in BomReader.Open(Glasgow, stream, new BomReadOptions()).ReadLines())
            {
                fileAuditor.Audit(line);
                listedSources += line.Dnp || line.Generic ? 0 : line.Sources.Count(s => s.Mpn.Length > 0);
            }
        }

        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<BomRevisionQueries>().AuditAsync(imported.Value!.RevisionId, CriticalityPolicy.Default, CancellationToken.None);

        audit.ShouldNotBeNull();
        imported.Value.Lines.ShouldBe(fileAuditor.Summary.Lines);
        audit.Summary.Lines.ShouldBe(fileAuditor.Summary.Lines);
        audit.Summary.CriticalLines.ShouldBe(fileAuditor.Summary.CriticalLines);
        string[] fileRules = ["missing-mpn", "missing-manufacturer", "duplicate-designator", "quantity-mismatch", "generic-part", "single-manufacturer-alternates"];
        foreach (var rule in fileRules)
        {
            audit.Summary.FindingsPerRule[rule].ShouldBe(fileAuditor.Summary.FindingsPerRule[rule], rule);
        }

        // Nothing is qualified yet: no critical line is dual-sourced, and every source the BOM lists is unknown to the AVL.
        audit.Summary.DualSourcedCriticalLines.ShouldBe(0);
        audit.Summary.FindingsPerRule["single-source-critical"].ShouldBe(audit.Summary.CriticalLines - audit.Lines.Count(l => l.Criticality.Critical && (l.Line.Dnp || l.Line.Generic)));
        audit.Summary.FindingsPerRule["avl-mismatch"].ShouldBe(listedSources);
        audit.Revision.Label.ShouldBe("Rev C3");
        audit.Revision.Sha256.Length.ShouldBe(64);
    }

    [Theory, DatabaseProviders]
    public async Task The_same_file_imported_twice_is_one_revision(DatabaseProvider provider)
    {
        var (database, productId) = await DemoAsync(provider);
        await using var _d = database;

        var first = await ImportAsync(database, productId, Samples.RealBom(Glasgow));
        var second = await ImportAsync(database, productId, Samples.RealBom(Glasgow), "another label");

        second.Value!.AlreadyImported.ShouldBeTrue();
        second.Value.RevisionId.ShouldBe(first.Value!.RevisionId);
        await using var db = database.CreateContext(PartyScope.Unrestricted);
        (await db.BomRevisions.CountAsync(r => r.FileName == Glasgow)).ShouldBe(1);
        // One staged file for the demo's own revision, one for this file imported twice.
        Directory.GetFiles(Path.Combine(database.Settings.DataFolder, "imports")).Length.ShouldBe(2);
    }

    [Theory, DatabaseProviders]
    public async Task A_file_that_cannot_be_read_is_refused_with_its_place_and_nothing_is_stored(DatabaseProvider provider)
    {
        var (database, productId) = await DemoAsync(provider);
        await using var _d = database;
        var bad = Path.Combine(database.Folder.Path, "broken.xlsx");
        await File.WriteAllTextAsync(bad, "this is not a workbook");

        int revisionsBefore, linesBefore;
        await using (var before = database.CreateContext(PartyScope.Unrestricted))
        {
            (revisionsBefore, linesBefore) = (await before.BomRevisions.CountAsync(), await before.BomRevisionLines.CountAsync());
        }

        var result = await ImportAsync(database, productId, bad);

        result.Succeeded.ShouldBeFalse();
        result.Failure!.Kind.ShouldBe(FailureKind.Invalid);
        result.Failure.Message.ShouldContain("broken.xlsx");
        await using var db = database.CreateContext(PartyScope.Unrestricted);
        (await db.BomRevisions.CountAsync()).ShouldBe(revisionsBefore);
        (await db.BomRevisionLines.CountAsync()).ShouldBe(linesBefore);
    }

    [Theory, DatabaseProviders]
    public async Task An_unknown_upload_or_product_is_not_found(DatabaseProvider provider)
    {
        var (database, productId) = await DemoAsync(provider);
        await using var _d = database;
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ImportBomRevisionHandler>();

        var noFile = await handler.HandleAsync(new ImportBomRevisionRequest(productId, new string('a', 64), "x.csv", "A", new BomReadOptions(), "e"), CancellationToken.None);
        var traversal = await handler.HandleAsync(new ImportBomRevisionRequest(productId, "../../etc/passwd", "x.csv", "A", new BomReadOptions(), "e"), CancellationToken.None);
        var noProduct = await handler.HandleAsync(new ImportBomRevisionRequest(Guid.NewGuid(), new string('a', 64), "x.csv", "A", new BomReadOptions(), "e"), CancellationToken.None);

        noFile.Failure!.Kind.ShouldBe(FailureKind.NotFound);
        traversal.Failure!.Kind.ShouldBe(FailureKind.NotFound);
        noProduct.Failure!.Kind.ShouldBe(FailureKind.NotFound);
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_sees_the_revisions_of_products_it_builds_and_no_other(DatabaseProvider provider)
    {
        var (database, productId) = await DemoAsync(provider);
        await using var _d = database;
        var imported = await ImportAsync(database, productId, Samples.RealBom(Glasgow));
        PartyId outsider;
        List<PartyId> manufacturers;
        int allLines;
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            allLines = await db.BomRevisionLines.CountAsync();
            manufacturers = await db.ProgramLines.Where(pl => db.Programs.Any(p => p.Id == pl.ProgramId && p.ProductId == productId))
                .Join(db.Lines, pl => pl.LineId, l => l.Id, (pl, l) => l.PartyId).Distinct().ToListAsync();
            outsider = (await db.AddManufacturerAsync("Outsider EMS")).Id;
        }

        manufacturers.ShouldNotBeEmpty();
        await using (var inside = database.CreateContext(PartyScope.For(manufacturers[0])))
        {
            (await inside.BomRevisions.Select(r => r.Id).ToListAsync()).ShouldContain(imported.Value!.RevisionId);
            (await inside.BomRevisionLines.CountAsync()).ShouldBe(allLines);
        }

        await using var outside = database.CreateContext(PartyScope.For(outsider));
        (await outside.BomRevisions.CountAsync()).ShouldBe(0);
        (await outside.BomRevisionLines.CountAsync()).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task The_demo_product_has_its_main_board_bom_with_a_few_single_source_critical_parts(DatabaseProvider provider)
    {
        var (database, productId) = await DemoAsync(provider);
        await using var _d = database;
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<BomRevisionQueries>();

        var revision = (await queries.ListAsync(productId, CancellationToken.None)).Single();
        var audit = (await queries.AuditAsync(revision.Id, CriticalityPolicy.Default, CancellationToken.None))!;

        revision.Label.ShouldBe("Rev B");
        revision.Lines.ShouldBe(150);
        var singleSourced = audit.Lines.Where(l => l.Findings.Any(f => f.Rule == BomAuditRules.SingleSourceCritical)).Select(l => string.Join(",", l.Line.Designators)).ToList();
        singleSourced.ShouldContain("U1");
        singleSourced.ShouldContain("U4");
        singleSourced.ShouldNotContain("U2");
        audit.Summary.DualSourcedCriticalLines.ShouldBeGreaterThan(singleSourced.Count, "most critical parts are covered");
    }
}
