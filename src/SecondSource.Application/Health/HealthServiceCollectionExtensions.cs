using Microsoft.Extensions.DependencyInjection;

namespace SecondSource.Application.Health;

/// <summary>Registers the program health scorecard.</summary>
public static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddScoped<HealthQueries>();
        services.AddScoped<ProgramTrendQueries>();
        return services;
    }
}
