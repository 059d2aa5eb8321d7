using Microsoft.Extensions.DependencyInjection;

namespace SecondSource.Application.Boms;

/// <summary>Registers BOM revisions: staging, preview, import, queries.</summary>
public static class BomsServiceCollectionExtensions
{
    public static IServiceCollection AddBoms(this IServiceCollection services)
    {
        services.AddScoped<ImportStaging>();
        services.AddScoped<PreviewBomFileHandler>();
        services.AddScoped<ImportBomRevisionHandler>();
        services.AddScoped<BomRevisionQueries>();
        services.AddScoped<AuditBomRevisionHandler>();
        return services;
    }
}
