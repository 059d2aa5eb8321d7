using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SecondSource.Application.Scheduling;

/// <summary>Registers the scheduled jobs and the handler that claims and runs each period once.</summary>
public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSingleton(sp => SchedulingOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<RunScheduledJobHandler>();
        services.AddScoped<IScheduledJob, RefreshCrlsJob>();
        return services;
    }
}
