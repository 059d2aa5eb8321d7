using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SecondSource.Application;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using Xunit;

namespace SecondSource.Testing;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in a temp folder, or a new PostgreSQL database on the
/// server named by <see cref="PostgresVariable"/> (skipped, with the reason, when it is not set).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding a PostgreSQL connection string with the right to create databases.</summary>
    public const string PostgresVariable = "SECONDSOURCE_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private TestDatabase(DatabaseSettings settings, TempFolder folder, string? postgresAdmin, string? postgresDatabase)
    {
        Settings = settings;
        Folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresDatabase = postgresDatabase;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>The data folder (the SQLite file lives here; backups and vault files in later features too).</summary>
    public TempFolder Folder { get; }

    /// <summary>Both providers, for <c>[Theory, DatabaseProviders]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var folder = new TempFolder("db");
        TestDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                folder.Dispose();
                Assert.Skip($"PostgreSQL is not configured: set {PostgresVariable} to a connection string (.ci/run installs a server and sets it).");
            }

            var name = $"ss_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
            database = new TestDatabase(DatabaseSettings.ForPostgres(cs, folder.Path), folder, admin, name);
        }
        else
        {
            var file = System.IO.Path.Combine(folder.Path, DatabaseSettings.SqliteFileName);
            var cs = new SqliteConnectionStringBuilder(DatabaseSettings.SqliteConnectionStringFor(file)) { Pooling = false }.ToString();
            database = new TestDatabase(DatabaseSettings.ForSqlite(cs, folder.Path), folder, null, null);
        }

        if (migrate)
        {
            await using var db = database.CreateContext(PartyScope.Unrestricted);
            await db.Database.MigrateAsync();
        }

        return database;
    }

    /// <summary>A context seen through <paramref name="scope"/>, with the party-isolation interceptor, as the app builds it.</summary>
    public SecondSourceDbContext CreateContext(PartyScope scope)
    {
        var partyContext = new FixedPartyContext(scope);
        var options = new DbContextOptionsBuilder<SecondSourceDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureProvider(options, Settings);
        options.AddInterceptors(new PartyIsolationInterceptor(partyContext));
        return new SecondSourceDbContext(options.Options, partyContext);
    }

    /// <summary>The application's services on this database, seen through <paramref name="scope"/>.</summary>
    public ServiceProvider BuildServices(PartyScope scope, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(ConfigurationValues).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddScoped<IPartyContext>(_ => new FixedPartyContext(scope));
        services.AddSecondSourceFeatures();
        services.AddParties();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The configuration keys a host would read to reach this database.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues => new Dictionary<string, string?>
    {
        ["data"] = Folder.Path,
        ["Database:Provider"] = Provider.ToString(),
        [$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = Settings.ConnectionString,
    };

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresAdmin is not null && _postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Folder.Dispose();
    }

}
