using Microsoft.Extensions.DependencyInjection;

namespace SecondSource.Application.TestData;

/// <summary>Registers test data: batches, the bulk import of test logs, batch statistics.</summary>
public static class TestDataServiceCollectionExtensions
{
    public static IServiceCollection AddTestData(this IServiceCollection services)
    {
        services.AddScoped<CreateTestBatchHandler>();
        services.AddScoped<ImportTestDataHandler>();
        services.AddScoped<TestDataQueries>();
        return services;
    }
}
