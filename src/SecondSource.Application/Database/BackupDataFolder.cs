using System.Text.Json;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Database;

public sealed record BackupDataFolderRequest(string DestinationFolder);

public sealed record BackupDataFolderResult(string Folder, int Files, long Bytes);

/// <summary>
/// A full online backup of a SQLite installation into a new folder: the database first (SQLite's backup API, consistent
/// while the app keeps writing), then the content files and wrapped keys (<see cref="DataFolderLayout"/>), then a
/// manifest with every file's SHA-256. Content files are written before the rows that name them and never deleted, so
/// every file a row of the backed-up database names is already there to copy. Written under a temporary name and
/// moved into place at the end: a failed backup never leaves a folder that looks complete.
/// </summary>
public sealed class BackupDataFolderHandler(DatabaseSettings settings, BackupDatabaseHandler database, TimeProvider clock)
{
    public async Task<Result<BackupDataFolderResult>> HandleAsync(BackupDataFolderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return Fail.Invalid("A full backup copies the SQLite file and the data folder. For PostgreSQL back up the database with pg_dump --format=custom and the data folder without its key-encryption key (vault, imports, keystore, and evidence once evidence was stored) with your file backup, after the dump (docs/operations.md, section PostgreSQL).");
        }

        var destination = Path.GetFullPath(request.DestinationFolder);
        if (Directory.Exists(destination) || File.Exists(destination))
        {
            return Fail.Conflict($"{destination} already exists; a backup never overwrites. Choose a new folder.");
        }

        var parent = Path.GetDirectoryName(destination);
        if (parent is null || !Directory.Exists(parent))
        {
            return Fail.Invalid($"The folder {parent} does not exist.");
        }

        var partial = destination + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        Directory.CreateDirectory(partial);
        try
        {
            var startedAt = clock.GetUtcNow();
            var databaseFile = Path.Combine(partial, DatabaseSettings.SqliteFileName);
            var copied = await database.HandleAsync(new BackupDatabaseRequest(databaseFile), ct);
            if (copied.Failure is { } failure)
            {
                return failure;
            }

            var files = new List<BackupFile>();
            foreach (var source in DataFolderLayout.ContentFiles(settings.DataFolder))
            {
                var relative = Path.GetRelativePath(settings.DataFolder, source);
                var target = Path.Combine(partial, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                files.Add(await DataFolderLayout.DescribeAsync(partial, target, ct));
            }

            var manifest = new BackupManifest(1, startedAt, await DataFolderLayout.DescribeAsync(partial, databaseFile, ct), files, DataFolderLayout.NotIncluded);
            await File.WriteAllTextAsync(Path.Combine(partial, DataFolderLayout.ManifestName), JsonSerializer.Serialize(manifest, DataFolderLayout.Json), ct);
            Directory.Move(partial, destination);
            return Result.Ok(new BackupDataFolderResult(destination, files.Count, manifest.Database.Bytes + files.Sum(f => f.Bytes)));
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
    }
}
