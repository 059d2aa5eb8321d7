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
                await CopyAsync(source, target, ct);
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

    /// <summary>
    /// SQLite's backup step takes its read lock through the connection's busy handler, which Microsoft.Data.Sqlite
    /// leaves unset (it retries commands itself): without one, a backup that starts while another process checkpoints
    /// or finishes a write fails at once with "database is locked". The busy timeout makes the step wait for the lock;
    /// a step that still meets a lock is retried, whole, for up to the connection's timeout.
    /// </summary>
    private static async Task CopyAsync(SqliteConnection source, SqliteConnection target, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(Math.Max(source.DefaultTimeout, 1));
        foreach (var connection in new[] { source, target })
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds};";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                source.BackupDatabase(target);
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && TimeProvider.System.GetElapsedTime(started) < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }
}
