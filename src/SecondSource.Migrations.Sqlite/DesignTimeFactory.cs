using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SecondSource.Application.Persistence;

namespace SecondSource.Migrations.Sqlite;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model for SQLite, and <c>dotnet ef dbcontext optimize</c> (with
/// <c>SECONDSOURCE_COMPILED_MODEL=1</c>) write the compiled model without the party filters, which the compiled model
/// adds back as it loads (ADR 0020); never used at run time.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SecondSourceDbContext>
{
    public SecondSourceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SecondSourceDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureProvider(
            options, DatabaseSettings.ForSqlite(DatabaseSettings.SqliteConnectionStringFor("design-time.db"), ".") with { UseCompiledModel = false });
        return Environment.GetEnvironmentVariable("SECONDSOURCE_COMPILED_MODEL") == "1"
            ? SecondSourceDbContext.ForCompiledModelGeneration(options)
            : new SecondSourceDbContext(options.Options, FixedPartyContext.System);
    }
}
