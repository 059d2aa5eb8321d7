using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Avl;
using SecondSource.Application.Boms;
using SecondSource.Application.Database;
using SecondSource.Application.Health;
using SecondSource.Application.Persistence;
using SecondSource.Application.Planning;
using SecondSource.Application.Programs;
using SecondSource.Application.Provisioning;
using SecondSource.Application.Reviews;
using SecondSource.Application.Scheduling;
using SecondSource.Application.TestData;
using SecondSource.Application.Vault;

namespace SecondSource.Application;

/// <summary>
/// The database and every feature's use cases, registered the same way by each host (web, CLI, tests, benchmarks).
/// Parties are registered by the host itself (<c>AddParties()</c>), as the web host adds its sign-in manager to them.
/// </summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddSecondSourceFeatures(this IServiceCollection services)
    {
        services.AddSecondSourceDatabase();
        services.AddDatabaseAdministration();
        services.AddPrograms();
        services.AddBoms();
        services.AddAvl();
        services.AddVault();
        services.AddTestData();
        services.AddPlanning();
        services.AddProvisioning();
        services.AddHealth();
        services.AddReviews();
        services.AddScheduling();
        return services;
    }
}
