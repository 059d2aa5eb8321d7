using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Programs;
using SecondSource.Application.Vault;
using SecondSource.Domain.Programs;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Programs;

/// <summary>
/// One truth: every derived program fact a manufacturer is shown is the buyer's value for its line — never a recomputation
/// on the rows the manufacturer may read — and a projection carries nothing of another party's line.
/// </summary>
public sealed class ProgramFactsTests
{
    [Theory, DatabaseProviders]
    public async Task A_manufacturer_sees_the_buyers_values_for_its_own_line_and_nothing_of_the_other(DatabaseProvider provider)
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
        var product = await As(PartyScope.Unrestricted, s => s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync());
        var lines = await As(PartyScope.Unrestricted, s => s.GetRequiredService<VaultLines>().OfProductAsync(product, CancellationToken.None));
        var second = lines.Single(l => l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate);
        var primary = lines.Single(l => l.Role == LineRole.Primary);

        var buyerShift = await As(PartyScope.Unrestricted, s => s.GetRequiredService<ProgramFacts>().ShiftAsync(product, CancellationToken.None));
        var secondShift = await As(PartyScope.For(second.PartyId), s => s.GetRequiredService<ProgramFacts>().ShiftAsync(product, CancellationToken.None));
        var primaryShift = await As(PartyScope.For(primary.PartyId), s => s.GetRequiredService<ProgramFacts>().ShiftAsync(product, CancellationToken.None));

        var buyers = buyerShift.Single(r => r.Line.Id == second.Id);
        var own = secondShift.ShouldHaveSingleItem();
        own.Line.ShouldBe(buyers.Line);
        // The facts the issue found different: revision parity, time to survive and bridge inventory, the criteria's words.
        own.RevisionItemsBehind.ShouldBe(buyers.RevisionItemsBehind);
        own.RevisionItemsBehind.ShouldBeGreaterThan(0, "the demo's second line builds from an older BOM and AVL revision");
        own.StandingShare.ShouldBe(buyers.StandingShare);
        own.UncoveredBomLines.ShouldBe(buyers.UncoveredBomLines);
        own.Assessment.ShouldNotBeNull();
        own.Assessment.Criteria.Select(c => (c.Name, c.Met, c.Detail)).ShouldBe(buyers.Assessment!.Criteria.Select(c => (c.Name, c.Met, c.Detail)));
        own.Assessment.Survive.ShouldBe(buyers.Assessment.Survive);
        own.Assessment.BridgeNeeded.ShouldBe(buyers.Assessment.BridgeNeeded);
        own.Assessment.Passes.ShouldBe(buyers.Assessment.Passes);
        own.Warmth.Badge.ShouldBe(buyers.Warmth.Badge);
        own.Warmth.Signals.ShouldBe(buyers.Warmth.Signals);

        // The primary's manufacturer has no second line here: its projection is empty, not the second line's entry.
        primaryShift.ShouldBeEmpty();

        var buyerWarmth = await As(PartyScope.Unrestricted, s => s.GetRequiredService<ProgramFacts>().WarmthAsync(product, CancellationToken.None));
        var ownWarmth = await As(PartyScope.For(second.PartyId), s => s.GetRequiredService<ProgramFacts>().WarmthAsync(product, CancellationToken.None));
        ownWarmth.ShouldHaveSingleItem().Warmth.ShouldBe(buyerWarmth.Single(w => w.Line.Id == second.Id).Warmth with { Signals = ownWarmth[0].Warmth.Signals });
        ownWarmth[0].Warmth.Signals.ShouldBe(buyerWarmth.Single(w => w.Line.Id == second.Id).Warmth.Signals);

        var buyerSync = await As(PartyScope.Unrestricted, s => s.GetRequiredService<ProgramFacts>().SyncAsync(product, CancellationToken.None));
        var ownSync = await As(PartyScope.For(second.PartyId), s => s.GetRequiredService<ProgramFacts>().SyncAsync(product, CancellationToken.None));
        ownSync.ShouldHaveSingleItem().Line.Id.ShouldBe(second.Id);
        ownSync[0].Items.Select(i => (i.Key, i.Value.State, i.Value.Describe())).ShouldBe(buyerSync.Single(s => s.Line.Id == second.Id).Items.Select(i => (i.Key, i.Value.State, i.Value.Describe())));

        // Nothing in the projection names the primary's line or manufacturer.
        var text = string.Join("\n", own.Assessment.Criteria.Select(c => c.Detail).Concat(own.Warmth.Signals).Concat(ownSync[0].Items.Select(i => i.Value.Describe())));
        text.ShouldNotContain(primary.Name.Split(" / ")[0]);
        text.ShouldNotContain(primary.Name.Split(" / ")[1]);
    }

    [Fact]
    public void The_projection_keeps_all_for_the_buyer_and_only_the_viewers_own_for_a_manufacturer()
    {
        var mine = new Domain.Parties.PartyId(Guid.NewGuid());
        var theirs = new Domain.Parties.PartyId(Guid.NewGuid());
        IReadOnlyList<(string Name, Domain.Parties.PartyId Owner)> all = [("a", mine), ("b", theirs), ("c", mine)];
        ProgramFacts.Project(all, PartyScope.Unrestricted, e => e.Owner).ShouldBe(all);
        ProgramFacts.Project(all, PartyScope.For(mine), e => e.Owner).Select(e => e.Name).ShouldBe(["a", "c"]);
        ProgramFacts.Project(all, PartyScope.Nobody, e => e.Owner).ShouldBeEmpty();
    }
}
