using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Database;

public sealed record TableRowCount(string Table, long Rows);

public sealed record DatabaseDescription(
    string Provider,
    string Location,
    string? SchemaVersion,
    IReadOnlyList<string> PendingMigrations,
    IReadOnlyList<TableRowCount> Tables);

/// <summary>What <c>secondsource db info</c> shows: provider, location, schema version, row counts per table.</summary>
public sealed class DescribeDatabaseHandler(SecondSourceDbContext db, DatabaseSettings settings)
{
    public async Task<DatabaseDescription> HandleAsync(CancellationToken ct)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var tables = new List<TableRowCount>();
        if (pending.Count == 0)
        {
            var names = db.Model.GetEntityTypes()
                .Select(t => t.GetTableName())
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var table in names)
            {
                // Table names come from the model, never from input. Counting bypasses the party filter on
                // purpose: db info is an operator's command. Allow-listed in PartyIsolationSourceTests.
#pragma warning disable EF1002
                var count = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(ct);
#pragma warning restore EF1002
                tables.Add(new TableRowCount(table, count));
            }
        }

        return new DatabaseDescription(settings.Provider.ToString(), settings.Location, applied.LastOrDefault(), pending, tables);
    }
}
