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
        services.AddScoped<IDemoSeeder, TestDataDemoSeeder>();
        return services;
    }
}
