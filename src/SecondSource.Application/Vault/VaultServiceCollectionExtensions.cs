using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;

namespace SecondSource.Application.Vault;

/// <summary>Registers the vault: content store, transfer packages, NDAs and grants, download links, line sync, fixtures and the hash-chained access log.</summary>
public static class VaultServiceCollectionExtensions
{
    public static IServiceCollection AddVault(this IServiceCollection services)
    {
        services.AddScoped<VaultStore>();
        services.AddScoped<AccessLogWriter>();
        services.AddSingleton(sp => AuditOptions.FromConfiguration(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), sp.GetRequiredService<Persistence.DatabaseSettings>()));
        services.AddScoped<SignLogCheckpointHandler>();
        services.AddScoped<VerifyAccessLogHandler>();
        services.AddScoped<Scheduling.IScheduledJob, SignLogCheckpointJob>();
        services.AddScoped<VaultQueries>();
        services.AddScoped<UploadArtifactRevisionHandler>();
        services.AddScoped<OpenArtifactRevisionHandler>();
        services.AddScoped<VaultAccessGate>();
        services.AddScoped<VaultLines>();
        services.AddScoped<VaultAccessQueries>();
        services.AddScoped<CreateDownloadLinkHandler>();
        services.AddScoped<FetchDownloadHandler>();
        services.AddScoped<GrantAccessHandler>();
        services.AddScoped<RevokeGrantHandler>();
        services.AddScoped<RecordNdaHandler>();
        services.AddScoped<AcknowledgeRevisionHandler>();
        services.AddScoped<ViewGrantedPackageHandler>();
        services.AddScoped<SetFixtureHandler>();
        services.AddScoped<MarkNotificationsReadHandler>();
        services.AddScoped<RecordGoldenUnitsHandler>();
        services.AddScoped<IDemoSeeder, VaultDemoSeeder>();
        services.AddScoped<IDemoSeeder, CheckpointDemoSeeder>();
        return services;
    }
}
