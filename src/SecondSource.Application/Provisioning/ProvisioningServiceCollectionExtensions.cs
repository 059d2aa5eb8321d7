using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Provisioning;

/// <summary>Registers key custody (software store and PKCS#11), firmware releases and signing, provisioning profiles, serial allocation and device certificates.</summary>
public static class ProvisioningServiceCollectionExtensions
{
    public static IServiceCollection AddProvisioning(this IServiceCollection services)
    {
        services.AddSingleton(sp => ProvisioningOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseSettings>()));
        services.AddSingleton<SoftwareKeyStore>();
        services.AddScoped<Scheduling.IScheduledJob, RefreshCrlsJob>();
        services.AddSingleton<Pkcs11KeyStore>();
        services.AddSingleton<IKeyCustodyBackend>(sp => sp.GetRequiredService<SoftwareKeyStore>());
        services.AddSingleton<IKeyCustodyBackend>(sp => sp.GetRequiredService<Pkcs11KeyStore>());
        services.AddSingleton<KeyCustody>();
        services.AddScoped<ProvisioningQueries>();
        services.AddScoped<CreateCustodyKeyHandler>();
        services.AddScoped<ReleaseFirmwareHandler>();
        services.AddScoped<SignFirmwareReleaseHandler>();
        services.AddScoped<SetProvisioningProfileHandler>();
        services.AddScoped<AllocateSerialsHandler>();
        services.AddScoped<IssueDeviceCertificateHandler>();
        services.AddScoped<RevokeDeviceCertificateHandler>();
        services.AddScoped<PublishCrlHandler>();
        services.AddScoped<Demo.IDemoSeeder, ProvisioningDemoSeeder>();
        return services;
    }
}
