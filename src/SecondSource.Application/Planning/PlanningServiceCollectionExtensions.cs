using Microsoft.Extensions.DependencyInjection;

namespace SecondSource.Application.Planning;

/// <summary>Registers planning: forecast and allocation plan, the optimiser, the second lines' warmth and emergency-shift readiness.</summary>
public static class PlanningServiceCollectionExtensions
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddScoped<WarmthQueries>();
        services.AddScoped<ShiftQueries>();
        services.AddScoped<SetShiftPlanHandler>();
        services.AddScoped<RecordSurgeRunHandler>();
        services.AddScoped<RecordShiftDrillHandler>();
        services.AddScoped<AllocationQueries>();
        services.AddScoped<ImportForecastHandler>();
        services.AddScoped<SetAllocationPolicyHandler>();
        services.AddScoped<OptimisePlanHandler>();
        services.AddScoped<RunStressTestHandler>();
        services.AddScoped<RecordOperatorTrainingHandler>();
        services.AddSingleton<AllocationOptimiser>();
        services.AddScoped<Demo.IDemoSeeder, PlanningDemoSeeder>();
        return services;
    }
}
