using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Avl;
using SecondSource.Application.Boms;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Programs;
using SecondSource.Application.Vault;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Vault;
using SecondSource.Formats.Boms;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Boms;

/// <summary>
/// The revision lifecycle on each database: an import is a draft that changes nothing anyone else sees; releasing it
/// makes it current at once (coverage, the shift's BOM criterion, the lines' vault item); a draft can be deleted, a
/// released revision cannot.
/// </summary>
public sealed class BomLifecycleTests
{
    [Theory, DatabaseProviders]
    public async Task A_draft_changes_nothing_until_it_is_released_and_only_a_draft_can_be_deleted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        async Task<T> As<T>(PartyScope scope, Func<IServiceProvider, Task<T>> act)
        {
            await using var services = database.BuildServices(scope, clock);
            await using var serviceScope = services.CreateAsyncScope();
            return await act(serviceScope.ServiceProvider);
        }

        Task<T> Buyer<T>(Func<IServiceProvider, Task<T>> act) => As(PartyScope.Unrestricted, act);

        (await Buyer(s => s.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None))).Succeeded.ShouldBeTrue();
        var product = await Buyer(s => s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync());
        var second = (await Buyer(s => s.GetRequiredService<VaultLines>().OfProductAsync(product, CancellationToken.None)))
            .Single(l => l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate);
        var cm = PartyScope.For(second.PartyId);

        async Task<(string Revision, double Percent)> Coverage(PartyScope scope) => await As(scope, async s =>
        {
            var point = (await s.GetRequiredService<AvlQueries>().LatestCoverageAsync([product], CancellationToken.None))[product];
            return (point.Revision, point.Percent);
        });

        Task<int> Uncovered() => As(cm, async s => (await s.GetRequiredService<ProgramFacts>().ShiftAsync(product, CancellationToken.None)).Single().UncoveredBomLines);

        var buyerBefore = await Coverage(PartyScope.Unrestricted);
        var cmBefore = await Coverage(cm);
        var uncoveredBefore = await Uncovered();
        buyerBefore.Revision.ShouldBe("Rev B");
        var revB = (await Buyer(s => s.GetRequiredService<BomRevisionQueries>().ListAsync(product, CancellationToken.None))).ShouldHaveSingleItem();
        revB.Status.ShouldBe("current");
        revB.ReleasedBy.ShouldBe("engineer@aurora-medical.example");

        // Import: a draft. Nothing the manufacturer or the dashboard reads moves.
        clock.Advance(TimeSpan.FromHours(1));
        var draft = await Buyer(async s =>
        {
            await using var file = File.OpenRead(Samples.RealBom("glasgow_revC3_bom.csv"));
            var sha = await s.GetRequiredService<ImportStaging>().StageAsync(file, CancellationToken.None);
            return (await s.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
                new ImportBomRevisionRequest(product, sha, "glasgow_revC3_bom.csv", "Rev C", new BomReadOptions(), "engineer@example.com"), CancellationToken.None)).Value!.RevisionId;
        });
        (await Coverage(PartyScope.Unrestricted)).ShouldBe(buyerBefore);
        (await Coverage(cm)).ShouldBe(cmBefore);
        (await Uncovered()).ShouldBe(uncoveredBefore);
        (await Buyer(s => s.GetRequiredService<BomRevisionQueries>().CurrentIdAsync(product, CancellationToken.None))).ShouldBe(revB.Id);
        var buyerList = await Buyer(s => s.GetRequiredService<BomRevisionQueries>().ListAsync(product, CancellationToken.None));
        buyerList.Select(r => (r.Label, r.Status)).ShouldBe([("Rev C", "draft"), ("Rev B", "current")]);
        (await As(cm, s => s.GetRequiredService<BomRevisionQueries>().ListAsync(product, CancellationToken.None))).Select(r => r.Label).ShouldBe(["Rev B"]);
        (await As(cm, s => s.GetRequiredService<BomRevisionQueries>().AuditAsync(draft, CriticalityPolicy.Default, CancellationToken.None))).ShouldBeNull("a manufacturer does not see drafts");

        // A released revision is never deleted.
        var refused = await Buyer(s => s.GetRequiredService<DeleteBomRevisionHandler>().HandleAsync(new DeleteBomRevisionRequest(revB.Id), CancellationToken.None));
        refused.Failure!.Kind.ShouldBe(FailureKind.Conflict);
        refused.Failure.Message.ShouldContain("superseded by releasing a later one");

        // A release needs a note.
        var actor = new Actor("engineer@example.com", "Aurora Medical Instruments AB", "10.0.0.1");
        (await Buyer(s => s.GetRequiredService<ReleaseBomRevisionHandler>().HandleAsync(new ReleaseBomRevisionRequest(draft, "  ", actor), CancellationToken.None)))
            .Failure!.Kind.ShouldBe(FailureKind.Invalid);
        (await Buyer(s => s.GetRequiredService<BomRevisionQueries>().CurrentIdAsync(product, CancellationToken.None))).ShouldBe(revB.Id, "a refused release changes nothing");

        // Release: current at once, for everyone; the lines' BOM and AVL item gets the file as a new revision and a notice.
        clock.Advance(TimeSpan.FromHours(1));
        var released = await Buyer(s => s.GetRequiredService<ReleaseBomRevisionHandler>().HandleAsync(new ReleaseBomRevisionRequest(draft, "ECO-118: Rev C for the second line", actor), CancellationToken.None));
        released.Failure.ShouldBeNull();
        (await Coverage(PartyScope.Unrestricted)).Revision.ShouldBe("Rev C");
        (await Coverage(cm)).Revision.ShouldBe("Rev C");
        (await Uncovered()).ShouldNotBe(uncoveredBefore, "the shift's BOM criterion reads the released revision");
        buyerList = await Buyer(s => s.GetRequiredService<BomRevisionQueries>().ListAsync(product, CancellationToken.None));
        buyerList.Select(r => (r.Label, r.Status)).ShouldBe([("Rev C", "current"), ("Rev B", "superseded")]);
        buyerList[0].ReleaseNote.ShouldBe("ECO-118: Rev C for the second line");
        buyerList[0].ReleasedAt.ShouldBe(clock.GetUtcNow());
        (await As(cm, s => s.GetRequiredService<BomRevisionQueries>().ListAsync(product, CancellationToken.None))).Select(r => r.Label).ShouldBe(["Rev C", "Rev B"]);
        var vault = await Buyer(async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var artifact = await db.Artifacts.Include(a => a.Revisions).SingleAsync(a => a.ProductId == product && a.Kind == ArtifactKind.BomAndAvl);
            var latest = artifact.Revisions.OrderBy(r => r.Number).Last();
            return (latest.Number, latest.ChangeNote, latest.FileName, Notices: await db.VaultNotifications.CountAsync(n => n.RevisionId == latest.Id));
        });
        vault.Number.ShouldBe(released.Value!.VaultRevisionNumber);
        vault.FileName.ShouldBe("glasgow_revC3_bom.csv");
        vault.ChangeNote!.ShouldContain("ECO-118");
        vault.Notices.ShouldBeGreaterThan(0, "every line holding a grant on the item is notified");
        var sync = await As(cm, s => s.GetRequiredService<ProgramFacts>().SyncAsync(product, CancellationToken.None));
        sync.Single().Items[ArtifactKind.BomAndAvl].State.ShouldNotBe(SyncState.Current, "the line must acknowledge the released revision");

        (await Buyer(s => s.GetRequiredService<ReleaseBomRevisionHandler>().HandleAsync(new ReleaseBomRevisionRequest(draft, "again", actor), CancellationToken.None)))
            .Failure!.Kind.ShouldBe(FailureKind.Conflict);

        // A draft can be deleted, with its lines.
        var other = await Buyer(async s =>
        {
            await using var file = File.OpenRead(Samples.RealBom("glasgow_revC3_bom.csv"));
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            copy.WriteByte((byte)'\n');
            copy.Position = 0;
            var sha = await s.GetRequiredService<ImportStaging>().StageAsync(copy, CancellationToken.None);
            return (await s.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
                new ImportBomRevisionRequest(product, sha, "glasgow_revC3_bom.csv", "Rev D trial", new BomReadOptions(), "engineer@example.com"), CancellationToken.None)).Value!.RevisionId;
        });
        (await Buyer(s => s.GetRequiredService<DeleteBomRevisionHandler>().HandleAsync(new DeleteBomRevisionRequest(other), CancellationToken.None))).Value.ShouldBe("Rev D trial");
        (await Buyer(s => s.GetRequiredService<SecondSourceDbContext>().BomRevisionLines.CountAsync(l => l.RevisionId == other))).ShouldBe(0);
        (await Buyer(s => s.GetRequiredService<BomRevisionQueries>().ListAsync(product, CancellationToken.None))).Select(r => r.Label).ShouldBe(["Rev C", "Rev B"]);
    }
}
