using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Reviews;
using SecondSource.Domain.Reviews;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Reviews;

/// <summary>The demo's three quarters of reviews, generated from the demo data on each database.</summary>
public sealed class ReviewDemoTests
{
    [Theory, DatabaseProviders]
    public async Task The_demo_reviews_show_every_kind_of_item_a_persistent_finding_and_one_explained_by_its_root_cause(DatabaseProvider provider)
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
        var reviews = await As(s => s.GetRequiredService<ReviewQueries>().ListAsync(null, CancellationToken.None));
        reviews.Select(r => r.Quarter).ShouldBe(["2026Q3", "2026Q2", "2026Q1"]);
        reviews.ShouldAllBe(r => r.Frozen && r.Latest && r.Version == 1);

        var pack = (await As(s => s.GetRequiredService<ReviewQueries>().PackAsync(reviews[0].Id, CancellationToken.None)))!;
        var pair = pack.Report.Pairs.Single();
        pair.Items.Select(i => i.Area).ShouldBe(Enum.GetValues<ReviewArea>());
        pair.Item(ReviewArea.FirstPassYield).Verdict.ShouldBe(ReviewVerdict.Aligned);
        pair.Item(ReviewArea.UnitCost).Finding.ShouldContain("+15.4%");
        pair.Item(ReviewArea.LeadTime).Verdict.ShouldBe(ReviewVerdict.Different);
        pair.Item(ReviewArea.FirmwareSync).Finding.ShouldBe("Both lines build 2.4.1, a release of the vault.");
        pair.Item(ReviewArea.TestResults).TestSummary!.Values.Sum().ShouldBe(12);
        pair.Second.Units.ShouldBe(120, "July skipped: two 60-unit batches in the quarter");
        pack.Attendees.Select(a => a.Organisation).Distinct().Count().ShouldBe(3);
        pack.Findings.Single(f => f.Area == ReviewArea.LeadTime).History.ShouldBe([("2026Q1", ReviewVerdict.Aligned), ("2026Q2", ReviewVerdict.Different), ("2026Q3", ReviewVerdict.Different)]);
        pack.Findings.Single(f => f.Area == ReviewArea.AvlAlignment).State.ShouldBe(FindingState.Explained);
        pack.Findings.Single(f => f.Area == ReviewArea.LeadTime).State.ShouldBe(FindingState.Persistent);
        pack.Findings.Single(f => f.Area == ReviewArea.UnitCost).State.ShouldBe(FindingState.Explained);
        pack.Persistent.Select(f => f.Area).ShouldBe([ReviewArea.LeadTime]);
    }
}
