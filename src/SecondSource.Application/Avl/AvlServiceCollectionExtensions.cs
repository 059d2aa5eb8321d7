using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;

namespace SecondSource.Application.Avl;

/// <summary>Registers the dual-AVL library: parts, sources, qualification, line acceptance, and the demo's AVL.</summary>
public static class AvlServiceCollectionExtensions
{
    public static IServiceCollection AddAvl(this IServiceCollection services)
    {
        services.AddScoped<LibraryMakers>();
        services.AddScoped<ManufacturerDirectory>();
        services.AddScoped<ConfirmManufacturerHandler>();
        services.AddScoped<PartLibrary>();
        services.AddScoped<EvidenceStore>();
        services.AddScoped<AvlQueries>();
        services.AddScoped<CoverageRecorder>();
        services.AddScoped<ProposeAlternateHandler>();
        services.AddScoped<RecordQualificationHandler>();
        services.AddScoped<ChangeAvlStatusHandler>();
        services.AddScoped<AddManufacturerAliasHandler>();
        services.AddScoped<UpdateAvlEntryHandler>();
        services.AddScoped<SetPartCriticalityHandler>();
        services.AddScoped<RecordAcceptanceHandler>();
        services.AddScoped<AdoptBomSourcesHandler>();
        services.AddScoped<ExportFlaggedBomHandler>();
        services.AddScoped<ImportCrossReferenceHandler>();
        services.AddScoped<IDemoSeeder, AvlDemoSeeder>();
        return services;
    }
}
