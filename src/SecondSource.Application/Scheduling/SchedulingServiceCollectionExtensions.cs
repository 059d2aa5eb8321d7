using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SecondSource.Application.Scheduling;

/// <summary>Registers the scheduling settings and the handler that claims and runs each period once; each feature registers its own jobs.</summary>
public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSingleton(sp => SchedulingOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<RunScheduledJobHandler>();
        return services;
    }
}
