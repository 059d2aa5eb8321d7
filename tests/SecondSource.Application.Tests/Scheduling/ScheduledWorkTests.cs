using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Persistence;
using SecondSource.Application.Provisioning;
using SecondSource.Application.Scheduling;
using SecondSource.Application.Vault;
using SecondSource.Domain.Provisioning;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Scheduling;

/// <summary>
/// Scheduled work runs once a period however many instances reach for it: the period's run row is the claim. A job
/// that throws is recorded with its error and none of its half-done work; the CRL refresh publishes only due lists.
/// </summary>
public sealed class ScheduledWorkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 30, TimeSpan.Zero);

    [Theory, DatabaseProviders]
    public async Task Instances_racing_for_a_period_run_the_job_once_and_the_next_period_runs_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        await using var services = database.BuildServices(PartyScope.Unrestricted, clock);
        var job = new CountingJob();

        async Task<ScheduledRunResult> Instance(int i)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RunScheduledJobHandler>().HandleAsync(job, $"instance-{i}", CancellationToken.None);
        }

        var first = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Instance(i))));
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Instance(i))));

        first.Count(r => r.State == ScheduledRunState.Ran).ShouldBe(1);
        first.Count(r => r.State == ScheduledRunState.ClaimedElsewhere).ShouldBe(5);
        first.ShouldAllBe(r => r.PeriodStart == new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        second.Count(r => r.State == ScheduledRunState.Ran).ShouldBe(1);
        job.Runs.ShouldBe(2);
        await using var db = database.CreateContext(PartyScope.Unrestricted);
        var runs = await db.ScheduledRuns.OrderBy(r => r.StartedAt).ToListAsync();
        runs.Select(r => r.Outcome).ShouldBe(["run 1", "run 2"]);
        runs.ShouldAllBe(r => r.Succeeded && r.FinishedAt != null);
    }

    [Fact]
    public async Task A_job_that_throws_is_recorded_with_its_error_and_its_unsaved_work_is_dropped()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.BuildServices(PartyScope.Unrestricted, new FakeTimeProvider(Now));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();

        var result = await scope.ServiceProvider.GetRequiredService<RunScheduledJobHandler>().HandleAsync(new FailingJob(db), "a", CancellationToken.None);

        result.State.ShouldBe(ScheduledRunState.Failed);
        result.Outcome.ShouldBe("InvalidOperationException: the CA's backend is offline");
        await using var check = database.CreateContext(PartyScope.Unrestricted);
        (await check.ScheduledRuns.SingleAsync()).Succeeded.ShouldBeFalse();
        (await check.DataProtectionKeys.CountAsync()).ShouldBe(0, "the job's half-done work is not saved with the run's outcome");
    }

    [Theory, DatabaseProviders]
    public async Task The_crl_refresh_publishes_a_list_when_it_is_due_and_not_before(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        await using var services = database.BuildServices(PartyScope.Unrestricted, clock);
        Guid caId;
        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateCustodyKeyHandler>()
                .HandleAsync(new CreateCustodyKeyRequest("Test Device CA", KeyPurpose.DeviceCa, KeyAlgorithm.EcdsaP256, null, new Actor("test", "Buyer", null)), CancellationToken.None);
            caId = created.Value;
        }

        async Task<string> RefreshAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetServices<IScheduledJob>().OfType<RefreshCrlsJob>().Single();
            var run = await scope.ServiceProvider.GetRequiredService<RunScheduledJobHandler>().HandleAsync(job, "a", CancellationToken.None);
            run.State.ShouldBe(ScheduledRunState.Ran, run.Outcome);
            return run.Outcome;
        }

        // Never published: due at once. An hour later (the next period) the list is a day from due: nothing.
        (await RefreshAsync()).ShouldBe("CRL 1 of 'Test Device CA'");
        clock.Advance(TimeSpan.FromHours(1));
        (await RefreshAsync()).ShouldBe("1 device CA(s), every list current");
        clock.Advance(TimeSpan.FromDays(1));
        (await RefreshAsync()).ShouldBe("CRL 2 of 'Test Device CA'");

        await using var db = database.CreateContext(PartyScope.Unrestricted);
        var ca = await db.CustodyKeys.SingleAsync(k => k.Id == caId);
        ca.CrlNumber.ShouldBe(2);
        (await db.AccessLog.CountAsync(e => e.Action == Domain.Vault.AccessAction.PublishCrl && e.Actor == "scheduler")).ShouldBe(2);
    }

    [Fact]
    public void Periods_are_counted_from_the_epoch_so_every_instance_names_the_same_one()
    {
        ScheduledRun.PeriodOf(Now, TimeSpan.FromHours(1)).ShouldBe(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        ScheduledRun.PeriodOf(Now.ToOffset(TimeSpan.FromHours(2)), TimeSpan.FromHours(1)).ShouldBe(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        ScheduledRun.PeriodOf(Now, TimeSpan.FromSeconds(7)).ShouldBe(new DateTimeOffset(2026, 12, 5, 9, 0, 26, TimeSpan.Zero)); // 1 796 461 230 s = 256 637 318 × 7 + 4
        Should.Throw<ArgumentOutOfRangeException>(() => ScheduledRun.PeriodOf(Now, TimeSpan.Zero));
    }

    [Fact]
    public void Scheduling_settings_are_read_with_defaults_and_bad_values_are_named()
    {
        var defaults = SchedulingOptions.FromConfiguration(new ConfigurationBuilder().Build());
        defaults.ShouldBe(new SchedulingOptions(true, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1)));

        static SchedulingOptions Read(string key, string value) =>
            SchedulingOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build());

        Read("Scheduling:CrlRefreshEvery", "00:00:02").CrlRefreshEvery.ShouldBe(TimeSpan.FromSeconds(2));
        Should.Throw<DatabaseConfigurationException>(() => Read("Scheduling:CrlRefreshEvery", "00:00:00")).Message.ShouldStartWith("Scheduling:CrlRefreshEvery is '00:00:00'; use a positive time span");
        Should.Throw<DatabaseConfigurationException>(() => Read("Scheduling:CrlRepublishAfter", "weekly")).Message.ShouldStartWith("Scheduling:CrlRepublishAfter is 'weekly'");
        Should.Throw<DatabaseConfigurationException>(() => Read("Scheduling:TickSeconds", "0")).Message.ShouldStartWith("Scheduling:TickSeconds is 0");
    }

    private sealed class CountingJob : IScheduledJob
    {
        private int _runs;

        public int Runs => _runs;

        public string Name => "counting";

        public TimeSpan Every => TimeSpan.FromMinutes(1);

        public async Task<string> RunAsync(CancellationToken ct)
        {
            var run = Interlocked.Increment(ref _runs);
            await Task.Delay(50, ct);
            return $"run {run}";
        }
    }

    private sealed class FailingJob(SecondSourceDbContext db) : IScheduledJob
    {
        public string Name => "failing";

        public TimeSpan Every => TimeSpan.FromHours(1);

        public Task<string> RunAsync(CancellationToken ct)
        {
            db.DataProtectionKeys.Add(new StoredXmlKey("half-done", "<key/>", Now));
            throw new InvalidOperationException("the CA's backend is offline");
        }
    }
}
