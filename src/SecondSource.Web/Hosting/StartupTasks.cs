using Microsoft.Extensions.Options;
using SecondSource.Application.Database;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Scheduling;

namespace SecondSource.Web.Hosting;

/// <summary>
/// What the web process does before it listens: check the data folder, apply migrations (in Development, with
/// Database:MigrateOnStart, or with --seed-demo), and load the demo when asked. Any failure is one line on
/// stderr and an exit code (2 configuration, 3 anything else), never a stack trace.
/// </summary>
public static class StartupTasks
{
    public const string SeedDemoSwitch = "--seed-demo";

    public static async Task<int> RunAsync(WebApplication app, bool seedDemo, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        DatabaseSettings? settings = null;
        try
        {
            settings = app.Services.GetRequiredService<DatabaseSettings>();
            DataFolder.EnsureWritable(settings.DataFolder);
            // Settings read lazily elsewhere are checked now, so a mistake is one line before the app listens.
            _ = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
            _ = app.Services.GetRequiredService<SchedulingOptions>();
            _ = app.Services.GetRequiredService<BomLimits>();
            await using var scope = app.Services.CreateAsyncScope();
            using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
            // Leftovers of writes a crash or a killed upload interrupted (each instance sweeps its own folder at start).
            if (scope.ServiceProvider.GetRequiredService<SweepPartialFilesHandler>().Handle() is { Removed: > 0 } swept)
            {
                output.WriteLine($"Removed {swept.Removed} partial file(s) of interrupted writes ({swept.Bytes:N0} bytes) from {settings.DataFolder}.");
            }

            var migrate = seedDemo || app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Database:MigrateOnStart");
            if (migrate)
            {
                var migrated = await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync(CancellationToken.None);
                output.WriteLine($"Database: {settings.Provider} at {settings.Location}, schema {migrated.SchemaVersion} ({migrated.Applied.Count} migration(s) applied now).");
            }

            if (seedDemo)
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);
                if (seeded.Failure is { } failure)
                {
                    output.WriteLine($"Demo not loaded: {failure.Message}");
                }
                else
                {
                    DemoReport.Write(output, seeded.Value!);
                }
            }

            return 0;
        }
        catch (DatabaseConfigurationException ex)
        {
            await error.WriteLineAsync($"secondsource: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (settings is not null && DatabaseErrors.TryExplain(ex, settings, out var message))
        {
            await error.WriteLineAsync($"secondsource: {message}");
            return 3;
        }
    }
}
