using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Scheduling;

public enum ScheduledRunState
{
    /// <summary>This instance claimed the period and ran the job.</summary>
    Ran,

    /// <summary>This instance claimed the period; the job threw (the outcome holds the error).</summary>
    Failed,

    /// <summary>Another instance had already claimed the period.</summary>
    ClaimedElsewhere,
}

public sealed record ScheduledRunResult(string Job, DateTimeOffset PeriodStart, ScheduledRunState State, string Outcome);

/// <summary>
/// Runs a scheduled job for the current period if no instance has yet: the claim is the insert of the period's
/// <see cref="ScheduledRun"/>, whose (job, period) key is unique, so two instances racing for a period cannot both win.
/// The outcome is recorded on the same row.
/// </summary>
public sealed class RunScheduledJobHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<ScheduledRunResult> HandleAsync(IScheduledJob job, string instance, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = clock.GetUtcNow();
        var period = ScheduledRun.PeriodOf(now, job.Every);
        if (await db.ScheduledRuns.AnyAsync(r => r.Job == job.Name && r.PeriodStart == period, ct))
        {
            return new ScheduledRunResult(job.Name, period, ScheduledRunState.ClaimedElsewhere, "");
        }

        var run = new ScheduledRun(job.Name, period, instance, now);
        db.ScheduledRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            db.Entry(run).State = EntityState.Detached;
            return new ScheduledRunResult(job.Name, period, ScheduledRunState.ClaimedElsewhere, "");
        }

        bool succeeded;
        string outcome;
        try
        {
            outcome = await job.RunAsync(ct);
            succeeded = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = $"{ex.GetType().Name}: {ex.Message}";
            succeeded = false;
        }

        // The job's own unit of work is saved or abandoned by the job; only the run's outcome is saved here.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != run && e.State != EntityState.Unchanged).ToList())
        {
            entry.State = EntityState.Detached;
        }

        run.Finish(succeeded, outcome, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return new ScheduledRunResult(job.Name, period, succeeded ? ScheduledRunState.Ran : ScheduledRunState.Failed, outcome);
    }
}
