using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Planning;
using SecondSource.Domain.Planning;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Planning;

/// <summary>The demo's emergency shift on each provider: not ready with a stale surge run; a physical drill refreshes it; each manufacturer sees its own.</summary>
public sealed class ShiftQueriesTests
{
    [Theory, DatabaseProviders]
    public async Task A_physical_drill_refreshes_the_surge_evidence_and_the_readiness_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        async Task<T> As<T>(PartyScope scope, Func<IServiceProvider, Task<T>> act)
        {
            await using var services = database.BuildServices(scope, clock);
            await using var serviceScope = services.CreateAsyncScope();
            return await act(serviceScope.ServiceProvider);
        }

        (await As(PartyScope.Unrestricted, s => s.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None))).Succeeded.ShouldBeTrue();
        var (product, vistula, pearl, line) = await As(PartyScope.Unrestricted, async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var v = await db.Parties.Where(p => p.Name.StartsWith("Vistula")).Select(p => p.Id).SingleAsync();
            return (await db.Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync(), v,
                await db.Parties.Where(p => p.Name.StartsWith("Pearl")).Select(p => p.Id).SingleAsync(), await db.Lines.Where(l => l.PartyId == v).Select(l => l.Id).SingleAsync());
        });
        Task<ShiftReadiness> Readiness(PartyScope scope) => As(scope, async s => (await s.GetRequiredService<ShiftQueries>().OfProductAsync(product, CancellationToken.None)).Single());

        var before = await Readiness(PartyScope.Unrestricted);
        before.Assessment!.Passes.ShouldBeFalse();
        before.Assessment.Credit.ShouldBeLessThan(0.5, "the demo's surge run is ten months old");
        before.Assessment.Criteria.Single(c => c.Name == "A recent surge run at rate").Met.ShouldBeFalse();
        before.Assessment.Criteria.Single(c => c.Name == "Revision parity with the primary").Met.ShouldBeFalse("the demo's second line builds with BOM revision 1");
        before.LastDrill!.Passed.ShouldBeTrue();
        before.LastDrill.Kind.ShouldBe(DrillKind.Tabletop);

        var drill = await As(PartyScope.Unrestricted, s => s.GetRequiredService<RecordShiftDrillHandler>().HandleAsync(
            new RecordShiftDrillRequest(product, line, DrillKind.Physical, new DateOnly(2026, 12, 4), [1800, 3000, 3900, 4300], 40, "first physical drill", "buyer"), CancellationToken.None));
        drill.Value!.Passed.ShouldBeTrue();
        drill.Value.ReachedInWeek.ShouldBe(3);

        var after = await Readiness(PartyScope.Unrestricted);
        after.LatestSurge!.Source.ShouldBe("physical drill");
        after.Assessment!.Credit.ShouldBe(1);
        after.Assessment.CoverageRatio.ShouldBe(4200.0 / 4000, 1e-9);
        after.Assessment.Criteria.Single(c => c.Name == "A recent surge run at rate").Met.ShouldBeTrue();
        after.Assessment.Criteria.Single(c => c.Name == "Emergency coverage ratio ≥ 0.90").Met.ShouldBeTrue();
        after.LastDrill!.Kind.ShouldBe(DrillKind.Physical);

        (await As(PartyScope.Unrestricted, s => s.GetRequiredService<RecordShiftDrillHandler>().HandleAsync(
            new RecordShiftDrillRequest(product, line, DrillKind.Physical, new DateOnly(2026, 12, 4), [1800, 3000], null, null, "buyer"), CancellationToken.None)))
            .Failure!.Message.ShouldContain("hours run at surge rate");
        (await As(PartyScope.Unrestricted, s => s.GetRequiredService<RecordShiftDrillHandler>().HandleAsync(
            new RecordShiftDrillRequest(product, line, DrillKind.Tabletop, new DateOnly(2026, 12, 24), [1800], null, null, "buyer"), CancellationToken.None)))
            .Failure!.Message.ShouldContain("recorded after it was held");

        (await Readiness(PartyScope.For(vistula))).Plan!.WeeklyDemand.ShouldBe(4000);
        (await As(PartyScope.For(pearl), s => s.GetRequiredService<ShiftQueries>().OfProductAsync(product, CancellationToken.None))).ShouldBeEmpty();
        (await As(PartyScope.For(pearl), s => s.GetRequiredService<RecordSurgeRunHandler>().HandleAsync(
            new RecordSurgeRunRequest(product, line, new DateOnly(2026, 12, 1), 8, 80, 80, 40, "pearl"), CancellationToken.None))).Failure!.Kind.ShouldBe(FailureKind.NotFound);
    }
}
