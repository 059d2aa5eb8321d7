using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Web.Tests.Infrastructure;

/// <summary>
/// The real web app (Production environment) on its own migrated SQLite file, loaded with the demo. Tests that
/// change data make their own parties or people, so no test depends on another's data.
/// </summary>
public class SecondSourceWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The factory is not initialized.");

    public SeedDemoResult Demo { get; private set; } = null!;

    /// <summary>False for an installation as a new buyer finds it: migrated, with nobody and nothing in it.</summary>
    public bool SeedDemo { get; init; } = true;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        if (!SeedDemo)
        {
            return;
        }

        Demo = await RunInSystemScopeAsync(async services =>
        {
            var seeded = await services.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);
            return seeded.Value ?? throw new InvalidOperationException(seeded.Failure!.Message);
        });
    }

    /// <summary>Runs application code as the CLI would: one scope, unrestricted.</summary>
    public async Task<T> RunInSystemScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
        return await action(scope.ServiceProvider);
    }

    public DemoCredential Credential(string role, string? partyContains = null) =>
        Demo.Credentials.First(c => c.Role == role && (partyContains is null || c.Party.Contains(partyContains, StringComparison.Ordinal)));

    public HttpClient CreateBrowserlessClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Database.ConfigurationValues)
            // Every test client comes from one address; the sign-in limit has tests of its own (RateLimitTests).
            // Scheduled work would change the demo under other tests; it has tests of its own (ScheduledWorkTests).
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "10000", ["Scheduling:Enabled"] = "false" }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
