using System.Collections;
using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecondSource.Application;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;

namespace SecondSource.Cli;

/// <summary>Options every command accepts: where the data is.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Data folder (default: SECONDSOURCE_DATA, else ./data). Holds the SQLite file.",
        Recursive = true,
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "Database provider: Sqlite (default) or Postgres. Same as Database__Provider.",
        Recursive = true,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Connection string. Same as ConnectionStrings__SecondSource.",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Data);
        root.Options.Add(Provider);
        root.Options.Add(Connection);
    }
}

/// <summary>
/// What commands share: the console, the environment, and a service provider built per invocation from the
/// environment and the global options. The CLI is an operator's tool, so it runs in the unrestricted party scope.
/// </summary>
public sealed class CliContext(CliConsole console, IDictionary environment)
{
    public CliConsole Console { get; } = console;

    public GlobalOptions GlobalOptions { get; } = new();

    /// <summary>The resolved settings, once a command has opened the database (used to explain database errors).</summary>
    public DatabaseSettings? Settings { get; private set; }

    public ServiceProvider BuildServices(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var configuration = BuildConfiguration(parsed);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        // Database failures are explained once by CliApp; the provider's own error logs would repeat them.
        services.AddLogging(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
        services.AddScoped<IPartyContext>(_ => FixedPartyContext.System);
        services.AddSecondSourceFeatures();
        services.AddParties();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Settings = provider.GetRequiredService<DatabaseSettings>();
        return provider;
    }

    private IConfiguration BuildConfiguration(ParseResult parsed)
    {
        // Environment variables as the web host reads them (Database__Provider → Database:Provider), then the options.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string key)
            {
                values[key.Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
            }
        }

        Override(values, "data", parsed.GetValue(GlobalOptions.Data));
        Override(values, "Database:Provider", parsed.GetValue(GlobalOptions.Provider));
        Override(values, $"ConnectionStrings:{DatabaseSettings.ConnectionStringName}", parsed.GetValue(GlobalOptions.Connection));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static void Override(Dictionary<string, string?> values, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[key] = value;
        }
    }
}
