using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SecondSource.Application.Persistence;

namespace SecondSource.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL (no server is contacted); never used at run time.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SecondSourceDbContext>
{
    public SecondSourceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SecondSourceDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureProvider(
            options, DatabaseSettings.ForPostgres("Host=localhost;Database=secondsource_design;Username=design", "."));
        return new SecondSourceDbContext(options.Options, FixedPartyContext.System);
    }
}
