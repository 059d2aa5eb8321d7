using Microsoft.Extensions.DependencyInjection;

namespace SecondSource.Application.Planning;

/// <summary>Registers planning: the second lines' warmth.</summary>
public static class PlanningServiceCollectionExtensions
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddScoped<WarmthQueries>();
        return services;
    }
}
