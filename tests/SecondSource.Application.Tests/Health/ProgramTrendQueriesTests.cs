using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Health;
using SecondSource.Application.Persistence;
using SecondSource.Application.Reviews;
using SecondSource.Application.TestData;
using SecondSource.Domain.TestData;
using SecondSource.Testing;
using Microsoft.EntityFrameworkCore;

namespace SecondSource.Application.Tests.Health;

/// <summary>
/// The buyer's dashboard trend: the last four quarters of the program's calendar, the second lines' share of the units
/// started, and yields that agree with the quarterly review of the same quarter (one truth, read once).
/// </summary>
public sealed class ProgramTrendQueriesTests
{
    [Theory, DatabaseProviders]
    public async Task The_trend_counts_started_units_by_line_and_reads_the_reviews_yields(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        async Task<T> As<T>(Func<IServiceProvider, Task<T>> act)
        {
            await using var services = database.BuildServices(PartyScope.Unrestricted, clock);
            await using var scope = services.CreateAsyncScope();
            return await act(scope.ServiceProvider);
        }

        (await As(s => s.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None))).Succeeded.ShouldBeTrue();
        var trend = (await As(s => s.GetRequiredService<ProgramTrendQueries>().TrendsAsync(CancellationToken.None))).Values.Single();
        trend.Quarters.ShouldBe(["2026Q1", "2026Q2", "2026Q3", "2026Q4"]);
        trend.Share!.Select(q => q.SoFar).ShouldBe([false, false, false, true]);
        trend.Lines.Select(l => l.Line.Name).ShouldBe(["Pearl River Electronics Manufacturing (Shenzhen) / SMT line 3", "Vistula EMS Sp. z o.o. (Gdańsk) / SMT line 1"],
            "the primary first; candidates are not second lines yet");
        (trend.BandLow, trend.BandHigh).ShouldBe((0.15, 0.25));
        var primary = trend.Lines[0];
        var second = trend.Lines[1];
        for (var i = 0; i < 4; i++)
        {
            // The share is the second line's started units over both lines' started units, quarter by quarter.
            trend.Share![i].Units.ShouldBe(primary.Quarters[i].Units + second.Quarters[i].Units);
            trend.Share![i].SecondLineUnits.ShouldBe(second.Quarters[i].Units);
        }

        // The held 2026Q3 review and the dashboard read the same quarter the same way.
        var q3Review = (await As(s => s.GetRequiredService<ReviewQueries>().ListAsync(trend.ProgramId, CancellationToken.None))).Where(r => r.Quarter == "2026Q3").MaxBy(r => r.Version)!;
        var pack = (await As(s => s.GetRequiredService<ReviewQueries>().PackAsync(q3Review.Id, CancellationToken.None)))!;
        var pair = pack.Report.Pairs.Single();
        (second.Quarters[2].Yield.Units, second.Quarters[2].Yield.FirstPassed).ShouldBe((pair.Second.Units, pair.Second.FirstPassed));
        (primary.Quarters[2].Yield.Units, primary.Quarters[2].Yield.FirstPassed).ShouldBe((pair.Primary.Units, pair.Primary.FirstPassed));
        pair.Second.Units.ShouldBeGreaterThan(0, "the demo tested units on the second line in 2026Q3");
        second.Quarters[2].Batches.ShouldBe(pair.SecondBatches.Count);

        // A production batch of 250 on the second line this quarter moves the share by exactly its units; a golden batch moves nothing.
        var before = trend.Share![^1];
        var batchesBefore = second.Quarters[^1].Batches;
        foreach (var (name, kind) in new[] { ("VE-TREND-1", BatchKind.Production), ("VE-GOLDEN-TREND", BatchKind.Golden) })
        {
            (await As(s => s.GetRequiredService<CreateTestBatchHandler>().HandleAsync(new CreateTestBatchRequest(pack.Review.ProductId,
                second.Line.Id, name, kind, 250, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), null, "test"), CancellationToken.None))).Failure.ShouldBeNull();
        }

        var again = (await As(s => s.GetRequiredService<ProgramTrendQueries>().TrendsAsync(CancellationToken.None))).Values.Single();
        var after = again.Share![^1];
        (after.Units, after.SecondLineUnits).ShouldBe((before.Units + 250, before.SecondLineUnits + 250));
        again.Lines[1].Quarters[^1].Batches.ShouldBe(batchesBefore + 1);
        after.Share!.Value.ShouldBe((double)(before.SecondLineUnits + 250) / (before.Units + 250), 1e-12);

        // The second line's member sees its own line's entry with the buyer's values, nothing of the primary, and no share.
        var party = await As(async s => (await s.GetRequiredService<SecondSourceDbContext>().Parties.AsNoTracking().SingleAsync(p => p.Name.StartsWith("Vistula"))).Id);
        await using (var services = database.BuildServices(PartyScope.For(party), clock))
        await using (var scope = services.CreateAsyncScope())
        {
            var own = (await scope.ServiceProvider.GetRequiredService<ProgramTrendQueries>().TrendsAsync(CancellationToken.None)).Values.Single();
            own.Share.ShouldBeNull();
            own.Lines.Single().ShouldBeEquivalentTo(again.Lines[1]);
        }
    }
}
