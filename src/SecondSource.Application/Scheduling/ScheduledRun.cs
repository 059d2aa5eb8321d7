namespace SecondSource.Application.Scheduling;

/// <summary>
/// One run of a scheduled job for one period. The row is the claim: (job, period) is unique, so when several web
/// instances reach the same period only the first insert wins and the job runs once, whichever instance that is.
/// The outcome is written when the run ends; a run that never ends (its instance died) keeps "running" as evidence.
/// </summary>
public sealed class ScheduledRun
{
    public const int MaxJobLength = 60;
    public const int MaxInstanceLength = 120;
    public const int MaxOutcomeLength = 1000;

    private ScheduledRun()
    {
        Job = "";
        Instance = "";
        Outcome = "";
    }

    public ScheduledRun(string job, DateTimeOffset periodStart, string instance, DateTimeOffset startedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        Id = Guid.NewGuid();
        Job = job;
        PeriodStart = periodStart.ToUniversalTime();
        Instance = instance.Length > MaxInstanceLength ? instance[..MaxInstanceLength] : instance;
        StartedAt = startedAt.ToUniversalTime();
        Outcome = "running";
    }

    public Guid Id { get; private set; }

    public string Job { get; private set; }

    public DateTimeOffset PeriodStart { get; private set; }

    public string Instance { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public bool Succeeded { get; private set; }

    public string Outcome { get; private set; }

    public void Finish(bool succeeded, string outcome, DateTimeOffset at)
    {
        Succeeded = succeeded;
        Outcome = outcome.Length > MaxOutcomeLength ? outcome[..MaxOutcomeLength] : outcome;
        FinishedAt = at.ToUniversalTime();
    }

    /// <summary>The start of the period <paramref name="at"/> falls in, periods counted from the Unix epoch.</summary>
    public static DateTimeOffset PeriodOf(DateTimeOffset at, TimeSpan every)
    {
        if (every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(every), "A schedule's period must be positive.");
        }

        var sinceEpoch = at.ToUniversalTime() - DateTimeOffset.UnixEpoch;
        return DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(sinceEpoch.Ticks / every.Ticks * every.Ticks);
    }
}
