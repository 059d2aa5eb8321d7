using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;

namespace SecondSource.Application.Vault;

/// <summary>Registers the vault: content store, transfer packages, downloads and the hash-chained access log.</summary>
public static class VaultServiceCollectionExtensions
{
    public static IServiceCollection AddVault(this IServiceCollection services)
    {
        services.AddScoped<VaultStore>();
        services.AddScoped<AccessLogWriter>();
        services.AddScoped<VaultQueries>();
        services.AddScoped<UploadArtifactRevisionHandler>();
        services.AddScoped<OpenArtifactRevisionHandler>();
        services.AddScoped<IDemoSeeder, VaultDemoSeeder>();
        return services;
    }
}
