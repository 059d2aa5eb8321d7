using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Avl;
using SecondSource.Application.Boms;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Avl;

/// <summary>
/// One reading of maker names everywhere: a stored revision, adoption and coverage count a maker only when the
/// catalogue or the library recognises it; a confirmation or an aliases file given at import changes every view at once.
/// </summary>
public sealed class MakerRecognitionTests
{
    // Two sources on a critical IC: a catalogue maker and one no catalogue knows.
    private const string Bom = "Designator,Quantity,Description,Manufacturer 1,MPN 1,Manufacturer 2,MPN 2\n" +
                               "U1,1,IC LDO 3.3V SOT-23-5,Texas Instruments,TPS7A2033PDBVR,Zhejiang Lanke Electronics,LK7533-33\n" +
                               "R1,1,RES 10K 0603,YAGEO,RC0603FR-0733RL,,\n";

    private sealed class Fixture(TestDatabase database, Guid productId) : IAsyncDisposable
    {
        public TestDatabase Database { get; } = database;

        public Guid ProductId { get; } = productId;

        public ValueTask DisposeAsync() => Database.DisposeAsync();

        public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var services = Database.BuildServices(PartyScope.Unrestricted);
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }

        public Task<Result<ImportedRevision>> ImportAsync(string csv, string label, ManufacturerCatalog? catalog = null) => RunAsync(async s =>
        {
            using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
            var sha = await s.GetRequiredService<ImportStaging>().StageAsync(file, CancellationToken.None);
            var options = new BomReadOptions { Manufacturers = catalog ?? ManufacturerCatalog.CreateDefault() };
            return await s.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
                new ImportBomRevisionRequest(ProductId, sha, $"{label}.csv", label, options, "engineer@example.com"), CancellationToken.None);
        });

        public Task<RevisionAudit> AuditAsync(Guid revision) =>
            RunAsync(async s => (await s.GetRequiredService<BomRevisionQueries>().AuditAsync(revision, CriticalityPolicy.Default, CancellationToken.None))!);

        public Task<Result<ConfirmedManufacturer>> ConfirmAsync(string name, string? sameAs = null) =>
            RunAsync(s => s.GetRequiredService<ConfirmManufacturerHandler>().HandleAsync(new ConfirmManufacturerRequest(name, sameAs, "engineer@example.com"), CancellationToken.None));
    }

    private static async Task<Fixture> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var services = database.BuildServices(PartyScope.Unrestricted))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);
        }

        await using var db = database.CreateContext(PartyScope.Unrestricted);
        return new Fixture(database, (await db.Products.SingleAsync(p => p.Code == "AUR-VSM200")).Id);
    }

    private static AuditedLine U1(RevisionAudit audit) => audit.Lines.Single(l => l.Line.Designators.Contains("U1"));

    [Theory, DatabaseProviders]
    public async Task An_unverified_maker_counts_for_nothing_until_confirmed_and_then_counts_in_every_audit(DatabaseProvider provider)
    {
        await using var fixture = await CreateAsync(provider);
        var revision = (await fixture.ImportAsync(Bom, "Rev L")).Value!.RevisionId;

        var before = await fixture.AuditAsync(revision);
        U1(before).Line.DistinctManufacturers.ShouldBe(1);
        U1(before).Findings.Select(f => f.Rule.Id).ShouldContain("unverified-manufacturer");
        U1(before).Findings.Single(f => f.Rule.Id == "unverified-manufacturer").Message.ShouldContain("Zhejiang Lanke Electronics");

        // Text that cannot be a maker is refused, naming why; a name the catalogue gives another maker cannot be re-assigned.
        (await fixture.ConfirmAsync("Digi-Key")).Failure!.Message.ShouldContain("distributor");
        (await fixture.ConfirmAsync("GRM188R71H104KA93D")).Failure!.Message.ShouldContain("shape of a company's name");
        (await fixture.ConfirmAsync("Maxim", sameAs: "Texas Instruments")).Failure!.Message.ShouldBe("'Maxim' is already Analog Devices (in the catalogue); it cannot also be Texas Instruments.");
        (await fixture.ConfirmAsync("Lanke", sameAs: "Nobody Known Ltd")).Failure!.Kind.ShouldBe(FailureKind.Invalid);

        var confirmed = await fixture.ConfirmAsync("Zhejiang Lanke Electronics");
        confirmed.Value.ShouldBe(new ConfirmedManufacturer("Zhejiang Lanke Electronics", "Zhejiang Lanke Electronics", Changed: true));
        (await fixture.ConfirmAsync("zhejiang lanke electronics co., ltd.")).Value!.Changed.ShouldBeFalse("the same name again changes nothing");

        var after = await fixture.AuditAsync(revision);
        U1(after).Line.DistinctManufacturers.ShouldBe(2);
        U1(after).Findings.Select(f => f.Rule.Id).ShouldNotContain("unverified-manufacturer");
    }

    [Theory, DatabaseProviders]
    public async Task Adoption_leaves_out_unverified_makers_and_names_them(DatabaseProvider provider)
    {
        await using var fixture = await CreateAsync(provider);
        var revision = (await fixture.ImportAsync(Bom, "Rev L")).Value!.RevisionId;
        Task<AdoptedSources> Adopt() => fixture.RunAsync(async s => (await s.GetRequiredService<AdoptBomSourcesHandler>().HandleAsync(
            new AdoptBomSourcesRequest(revision, "engineer@example.com"), CancellationToken.None)).Value!);

        var first = await Adopt();
        first.Unverified.ShouldBe(["Zhejiang Lanke Electronics"]);
        first.Proposed.ShouldBe(2, "TPS7A2033PDBVR and RC0603FR-0733RL, both from recognised makers");
        (await fixture.RunAsync(s => s.GetRequiredService<SecondSourceDbContext>().ComponentManufacturers.AnyAsync(m => m.Name.Contains("Lanke")))).ShouldBeFalse();

        (await fixture.ConfirmAsync("Lanke Electronics", sameAs: null)).Succeeded.ShouldBeTrue();
        (await fixture.ConfirmAsync("Zhejiang Lanke Electronics", sameAs: "Lanke Electronics")).Value!.Maker.ShouldBe("Lanke Electronics");
        var second = await Adopt();
        second.Unverified.ShouldBeEmpty();
        second.Proposed.ShouldBe(1);
    }

    [Theory, DatabaseProviders]
    public async Task A_key_an_older_reading_stored_does_not_make_an_unconfirmed_name_a_maker(DatabaseProvider provider)
    {
        await using var fixture = await CreateAsync(provider);
        var revision = (await fixture.ImportAsync(Bom, "Rev L")).Value!.RevisionId;
        await using (var db = fixture.Database.CreateContext(PartyScope.Unrestricted))
        {
            // Versions before the catalogue stored a key for every cleaned name, recognised or not.
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres
                ? "UPDATE \"BomRevisionSources\" SET \"ManufacturerKey\" = 'zhejiang lanke electronics' WHERE \"Manufacturer\" = 'Zhejiang Lanke Electronics'"
                : "UPDATE BomRevisionSources SET ManufacturerKey = 'zhejiang lanke electronics' WHERE Manufacturer = 'Zhejiang Lanke Electronics'");
        }

        var audit = await fixture.AuditAsync(revision);
        U1(audit).Line.DistinctManufacturers.ShouldBe(1);
        audit.Summary.DualSourcedCriticalLines.ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task Names_an_aliases_file_gave_at_import_are_recorded_in_the_library_so_every_audit_reads_them(DatabaseProvider provider)
    {
        await using var fixture = await CreateAsync(provider);
        var catalog = ManufacturerCatalog.CreateDefault();
        catalog.AddAliases(["Zhejiang Lanke Electronics = Lanke Electronics", "Lanke Electronics = Lanke Electronics"], "aliases.txt");
        var revision = (await fixture.ImportAsync(Bom, "Rev L", catalog)).Value!.RevisionId;

        var audit = await fixture.AuditAsync(revision);
        U1(audit).Line.DistinctManufacturers.ShouldBe(2);
        var maker = await fixture.RunAsync(s => s.GetRequiredService<SecondSourceDbContext>().ComponentManufacturers.Include(m => m.Aliases).SingleAsync(m => m.Name == "Lanke Electronics"));
        maker.Aliases.Select(a => a.Text).ShouldBe(["Zhejiang Lanke Electronics"]);

        var contradicting = ManufacturerCatalog.CreateDefault();
        contradicting.AddAliases(["YAGEO = Zhejiang Lanke Electronics"], "aliases.txt");
        var refused = await fixture.ImportAsync(Bom + "R2,1,RES 33R 0603,YAGEO,RC0603FR-0733RL,,\n", "Rev M", contradicting);
        refused.Failure!.Message.ShouldBe("The aliases file makes 'YAGEO' Zhejiang Lanke Electronics, but the catalogue knows it as YAGEO; a stored revision cannot contradict the catalogue.");
        (await fixture.RunAsync(s => s.GetRequiredService<SecondSourceDbContext>().BomRevisions.CountAsync(r => r.Label == "Rev M"))).ShouldBe(0);
    }
}
