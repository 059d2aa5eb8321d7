using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace SecondSource.Application.Persistence;

/// <summary>The database engines an installation can run on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file under the data folder; no set-up. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server; for production and more than one web process.</summary>
    Postgres,
}

/// <summary>
/// Where the data lives, resolved once from configuration: <c>Database:Provider</c> (Sqlite or Postgres),
/// <c>ConnectionStrings:SecondSource</c>, and the data folder (<c>--data</c>, else <c>SECONDSOURCE_DATA</c>, else <c>./data</c>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataFolder)
{
    public const string ConnectionStringName = "SecondSource";
    public const string SqliteFileName = "secondsource.db";

    /// <summary>
    /// Whether a SQLite context loads the compiled model (ADR 0020) instead of building the model; false only for the
    /// design-time factory, where <c>dotnet ef</c> must see the model as the code builds it.
    /// </summary>
    public bool UseCompiledModel { get; init; } = true;

    /// <summary>Reads the settings; throws <see cref="DatabaseConfigurationException"/> naming the bad key.</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataFolder = Path.GetFullPath(FirstNonEmpty(configuration["data"], configuration["SECONDSOURCE_DATA"]) ?? "data");
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(providerText, out _) ? parsed
            : throw new DatabaseConfigurationException($"Database:Provider is '{providerText}'; use Sqlite or Postgres.");
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        return provider switch
        {
            DatabaseProvider.Sqlite => ForSqlite(string.IsNullOrWhiteSpace(connectionString) ? SqliteConnectionStringFor(Path.Combine(dataFolder, SqliteFileName)) : connectionString, dataFolder),
            _ => ForPostgres(string.IsNullOrWhiteSpace(connectionString)
                ? throw new DatabaseConfigurationException("Database:Provider is Postgres but ConnectionStrings:SecondSource is not set (e.g. ConnectionStrings__SecondSource=\"Host=127.0.0.1;Database=secondsource;Username=secondsource;Password=…\").")
                : connectionString, dataFolder),
        };
    }

    /// <summary>SQLite settings for a connection string; checks that it parses.</summary>
    public static DatabaseSettings ForSqlite(string connectionString, string dataFolder)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
            return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ToString(), dataFolder);
        }
        catch (ArgumentException ex)
        {
            throw new DatabaseConfigurationException($"ConnectionStrings:SecondSource is not a valid SQLite connection string: {ex.Message}");
        }
    }

    /// <summary>PostgreSQL settings for a connection string; checks that it parses.</summary>
    public static DatabaseSettings ForPostgres(string connectionString, string dataFolder)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return new DatabaseSettings(DatabaseProvider.Postgres, connectionString, dataFolder);
        }
        catch (ArgumentException ex)
        {
            throw new DatabaseConfigurationException($"ConnectionStrings:SecondSource is not a valid PostgreSQL connection string: {ex.Message}");
        }
    }

    /// <summary>The connection string of a SQLite file: foreign keys on, pooled, 30 s busy timeout.</summary>
    public static string SqliteConnectionStringFor(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Where the data is, for people: the SQLite file, or the PostgreSQL host and database (never the password).</summary>
    public string Location => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(ConnectionString).DataSource,
        _ => DescribePostgres(ConnectionString),
    };

    private static string DescribePostgres(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database} as {b.Username}";
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>Configuration that cannot work (an unknown provider, a missing connection string, a data folder that cannot be written).</summary>
public sealed class DatabaseConfigurationException : Exception
{
    public DatabaseConfigurationException(string message) : base(message)
    {
    }

    public DatabaseConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DatabaseConfigurationException()
    {
    }
}
