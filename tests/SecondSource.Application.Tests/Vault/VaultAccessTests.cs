using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Vault;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Vault;

/// <summary>
/// Grants and NDAs on the demo program, with a fake clock: a manufacturer reaches only what a live grant and a live
/// NDA give its line, access ends at NDA expiry and at revocation, links are single-use and short-lived, every attempt
/// is logged, and the sync view follows the lines' acknowledgements.
/// </summary>
public sealed class VaultAccessTests
{
    private const string VistulaName = "Vistula EMS Sp. z o.o. (Gdańsk)";
    private const string VistulaLine = VistulaName + " / SMT line 1";

    private static readonly Actor Buyer = new("engineer@aurora-medical.example", "Aurora Medical Instruments AB", "10.1.2.3");
    private static readonly Actor Vistula = new("member@vistula-ems.example", VistulaName, "10.9.9.9");

    private sealed record Demo(TestDatabase Database, FakeTimeProvider Clock, Guid Product, PartyId Primary, PartyId Second, PartyId Dongguan) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();

        public async Task<T> AsAsync<T>(PartyScope scope, Func<IServiceProvider, Task<T>> act)
        {
            await using var services = Database.BuildServices(scope, Clock);
            await using var serviceScope = services.CreateAsyncScope();
            return await act(serviceScope.ServiceProvider);
        }

        public Task<T> AsBuyerAsync<T>(Func<IServiceProvider, Task<T>> act) => AsAsync(PartyScope.Unrestricted, act);

        public Task<T> AsSecondAsync<T>(Func<IServiceProvider, Task<T>> act) => AsAsync(PartyScope.For(Second), act);
    }

    private static async Task<Demo> DemoAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        // Whole seconds: both databases keep the times exactly, so ages compare exactly.
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));
        await using var services = database.BuildServices(PartyScope.Unrestricted, clock);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        var product = await db.Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();
        async Task<PartyId> Party(string name) => await db.Parties.Where(p => p.Name.StartsWith(name)).Select(p => p.Id).SingleAsync();
        return new Demo(database, clock, product, await Party("Pearl River Electronics"), await Party("Vistula EMS"), await Party("Dongguan Allied EMS"));
    }

    private static Task<IReadOnlyList<GrantedRevision>> GrantedAsync(IServiceProvider services) =>
        services.GetRequiredService<VaultAccessGate>().GrantedAsync(null, CancellationToken.None);

    private static async Task<Result<OpenedRevision>> OpenAsync(IServiceProvider services, Guid revision, Actor actor)
    {
        var result = await services.GetRequiredService<OpenArtifactRevisionHandler>().HandleAsync(new OpenArtifactRevisionRequest(revision, actor), CancellationToken.None);
        if (result.Value is { } opened)
        {
            await opened.Content.DisposeAsync();
        }

        return result;
    }

    private static Task<List<AccessLogEntry>> LogAsync(Demo demo) =>
        demo.AsBuyerAsync(s => s.GetRequiredService<SecondSourceDbContext>().AccessLog.OrderBy(e => e.Sequence).ToListAsync());

    [Theory, DatabaseProviders]
    public async Task A_line_reaches_only_the_latest_revision_of_what_is_granted_and_a_guess_is_404_and_logged(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var granted = await demo.AsSecondAsync(GrantedAsync);
        var bom = await demo.AsBuyerAsync(s => s.GetRequiredService<SecondSourceDbContext>().Artifacts.Include(a => a.Revisions).SingleAsync(a => a.Kind == ArtifactKind.BomAndAvl));

        granted.Select(g => g.Artifact.Kind).Distinct().Count().ShouldBe(8);
        granted.ShouldAllBe(g => g.Grant.PartyId == demo.Second);
        granted.Single(g => g.Artifact.Kind == ArtifactKind.BomAndAvl).Revision.Number.ShouldBe(2, "a grant of the latest revision reaches the latest only");

        (await demo.AsSecondAsync(s => OpenAsync(s, bom.Latest!.Id, Vistula))).Failure.ShouldBeNull();
        (await demo.AsSecondAsync(s => OpenAsync(s, bom.Revisions.Single(r => r.Number == 1).Id, Vistula))).Failure!.Kind.ShouldBe(FailureKind.NotFound);
        (await demo.AsSecondAsync(s => OpenAsync(s, Guid.NewGuid(), Vistula))).Failure!.Kind.ShouldBe(FailureKind.NotFound);

        var log = await LogAsync(demo);
        log[^3].ShouldSatisfyAllConditions(e => e.Action.ShouldBe(AccessAction.Download), e => e.Party.ShouldBe(VistulaName), e => e.RevisionId.ShouldBe(bom.Latest!.Id), e => e.ClientAddress.ShouldBe("10.9.9.9"));
        log[^2].Action.ShouldBe(AccessAction.Refused);
        log[^1].ShouldSatisfyAllConditions(e => e.Action.ShouldBe(AccessAction.Refused), e => e.Actor.ShouldBe(Vistula.Name));
        AccessLogChain.Verify(log).Intact.ShouldBeTrue();
    }

    [Theory, DatabaseProviders]
    public async Task There_is_no_access_without_an_NDA_and_access_ends_when_the_NDA_expires(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var dongguanLine = await demo.AsBuyerAsync(async s => (await s.GetRequiredService<VaultLines>().OfProductAsync(demo.Product, CancellationToken.None)).Single(l => l.PartyId == demo.Dongguan));
        var grant = await demo.AsBuyerAsync(s => s.GetRequiredService<GrantAccessHandler>().HandleAsync(
            new GrantAccessRequest(demo.Product, ArtifactKind.Gerbers, dongguanLine.Id, null, DateOnly.FromDateTime(demo.Clock.GetUtcNow().UtcDateTime).AddDays(90), Buyer), CancellationToken.None));
        grant.Failure.ShouldBeNull();

        (await demo.AsAsync(PartyScope.For(demo.Dongguan), GrantedAsync)).ShouldBeEmpty("a grant without an NDA gives nothing");
        var grants = await demo.AsBuyerAsync(s => s.GetRequiredService<VaultAccessQueries>().GrantsAsync(demo.Product, CancellationToken.None));
        grants.Single(g => g.Id == grant.Value!.GrantId).Verdict.ShouldBe(AccessVerdict.NoNda);

        // The second source's NDA holds through its last day (21 days from the demo's start) and not a moment after.
        demo.Clock.Advance(TimeSpan.FromDays(21));
        (await demo.AsSecondAsync(GrantedAsync)).ShouldNotBeEmpty();
        var bomId = (await demo.AsSecondAsync(GrantedAsync)).First(g => g.Artifact.Kind == ArtifactKind.BomAndAvl).Revision.Id;
        var lastDayEnds = new DateTimeOffset(DateOnly.FromDateTime(demo.Clock.GetUtcNow().UtcDateTime).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        demo.Clock.SetUtcNow(lastDayEnds);

        (await demo.AsSecondAsync(GrantedAsync)).ShouldBeEmpty("the NDA expired");
        (await demo.AsSecondAsync(s => OpenAsync(s, bomId, Vistula))).Failure!.Kind.ShouldBe(FailureKind.NotFound);
        (await demo.AsAsync(PartyScope.For(demo.Primary), GrantedAsync)).Count.ShouldBe(8, "the primary's NDA runs two years");
        var sync = await demo.AsBuyerAsync(s => s.GetRequiredService<VaultAccessQueries>().SyncAsync(demo.Product, CancellationToken.None));
        sync.Single(l => l.Line.PartyId == demo.Second).Nda!.Live.ShouldBeFalse();
    }

    [Theory, DatabaseProviders]
    public async Task Revoking_a_grant_ends_access_at_once_and_is_logged(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var gerbers = (await demo.AsSecondAsync(GrantedAsync)).Single(g => g.Artifact.Kind == ArtifactKind.Gerbers);

        (await demo.AsBuyerAsync(s => s.GetRequiredService<RevokeGrantHandler>().HandleAsync(new RevokeGrantRequest(gerbers.Grant.Id, "wrong board revision sent", Buyer), CancellationToken.None)))
            .Value.ShouldBe(VistulaLine);
        (await demo.AsBuyerAsync(s => s.GetRequiredService<RevokeGrantHandler>().HandleAsync(new RevokeGrantRequest(gerbers.Grant.Id, "again", Buyer), CancellationToken.None)))
            .Failure!.Message.ShouldContain("already revoked");

        (await demo.AsSecondAsync(GrantedAsync)).ShouldNotContain(g => g.Artifact.Kind == ArtifactKind.Gerbers);
        (await demo.AsSecondAsync(s => OpenAsync(s, gerbers.Revision.Id, Vistula))).Failure!.Kind.ShouldBe(FailureKind.NotFound);
        var log = await LogAsync(demo);
        log.ShouldContain(e => e.Action == AccessAction.Revoke && e.Detail!.Contains("wrong board revision sent") && e.ArtifactId == gerbers.Artifact.Id);
        log[^1].Action.ShouldBe(AccessAction.Refused);
    }

    [Theory, DatabaseProviders]
    public async Task A_download_link_is_single_use_bound_to_its_person_and_short_lived(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var bom = (await demo.AsSecondAsync(GrantedAsync)).First(g => g.Artifact.Kind == ArtifactKind.BomAndAvl).Revision;
        async Task<string> LinkAsync() => (await demo.AsSecondAsync(s => s.GetRequiredService<CreateDownloadLinkHandler>().HandleAsync(new CreateDownloadLinkRequest(bom.Id, Vistula), CancellationToken.None))).Value!.Token;
        Task<Result<OpenedRevision>> FetchAsync(string token, Actor actor) => demo.AsSecondAsync(async s =>
        {
            var result = await s.GetRequiredService<FetchDownloadHandler>().HandleAsync(new FetchDownloadRequest(token, actor), CancellationToken.None);
            if (result.Value is { } opened)
            {
                await opened.Content.DisposeAsync();
            }

            return result;
        });

        var token = await LinkAsync();
        (await FetchAsync(token, Vistula with { Name = "someone.else@vistula-ems.example" })).Failure!.Message.ShouldContain("made for someone else");
        (await FetchAsync(token, Vistula)).Value!.Sha256.ShouldBe(bom.Sha256);
        (await FetchAsync(token, Vistula)).Failure!.Message.ShouldContain("already used");

        var late = await LinkAsync();
        demo.Clock.Advance(DownloadLink.Lifetime);
        (await FetchAsync(late, Vistula)).Failure!.Message.ShouldContain("expired");

        var ungranted = await demo.AsBuyerAsync(s => s.GetRequiredService<SecondSourceDbContext>().ArtifactRevisions.Where(r => r.Number == 1).Select(r => r.Id).FirstAsync(r => r != bom.Id));
        (await demo.AsSecondAsync(s => s.GetRequiredService<CreateDownloadLinkHandler>().HandleAsync(new CreateDownloadLinkRequest(ungranted, Vistula), CancellationToken.None)))
            .Failure!.Kind.ShouldBe(FailureKind.NotFound);

        var log = await LogAsync(demo);
        log.Count(e => e.Action == AccessAction.Download && e.Party == VistulaName).ShouldBe(1);
        log.TakeLast(4).Select(e => e.Action).ShouldBe([AccessAction.Download, AccessAction.Refused, AccessAction.Refused, AccessAction.Refused]);
        AccessLogChain.Verify(log).Intact.ShouldBeTrue();
    }

    [Theory, DatabaseProviders]
    public async Task Fifty_concurrent_redemptions_of_one_link_give_one_download_one_log_entry_and_49_refusals(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var bom = (await demo.AsSecondAsync(GrantedAsync)).First(g => g.Artifact.Kind == ArtifactKind.BomAndAvl).Revision;
        var token = (await demo.AsSecondAsync(s => s.GetRequiredService<CreateDownloadLinkHandler>().HandleAsync(new CreateDownloadLinkRequest(bom.Id, Vistula), CancellationToken.None))).Value!.Token;
        var before = (await LogAsync(demo)).Count;

        // Fifty requests, each with its own scope and connection, released together.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return await demo.AsSecondAsync(async s =>
            {
                var result = await s.GetRequiredService<FetchDownloadHandler>().HandleAsync(new FetchDownloadRequest(token, Vistula), CancellationToken.None);
                if (result.Value is { } opened)
                {
                    await opened.Content.DisposeAsync();
                }

                return result;
            });
        })).ToList();
        go.SetResult();
        var results = await Task.WhenAll(attempts);

        results.Count(r => r.Value is not null).ShouldBe(1);
        results.Count(r => r.Failure?.Message.Contains("already used", StringComparison.Ordinal) == true).ShouldBe(49);
        var log = await LogAsync(demo);
        var added = log.Skip(before).ToList();
        added.Count(e => e.Action == AccessAction.Download).ShouldBe(1);
        added.Count(e => e.Action == AccessAction.Refused && e.Detail!.Contains("already used", StringComparison.Ordinal)).ShouldBe(49);
        added.Count.ShouldBe(50);
        AccessLogChain.Verify(log).Intact.ShouldBeTrue();
    }

    [Theory, DatabaseProviders]
    public async Task Drift_shows_until_the_line_acknowledges_the_latest_revision_and_new_revisions_notify_the_lines(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        Task<IReadOnlyList<LineSyncView>> SyncAsync() => demo.AsBuyerAsync(s => s.GetRequiredService<VaultAccessQueries>().SyncAsync(demo.Product, CancellationToken.None));
        demo.Clock.Advance(TimeSpan.FromDays(3));

        var sync = await SyncAsync();
        var second = sync.Single(l => l.Line.PartyId == demo.Second);
        // The demo's story dates BOM and AVL revision 2 at Rev B's release, 94 days before the seed (DemoTimeline).
        second.Items[ArtifactKind.BomAndAvl].ShouldBe(new SyncStatus(SyncState.Behind, 2, 1, TimeSpan.FromDays(94 + 3)));
        second.Items[ArtifactKind.OdbPlusPlus].State.ShouldBe(SyncState.Missing);
        var primary = sync.Single(l => l.Line.PartyId == demo.Primary);
        primary.Drifting.ShouldBe(0, string.Join("; ", primary.Items.Where(i => i.Value.State != SyncState.Current).Select(i => $"{i.Key}: {i.Value}")));
        sync.Where(l => l.Line.Role == Domain.Programs.LineRole.Primary || l.Line.PartyId == demo.Second).ShouldAllBe(l => l.Items[ArtifactKind.Gerbers].State == SyncState.Current);

        var notices = await demo.AsSecondAsync(s => s.GetRequiredService<VaultAccessQueries>().NotificationsAsync(50, CancellationToken.None));
        // The demo released BOM and AVL revision 2 and firmware 2.5.0 (revision 2) after the grants.
        notices.Select(n => n.Message).ShouldSatisfyAllConditions(
            m => m.Count().ShouldBe(2), m => m.ShouldContain(t => t.Contains("BOM and AVL revision 2")), m => m.ShouldContain(t => t.Contains("Firmware binary revision 2")));
        (await demo.AsSecondAsync(s => s.GetRequiredService<MarkNotificationsReadHandler>().HandleAsync(CancellationToken.None))).ShouldBe(2);
        (await demo.AsAsync(PartyScope.For(demo.Primary), s => s.GetRequiredService<VaultAccessQueries>().NotificationsAsync(50, CancellationToken.None)))
            .ShouldAllBe(n => !n.Read, "each manufacturer reads and marks its own");

        var line = second.Line.Id;
        var latest = (await demo.AsSecondAsync(GrantedAsync)).Single(g => g.Artifact.Kind == ArtifactKind.BomAndAvl).Revision.Id;
        (await demo.AsSecondAsync(s => s.GetRequiredService<AcknowledgeRevisionHandler>().HandleAsync(new AcknowledgeRevisionRequest(line, latest, Vistula), CancellationToken.None))).Value.ShouldBe(2);
        var primaryLine = sync.Single(l => l.Line.PartyId == demo.Primary).Line.Id;
        (await demo.AsSecondAsync(s => s.GetRequiredService<AcknowledgeRevisionHandler>().HandleAsync(new AcknowledgeRevisionRequest(primaryLine, latest, Vistula), CancellationToken.None)))
            .Failure!.Kind.ShouldBe(FailureKind.NotFound, "a manufacturer acknowledges for its own lines only");

        (await SyncAsync()).Single(l => l.Line.PartyId == demo.Second).Drifting.ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task Fixtures_documented_only_are_flagged_and_a_manufacturer_keeps_only_its_own(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var fixtures = await demo.AsBuyerAsync(s => s.GetRequiredService<VaultAccessQueries>().FixturesAsync(demo.Product, CancellationToken.None));
        fixtures.Count.ShouldBe(4);
        fixtures.Where(f => f.Warning is not null).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.State.ShouldBe(FixtureState.DocumentedOnly), f => f.Line.ShouldBe(VistulaLine), f => f.Warning!.ShouldContain("pitfall"));

        var own = await demo.AsSecondAsync(s => s.GetRequiredService<VaultAccessQueries>().FixturesAsync(demo.Product, CancellationToken.None));
        own.ShouldAllBe(f => f.Line == VistulaLine);
        var primaryLine = fixtures.First(f => f.Line.StartsWith("Pearl River", StringComparison.Ordinal)).LineId;
        var secondLine = own[0].LineId;
        var today = DateOnly.FromDateTime(demo.Clock.GetUtcNow().UtcDateTime);

        (await demo.AsSecondAsync(s => s.GetRequiredService<SetFixtureHandler>().HandleAsync(new SetFixtureRequest(demo.Product, primaryLine, "FCT rig VSM200-FCT", FixtureState.Pulled, null, null, null, Vistula.Name), CancellationToken.None)))
            .Failure!.Kind.ShouldBe(FailureKind.NotFound);
        (await demo.AsSecondAsync(s => s.GetRequiredService<SetFixtureHandler>().HandleAsync(new SetFixtureRequest(demo.Product, secondLine, "FCT rig VSM200-FCT", FixtureState.Replicated, null, today, null, Vistula.Name), CancellationToken.None)))
            .Failure!.Message.ShouldContain("needs its physical id");
        (await demo.AsSecondAsync(s => s.GetRequiredService<SetFixtureHandler>().HandleAsync(new SetFixtureRequest(demo.Product, secondLine, "FCT rig VSM200-FCT", FixtureState.Replicated, "VE-FCT-0007", today, "built and verified against GU-0003", Vistula.Name), CancellationToken.None)))
            .Failure.ShouldBeNull();

        (await demo.AsBuyerAsync(s => s.GetRequiredService<VaultAccessQueries>().FixturesAsync(demo.Product, CancellationToken.None))).ShouldAllBe(f => f.Warning == null);
    }

    [Theory, DatabaseProviders]
    public async Task Concurrent_downloads_all_succeed_and_the_chain_stays_whole(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var granted = await demo.AsSecondAsync(GrantedAsync);
        var before = (await LogAsync(demo)).Count;

        // Eight downloads at once, each in its own scope: they race for the same next sequence number.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            demo.AsSecondAsync(s => OpenAsync(s, granted[i % granted.Count].Revision.Id, Vistula with { Name = $"station-{i}@vistula-ems.example" })))));

        results.ShouldAllBe(r => r.Failure == null);
        var log = await LogAsync(demo);
        log.Count.ShouldBe(before + 8);
        log.Skip(before).Select(e => e.Actor).Order().ShouldBe(Enumerable.Range(0, 8).Select(i => $"station-{i}@vistula-ems.example").Order());
        AccessLogChain.Verify(log).Intact.ShouldBeTrue();
    }

    [Theory, DatabaseProviders]
    public async Task Concurrent_package_views_are_each_logged_once_and_the_chain_stays_whole(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var before = (await LogAsync(demo)).Count;

        // Twenty-four listings at once, each in its own scope (on SQLite they are committed together, one disk wait for
        // many): every one is logged exactly once, in a chain that verifies, and none is written twice.
        var views = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            demo.AsSecondAsync(s => s.GetRequiredService<ViewGrantedPackageHandler>().HandleAsync(demo.Product, Vistula with { Name = $"viewer-{i}@vistula-ems.example" }, CancellationToken.None)))));

        views.ShouldAllBe(v => v.Count > 0);
        var log = await LogAsync(demo);
        log.Count.ShouldBe(before + 24);
        log.Skip(before).Select(e => e.Actor).Order().ShouldBe(Enumerable.Range(0, 24).Select(i => $"viewer-{i}@vistula-ems.example").Order());
        log.Skip(before).ShouldAllBe(e => e.Action == AccessAction.View);
        AccessLogChain.Verify(log).Intact.ShouldBeTrue();

        // A unit that logs and changes something else is not grouped: its entry and its change commit together.
        var revision = (await demo.AsSecondAsync(GrantedAsync))[0].Revision.Id;
        var download = await demo.AsSecondAsync(s => OpenAsync(s, revision, Vistula));
        download.Failure.ShouldBeNull();
        var after = await LogAsync(demo);
        after.Count.ShouldBe(before + 25);
        AccessLogChain.Verify(after).Intact.ShouldBeTrue();
    }
}
