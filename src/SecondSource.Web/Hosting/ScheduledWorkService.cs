using SecondSource.Application.Persistence;
using SecondSource.Application.Scheduling;

namespace SecondSource.Web.Hosting;

/// <summary>
/// Looks for due scheduled work every tick (<see cref="SchedulingOptions"/>) and runs each job's period if no other
/// instance has (<see cref="RunScheduledJobHandler"/>). Each job runs in a scope of its own, unrestricted. A failure
/// is logged and the next tick tries again; it never stops the web app.
/// </summary>
public sealed class ScheduledWorkService(IServiceScopeFactory scopes, SchedulingOptions options, IConfiguration configuration, TimeProvider clock, ILogger<ScheduledWorkService> logger) : BackgroundService
{
    /// <summary>The name this instance records on the runs it claims: <c>Scheduling:Instance</c>, else host and process.</summary>
    public string Instance { get; } = configuration["Scheduling:Instance"] is { Length: > 0 } configured ? configured : $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Scheduled work is off on this instance (Scheduling:Enabled is false).");
            return;
        }

        using var timer = new PeriodicTimer(options.Tick, clock);
        do
        {
            await RunDueAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunDueAsync(CancellationToken ct)
    {
        int jobs;
        using (var scope = scopes.CreateScope())
        {
            jobs = scope.ServiceProvider.GetServices<IScheduledJob>().Count();
        }

        for (var i = 0; i < jobs; i++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
                var job = scope.ServiceProvider.GetServices<IScheduledJob>().ElementAt(i);
                var result = await scope.ServiceProvider.GetRequiredService<RunScheduledJobHandler>().HandleAsync(job, Instance, ct);
                if (result.State != ScheduledRunState.ClaimedElsewhere)
                {
                    logger.LogInformation("Scheduled job {Job} for {Period:u} on {Instance}: {State}, {Outcome}", result.Job, result.PeriodStart, Instance, result.State, result.Outcome);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Scheduled job {Index} could not run on {Instance}; the next tick tries again.", i, Instance);
            }
        }
    }
}
