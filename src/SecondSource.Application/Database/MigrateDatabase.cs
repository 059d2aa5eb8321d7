using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Database;

public sealed record MigrateDatabaseResult(IReadOnlyList<string> Applied, string? SchemaVersion);

/// <summary>Applies the pending migrations of the configured provider; creates the SQLite file and data folder if needed.</summary>
public sealed class MigrateDatabaseHandler(SecondSourceDbContext db, DatabaseSettings settings)
{
    public async Task<MigrateDatabaseResult> HandleAsync(CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(settings.Location));
            DataFolder.EnsureWritable(folder ?? settings.DataFolder);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        return new MigrateDatabaseResult(pending, applied.LastOrDefault());
    }
}
