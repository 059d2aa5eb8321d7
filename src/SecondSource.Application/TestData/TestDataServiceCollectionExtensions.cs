using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;

namespace SecondSource.Application.TestData;

/// <summary>Registers test data: batches, the bulk import of test logs, batch statistics.</summary>
public static class TestDataServiceCollectionExtensions
{
    public static IServiceCollection AddTestData(this IServiceCollection services)
    {
        services.AddScoped<CreateTestBatchHandler>();
        services.AddScoped<ImportTestDataHandler>();
        services.AddScoped<TestDataQueries>();
        services.AddScoped<UnitListQueries>();
        services.AddScoped<CompareBatchesHandler>();
        services.AddScoped<PilotQueries>();
        services.AddScoped<RaiseDfmItemHandler>();
        services.AddScoped<SetDfmItemStatusHandler>();
        services.AddScoped<DecidePilotGateHandler>();
        services.AddScoped<SetMeasurementMarginHandler>();
        services.AddScoped<IDemoSeeder, TestDataDemoSeeder>();
        services.AddScoped<IDemoSeeder, PilotDemoSeeder>();
        return services;
    }
}
