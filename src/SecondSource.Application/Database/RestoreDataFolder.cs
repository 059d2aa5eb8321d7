using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SecondSource.Application.Database;

public sealed record RestoreDataFolderRequest(string BackupFolder, string TargetDataFolder);

public sealed record RestoreDataFolderResult(string DataFolder, int Files, DateTimeOffset BackedUpAt);

/// <summary>
/// Restores a full backup into a new data folder (absent or empty): first every file is checked against the manifest
/// (each one missing, altered or unlisted is named) and the database passes SQLite's integrity check; only then is the
/// whole set copied, under a temporary name moved into place at the end. Nothing is written when a check fails. The
/// key-encryption key is not in a backup and is put back separately.
/// </summary>
public sealed partial class RestoreDataFolderHandler(ILogger<RestoreDataFolderHandler> logger)
{
    public async Task<Result<RestoreDataFolderResult>> HandleAsync(RestoreDataFolderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var backup = Path.GetFullPath(request.BackupFolder);
        var target = Path.GetFullPath(request.TargetDataFolder);
        var manifestFile = Path.Combine(backup, DataFolderLayout.ManifestName);
        if (!File.Exists(manifestFile))
        {
            return Fail.NotFound($"{backup} is not a full backup: it has no {DataFolderLayout.ManifestName}.");
        }

        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            return Fail.Conflict($"{target} is not empty; a restore goes into a new or empty data folder and never overwrites one.");
        }

        BackupManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestFile, ct), DataFolderLayout.Json)
                ?? throw new JsonException("empty manifest");
        }
        catch (JsonException ex)
        {
            return Fail.Invalid($"{manifestFile}: not a readable manifest ({ex.Message}).");
        }

        var problems = new List<string>();
        var listed = manifest.Files.Prepend(manifest.Database).ToList();
        foreach (var expected in listed)
        {
            var path = Path.GetFullPath(Path.Combine(backup, expected.Path));
            if (!path.StartsWith(backup + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                problems.Add($"{expected.Path}: outside the backup folder");
                continue;
            }

            if (!File.Exists(path))
            {
                problems.Add($"{expected.Path}: missing");
                continue;
            }

            var actual = await DataFolderLayout.DescribeAsync(backup, path, ct);
            if (actual.Sha256 != expected.Sha256 || actual.Bytes != expected.Bytes)
            {
                problems.Add($"{expected.Path}: altered (SHA-256 {actual.Sha256[..12]}…, expected {expected.Sha256[..12]}…)");
            }
        }

        var known = listed.Select(f => f.Path).Append(DataFolderLayout.ManifestName).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Directory.EnumerateFiles(backup, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(backup, f).Replace('\\', '/')).Where(f => !known.Contains(f)).Order(StringComparer.Ordinal).Select(f => $"{f}: not in the manifest"));
        if (problems.Count == 0 && await IntegrityAsync(Path.Combine(backup, manifest.Database.Path), ct) is { } integrity)
        {
            problems.Add($"{manifest.Database.Path}: {integrity}");
        }

        if (problems.Count > 0)
        {
            return Fail.Invalid($"{backup} cannot be restored: {string.Join("; ", problems.Take(20))}{(problems.Count > 20 ? $"; and {problems.Count - 20} more" : "")}.");
        }

        var partial = target + ".restoring";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        try
        {
            foreach (var file in listed)
            {
                var destination = Path.Combine(partial, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(Path.Combine(backup, file.Path), destination);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(destination, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(partial, target);
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }

        Restored(logger, backup, target, manifest.Files.Count);
        return Result.Ok(new RestoreDataFolderResult(target, manifest.Files.Count, manifest.CreatedAt));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored the backup {Backup} into {Target} ({Files} content files)")]
    private static partial void Restored(ILogger logger, string backup, string target, int files);

    /// <summary>SQLite's integrity check of a database file, opened read-only; null when it answers "ok".</summary>
    internal static async Task<string?> IntegrityAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var answer = (string?)await command.ExecuteScalarAsync(ct);
            return answer == "ok" ? null : $"the integrity check answers '{answer}'";
        }
        catch (SqliteException ex)
        {
            return $"not a readable SQLite database ({ex.Message})";
        }
    }
}
