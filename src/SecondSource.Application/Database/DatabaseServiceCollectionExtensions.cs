using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;

namespace SecondSource.Application.Database;

/// <summary>Registers the operator's use cases: migrate, describe, back up, restore, verify, load the demo, sweep interrupted writes.</summary>
public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddDatabaseAdministration(this IServiceCollection services)
    {
        services.AddScoped<MigrateDatabaseHandler>();
        services.AddScoped<DescribeDatabaseHandler>();
        services.AddScoped<BackupDatabaseHandler>();
        services.AddScoped<BackupDataFolderHandler>();
        services.AddScoped<RestoreDataFolderHandler>();
        services.AddScoped<VerifyDataFolderHandler>();
        services.AddScoped<SeedDemoHandler>();
        services.AddScoped<SweepPartialFilesHandler>();
        services.AddScoped<Scheduling.IScheduledJob, SweepPartialFilesJob>();
        return services;
    }
}
