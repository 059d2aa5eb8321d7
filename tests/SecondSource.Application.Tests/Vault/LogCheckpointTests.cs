using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Persistence;
using SecondSource.Application.Scheduling;
using SecondSource.Application.Vault;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Vault;

/// <summary>
/// Issue 23, finding 3: deleting the newest access-log entries went unnoticed ("unchanged, in order, none missing").
/// A signed checkpoint of the log's size and head hash, kept in the database and in a folder outside it, now shows the
/// cut, a rollback and a rewritten history, each naming the checkpoint it contradicts; a checkpoint is never signed
/// over a log that does not verify since the last one.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LogCheckpointTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Admin = new("admin@buyer.example", "Buyer", "10.0.0.1");

    private static async Task AppendAsync(ServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<AccessLogWriter>();
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(AccessAction.View, Admin.Name, Admin.Party, null, null, null, Admin.ClientAddress, CancellationToken.None, $"view {i}");
        }

        await log.SaveAsync(CancellationToken.None);
    }

    private static async Task<Result<SignedLogCheckpoint>> SignAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignLogCheckpointHandler>().HandleAsync(new SignLogCheckpointRequest(Admin), CancellationToken.None);
    }

    private static async Task<LogVerdict> VerifyAsync(ServiceProvider services, params string[] files)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<VerifyAccessLogHandler>().HandleAsync(new VerifyAccessLogRequest(files), CancellationToken.None);
        result.Failure.ShouldBeNull();
        return result.Value!;
    }

    [Theory, DatabaseProviders]
    public async Task Cutting_the_newest_entries_contradicts_the_checkpoint_and_no_checkpoint_is_signed_over_the_cut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        await using var services = database.BuildServices(PartyScope.Unrestricted, clock);
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AddBuyerAsync("Aurora Medical Instruments AB");
        }

        (await VerifyAsync(services)).Checkpoints.ShouldBeEmpty("nothing signed yet");
        (await SignAsync(services)).Failure!.Message.ShouldBe("The access log is empty: there is nothing to sign yet.");
        await AppendAsync(services, 5);

        // The first checkpoint generates the checkpoint key in custody, which is logged too: 6 entries.
        var first = await SignAsync(services);
        first.Failure.ShouldBeNull();
        var size = first.Value!.Checkpoint.Size;
        size.ShouldBe(6);
        first.Value.IsNew.ShouldBeTrue();
        File.Exists(first.Value.File).ShouldBeTrue();
        File.GetUnixFileMode(first.Value.File).ShouldBe(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "a checkpoint file is written once, read-only");
        Path.GetDirectoryName(first.Value.File).ShouldBe(Path.Combine(database.Folder.Path, "checkpoints"));
        (await File.ReadAllTextAsync(first.Value.File)).ShouldBe(first.Value.Checkpoint.Text);

        clock.Advance(TimeSpan.FromHours(1));
        var unchanged = await SignAsync(services);
        unchanged.Value!.IsNew.ShouldBeFalse("the log has not grown");
        unchanged.Value.Checkpoint.Id.ShouldBe(first.Value.Checkpoint.Id);

        await AppendAsync(services, 3);
        clock.Advance(TimeSpan.FromHours(1));
        var second = (await SignAsync(services)).Value!;
        second.Checkpoint.Size.ShouldBe(size + 3);
        var intact = await VerifyAsync(services);
        intact.Intact.ShouldBeTrue();
        intact.Checkpoints.Single().Source.ShouldBe($"the database and {second.File}", "the same checkpoint in both places is checked once");

        // The attack of the finding: the newest entries deleted. The chain alone still verifies.
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            (await db.AccessLog.Where(e => e.Sequence > size + 1).ExecuteDeleteAsync()).ShouldBe(2);
        }

        var cut = await VerifyAsync(services);
        cut.Chain.Intact.ShouldBeTrue("what the hash chain alone cannot see");
        cut.Intact.ShouldBeFalse();
        var check = cut.Checkpoints.Single();
        check.Outcome.ShouldBe(CheckpointOutcome.Truncated);
        check.Problem.ShouldBe($"the log ends at entry {size + 1}, but the checkpoint signed 2026-12-07 11:00 UTC (the database and {second.File}) covers {size + 3}: entries {size + 2}–{size + 3} are gone — cut from the log, or a backup older than the checkpoint was restored.");

        var refused = await SignAsync(services);
        refused.Failure!.Kind.ShouldBe(FailureKind.Conflict);
        refused.Failure.Message.ShouldStartWith($"The access log ends at entry {size + 1}, before the last checkpoint ({size + 3} entries");
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            (await db.LogCheckpoints.CountAsync()).ShouldBe(2);
        }
    }

    [Theory, DatabaseProviders]
    public async Task A_history_rewritten_with_its_hashes_recomputed_contradicts_the_checkpoint_and_an_altered_file_is_named(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted, new FakeTimeProvider(Now));
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AddBuyerAsync("Aurora Medical Instruments AB");
        }

        await AppendAsync(services, 6);
        var signed = (await SignAsync(services)).Value!;

        // Entry 3 rewritten and every later hash recomputed: the chain verifies, the checkpoint does not agree.
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            var entries = await db.AccessLog.OrderBy(e => e.Sequence).AsNoTracking().ToListAsync();
            await db.AccessLog.ExecuteDeleteAsync();
            AccessLogEntry? previous = null;
            foreach (var e in entries)
            {
                previous = AccessLogEntry.Next(previous, e.At, e.Action, e.Actor, e.Party, e.ArtifactId, e.RevisionId, e.Sha256, e.Sequence == 3 ? "198.51.100.9" : e.ClientAddress, e.Detail);
                db.AccessLog.Add(previous);
            }

            await db.SaveChangesAsync();
        }

        var rewritten = await VerifyAsync(services);
        rewritten.Chain.Intact.ShouldBeTrue();
        var check = rewritten.Checkpoints.Single();
        check.Outcome.ShouldBe(CheckpointOutcome.Rewritten);
        check.Problem!.ShouldContain($"but the checkpoint signed 2026-12-07 09:00 UTC (the database and {signed.File}) says {signed.Checkpoint.Head[..12]}…: the history up to entry {signed.Checkpoint.Size} was rewritten.");
        (await SignAsync(services)).Failure!.Message.ShouldContain($"entry {signed.Checkpoint.Size} no longer has the last checkpoint's head hash");

        // A copy of the checkpoint with its size changed no longer verifies; a file that is not a checkpoint is an input error naming its line.
        var copy = Path.Combine(database.Folder.Path, "offsite.checkpoint");
        await File.WriteAllTextAsync(copy, signed.Checkpoint.Text.Replace($"size: {signed.Checkpoint.Size}\n", $"size: {signed.Checkpoint.Size - 1}\n", StringComparison.Ordinal));
        var altered = await VerifyAsync(services, copy);
        altered.Checkpoints.Single(c => c.Source == copy).Outcome.ShouldBe(CheckpointOutcome.Altered);
        var garbage = Path.Combine(database.Folder.Path, "garbage.checkpoint");
        await File.WriteAllTextAsync(garbage, signed.Checkpoint.Text.Replace("head: ", "hash: ", StringComparison.Ordinal));
        await using var scope = services.CreateAsyncScope();
        var unreadable = await scope.ServiceProvider.GetRequiredService<VerifyAccessLogHandler>().HandleAsync(new VerifyAccessLogRequest([garbage]), CancellationToken.None);
        unreadable.Failure!.Message.ShouldBe($"{garbage}, line 4: expected 'head:', found 'hash: {signed.Checkpoint.Head[..34]}…'.");
    }

    [Fact]
    public async Task The_scheduled_job_signs_when_the_log_grew_and_reports_when_it_did_not()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(Now);
        await using var services = database.BuildServices(PartyScope.Unrestricted, clock);
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AddBuyerAsync("Aurora Medical Instruments AB");
        }

        await AppendAsync(services, 2);
        async Task<ScheduledRunResult> RunAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == SignLogCheckpointJob.JobName);
            job.Every.ShouldBe(TimeSpan.FromHours(1));
            return await scope.ServiceProvider.GetRequiredService<RunScheduledJobHandler>().HandleAsync(job, "a", CancellationToken.None);
        }

        var first = await RunAsync();
        clock.Advance(TimeSpan.FromHours(1));
        var second = await RunAsync();

        first.State.ShouldBe(ScheduledRunState.Ran, first.Outcome);
        first.Outcome.ShouldStartWith("signed 3 entries, head ", customMessage: "two views and the generated key");
        second.Outcome.ShouldBe("unchanged since the checkpoint of 2026-12-07 09:00 UTC (3 entries)");
        await using var check = database.CreateContext(PartyScope.Unrestricted);
        var key = await check.CustodyKeys.SingleAsync();
        key.Purpose.ShouldBe(KeyPurpose.LogCheckpoint);
        key.Backend.ShouldBe(KeyBackend.Software);
        (await check.LogCheckpoints.SingleAsync()).KeyId.ShouldBe(key.Id);
    }

    [Theory, DatabaseProviders]
    public async Task A_check_resumed_after_a_verified_prefix_reads_the_newer_entries_and_reads_everything_when_the_prefix_changed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted, new FakeTimeProvider(Now));
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AddBuyerAsync("Aurora Medical Instruments AB");
        }

        await AppendAsync(services, 5);
        (await SignAsync(services)).Failure.ShouldBeNull();
        var full = await VerifyAsync(services);
        (full.Intact, full.Entries, full.ResumedAfter).ShouldBe((true, 6L, 0L));
        await AppendAsync(services, 4);

        async Task<LogVerdict> ResumeAsync((long, string) after)
        {
            await using var scope = services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<VerifyAccessLogHandler>()
                .HandleAsync(new VerifyAccessLogRequest([], After: after), CancellationToken.None)).Value!;
        }

        var resumed = await ResumeAsync((full.Entries, full.HeadHash!));
        (resumed.Intact, resumed.Entries, resumed.ResumedAfter, resumed.Chain.Checked).ShouldBe((true, 10L, 6L, 10L));
        resumed.Checkpoints.ShouldAllBe(c => c.Holds, "the checkpoint at entry 6 is checked against its stored hash");

        // An entry inside the prefix edited since the full check is not read by a resumed check (it says what it resumed
        // after); the next full check finds it.
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AccessLog.Where(e => e.Sequence == 3).ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, "edited"));
        }

        (await ResumeAsync((full.Entries, full.HeadHash!))).ResumedAfter.ShouldBe(6);
        (await VerifyAsync(services)).Chain.FirstBroken.ShouldBe(3);

        // The prefix's last entry gone (the log cut back): the resumed check does not trust the prefix and reads everything.
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AccessLog.Where(e => e.Sequence >= 6).ExecuteDeleteAsync();
        }

        var cut = await ResumeAsync((full.Entries, full.HeadHash!));
        (cut.ResumedAfter, cut.Entries, cut.Chain.FirstBroken).ShouldBe((0L, 5L, 3L));
        cut.Checkpoints.Single().Outcome.ShouldBe(CheckpointOutcome.Truncated);
    }
}
