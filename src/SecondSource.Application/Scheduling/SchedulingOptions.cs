using Microsoft.Extensions.Configuration;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Scheduling;

/// <summary>
/// When the web app's scheduled work runs, read once from configuration (<c>Scheduling:*</c>).
/// </summary>
/// <param name="Enabled"><c>Scheduling:Enabled</c>: whether this instance takes part (default true). Any number of
/// instances may: each period's run is claimed in the database, so it runs once.</param>
/// <param name="Tick"><c>Scheduling:TickSeconds</c>: how often an instance looks for due work (default 60 s).</param>
/// <param name="CrlRefreshEvery"><c>Scheduling:CrlRefreshEvery</c>: the CRL refresh job's period (default 1 hour).</param>
/// <param name="CrlRepublishAfter"><c>Scheduling:CrlRepublishAfter</c>: a device CA's list older than this is
/// published again (default 1 day, well inside the week a list is valid for).</param>
public sealed record SchedulingOptions(bool Enabled, TimeSpan Tick, TimeSpan CrlRefreshEvery, TimeSpan CrlRepublishAfter)
{
    /// <summary><c>Scheduling:CheckpointEvery</c>: how often the access log's checkpoint is signed (default 1 hour).</summary>
    public TimeSpan CheckpointEvery { get; init; } = TimeSpan.FromHours(1);

    public static SchedulingOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var tick = configuration.GetValue<double?>("Scheduling:TickSeconds") ?? 60;
        if (tick is <= 0 or > 86_400)
        {
            throw new DatabaseConfigurationException($"Scheduling:TickSeconds is {tick}; use a number of seconds above 0 and at most 86400.");
        }

        return new SchedulingOptions(
            configuration.GetValue<bool?>("Scheduling:Enabled") ?? true,
            TimeSpan.FromSeconds(tick),
            Span(configuration, "Scheduling:CrlRefreshEvery", TimeSpan.FromHours(1), allowZero: false),
            Span(configuration, "Scheduling:CrlRepublishAfter", TimeSpan.FromDays(1), allowZero: true))
        {
            CheckpointEvery = Span(configuration, "Scheduling:CheckpointEvery", TimeSpan.FromHours(1), allowZero: false),
        };
    }

    private static TimeSpan Span(IConfiguration configuration, string key, TimeSpan fallback, bool allowZero)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            throw new DatabaseConfigurationException($"{key} is '{text}'; use a {(allowZero ? "non-negative" : "positive")} time span such as 01:00:00 (hours:minutes:seconds) or 1.00:00:00 (one day).");
        }

        return value;
    }
}
