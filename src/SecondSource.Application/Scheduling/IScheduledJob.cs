namespace SecondSource.Application.Scheduling;

/// <summary>
/// Work the web app does on its own, once a period, whichever instance gets there first
/// (<see cref="RunScheduledJobHandler"/>). Resolved in a scope of its own, unrestricted (system scope).
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable name, stored with each run.</summary>
    string Name { get; }

    TimeSpan Every { get; }

    /// <summary>Does the work and says what it did, in one line.</summary>
    Task<string> RunAsync(CancellationToken ct);
}
