using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SecondSource.Application.Persistence;

/// <summary>Registers the database for a host.</summary>
public static class PersistenceServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "SecondSource.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "SecondSource.Migrations.Postgres";

    /// <summary>
    /// The DbContext on the configured provider, with party isolation. The host registers its own
    /// <see cref="IPartyContext"/> (the web from the signed-in principal; the CLI unrestricted).
    /// </summary>
    public static IServiceCollection AddSecondSourceDatabase(this IServiceCollection services)
    {
        // Resolved from configuration when first needed, so that hosts and test factories can add sources late.
        services.TryAddSingleton(sp => DatabaseSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PartyIsolationInterceptor>();
        services.TryAddSingleton<DataVersion>();
        services.TryAddSingleton<SqliteWriteGate>();
        services.TryAddSingleton<DataVersionSaveInterceptor>();
        services.TryAddSingleton<DataVersionTransactionInterceptor>();
        services.TryAddSingleton<DataVersionCommandInterceptor>();
        services.AddDbContext<SecondSourceDbContext>((sp, options) =>
        {
            ConfigureProvider(options, sp.GetRequiredService<DatabaseSettings>());
            options.AddInterceptors(sp.GetRequiredService<PartyIsolationInterceptor>(),
                sp.GetRequiredService<DataVersionSaveInterceptor>(), sp.GetRequiredService<DataVersionTransactionInterceptor>(), sp.GetRequiredService<DataVersionCommandInterceptor>());
        });
        return services;
    }

    /// <summary>
    /// The compiled SQLite model beside the SQLite migrations (ADR 0020): loading it costs a few milliseconds where
    /// building the model costs most of a CLI command's start. Null where the migrations assembly is not deployed.
    /// </summary>
    private static readonly Lazy<IModel?> CompiledSqliteModel = new(() =>
        Type.GetType($"{SqliteMigrationsAssembly}.CompiledModel.SecondSourceDbContextModel, {SqliteMigrationsAssembly}")
            ?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel);

    /// <summary>Provider, connection and migrations assembly; shared with the design-time factories.</summary>
    public static void ConfigureProvider(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                options.AddInterceptors(SqlitePragmaInterceptor.Instance);
                if (settings.UseCompiledModel && CompiledSqliteModel.Value is { } model)
                {
                    options.UseModel(model);
                }

                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new DatabaseConfigurationException($"Unknown database provider {settings.Provider}.");
        }
    }
}
