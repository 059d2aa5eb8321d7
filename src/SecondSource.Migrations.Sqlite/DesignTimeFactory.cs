using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SecondSource.Application.Persistence;

namespace SecondSource.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite; never used at run time.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SecondSourceDbContext>
{
    public SecondSourceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SecondSourceDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureProvider(
            options, DatabaseSettings.ForSqlite(DatabaseSettings.SqliteConnectionStringFor("design-time.db"), "."));
        return new SecondSourceDbContext(options.Options, FixedPartyContext.System);
    }
}
