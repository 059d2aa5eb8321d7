using Microsoft.Data.Sqlite;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Database;

public sealed record BackupDatabaseRequest(string DestinationFile);

public sealed record BackupDatabaseResult(string File, long Bytes);

/// <summary>
/// An online backup of the SQLite database (consistent while the web app keeps writing), through SQLite's
/// backup API into a new file. PostgreSQL is backed up with pg_dump.
/// </summary>
public sealed class BackupDatabaseHandler(DatabaseSettings settings)
{
    public async Task<Result<BackupDatabaseResult>> HandleAsync(BackupDatabaseRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return Fail.Invalid($"db backup copies the SQLite file only. For PostgreSQL ({settings.Location}) use pg_dump, e.g. pg_dump --format=custom --file=secondsource.dump <database>.");
        }

        var destination = Path.GetFullPath(request.DestinationFile);
        if (File.Exists(destination))
        {
            return Fail.Conflict($"{destination} already exists; a backup never overwrites a file. Choose a new name.");
        }

        if (!File.Exists(settings.Location))
        {
            return Fail.NotFound($"There is no database at {settings.Location} yet; run 'secondsource db migrate' first.");
        }

        var folder = Path.GetDirectoryName(destination);
        if (folder is not null && !Directory.Exists(folder))
        {
            return Fail.Invalid($"The folder {folder} does not exist.");
        }

        // Write next to the destination, then move into place: a failed backup never leaves a file that looks complete.
        var partial = destination + ".partial";
        try
        {
            await using (var source = new SqliteConnection(settings.ConnectionString))
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
            }

            File.Move(partial, destination);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }

        return Result.Ok(new BackupDatabaseResult(destination, new FileInfo(destination).Length));
    }
}
