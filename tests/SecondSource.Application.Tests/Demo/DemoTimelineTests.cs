using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Programs;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Demo;

/// <summary>The demo tells one story in date order (<see cref="DemoTimeline"/>): its invariants, on each database.</summary>
public sealed class DemoTimelineTests
{
    [Theory, DatabaseProviders]
    public async Task Stages_batches_and_releases_follow_one_timeline(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        await using var services = database.BuildServices(PartyScope.Unrestricted, new FakeTimeProvider(now));
        await using var scope = services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None)).Succeeded.ShouldBeTrue();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();

        var lines = await db.ProgramLines.AsNoTracking().Include(l => l.History).ToListAsync();
        var batches = await db.TestBatches.AsNoTracking().Select(b => new { b.LineId, b.Name, b.StartedAt }).ToListAsync();
        foreach (var line in lines)
        {
            var history = line.History.OrderBy(h => h.At).ToList();
            history.Count.ShouldBe(line.History.Count);
            for (var i = 0; i < history.Count; i++)
            {
                history[i].From.ShouldBe(i == 0 ? null : history[i - 1].To, $"the stage history of line {line.LineId} is one chain in date order");
                history[i].At.ShouldBeLessThanOrEqualTo(now);
            }

            history[^1].To.ShouldBe(line.Stage);
            // A line builds nothing before it is chosen (the primary from the program's start).
            var building = history.FirstOrDefault(h => h.To is LineStage.Transfer or LineStage.Production)?.At;
            foreach (var batch in batches.Where(b => b.LineId == line.LineId))
            {
                building.ShouldNotBeNull($"batch {batch.Name} on a line that was never chosen");
                batch.StartedAt.ShouldBeGreaterThanOrEqualTo(building.Value, $"batch {batch.Name} before its line was chosen");
            }
        }

        // The story itself: the second line piloted a year ago, produced, and is back in Pilot for Rev B.
        var second = lines.Single(l => l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate);
        second.History.OrderBy(h => h.At).Select(h => h.To).ShouldBe([LineStage.Candidate, LineStage.Transfer, LineStage.Pilot, LineStage.Ramp, LineStage.Production, LineStage.Pilot]);
        var pilot = batches.Single(b => b.Name == "VE-PILOT");
        var firstPilot = second.History.OrderBy(h => h.At).First(h => h.To == LineStage.Pilot).At;
        pilot.StartedAt.ShouldBeGreaterThanOrEqualTo(firstPilot);
        pilot.StartedAt.ShouldBeLessThan(second.History.Single(h => h.To == LineStage.Ramp).At);

        // Seeded events are in the past, none "0 h ago": the BOM's import and release included.
        var revision = await db.BomRevisions.AsNoTracking().SingleAsync();
        revision.State.ShouldBe(BomRevisionState.Released);
        revision.ReleasedAt!.Value.ShouldBeGreaterThan(revision.ImportedAt);
        (now - revision.ReleasedAt.Value).TotalDays.ShouldBeGreaterThan(1);
        lines.SelectMany(l => l.History).ShouldAllBe(h => now - h.At > TimeSpan.FromDays(1));
        (await db.ArtifactRevisions.AsNoTracking().Select(r => r.UploadedAt).ToListAsync()).ShouldAllBe(at => now - at > TimeSpan.FromDays(1), "package revisions are dated by the story");
        var product = await db.Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();
        var sync = await scope.ServiceProvider.GetRequiredService<Application.Programs.ProgramFacts>().SyncAsync(product, CancellationToken.None);
        var drift = sync.SelectMany(l => l.Items.Values).Select(i => i.Describe()).Where(d => d.Contains(" ago", StringComparison.Ordinal)).ToList();
        drift.ShouldNotBeEmpty("the second line builds from an older BOM and AVL issue");
        drift.ShouldAllBe(d => d.EndsWith(" d ago", StringComparison.Ordinal), "no seeded revision reads hours old");
        drift.ShouldContain("on rev 1, rev 2 released 94 d ago");
    }
}
