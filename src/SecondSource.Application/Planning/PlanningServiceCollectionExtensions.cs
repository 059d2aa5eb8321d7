using Microsoft.Extensions.DependencyInjection;

namespace SecondSource.Application.Planning;

/// <summary>Registers planning: the second lines' warmth and emergency-shift readiness.</summary>
public static class PlanningServiceCollectionExtensions
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddScoped<WarmthQueries>();
        services.AddScoped<ShiftQueries>();
        services.AddScoped<SetShiftPlanHandler>();
        services.AddScoped<RecordSurgeRunHandler>();
        services.AddScoped<RecordShiftDrillHandler>();
        services.AddScoped<Demo.IDemoSeeder, PlanningDemoSeeder>();
        return services;
    }
}
