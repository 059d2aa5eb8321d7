using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;

namespace SecondSource.Application.Boms;

/// <summary>Registers BOM revisions: staging, preview, import, queries, audit, and the demo's BOM.</summary>
public static class BomsServiceCollectionExtensions
{
    public static IServiceCollection AddBoms(this IServiceCollection services)
    {
        services.AddScoped<ImportStaging>();
        services.AddScoped<StagedBomReader>();
        services.AddScoped<PreviewBomFileHandler>();
        services.AddScoped<ImportBomRevisionHandler>();
        services.AddScoped<BomRevisionQueries>();
        services.AddScoped<AuditBomRevisionHandler>();
        services.AddScoped<ReleaseBomRevisionHandler>();
        services.AddScoped<DeleteBomRevisionHandler>();
        services.AddScoped<CompareBomRevisionsHandler>();
        services.AddScoped<IDemoSeeder, BomsDemoSeeder>();
        return services;
    }
}
