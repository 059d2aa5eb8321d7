using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using SecondSource.Application.Database;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>
/// The backup and restore drill (issue 12): a full backup taken while vault uploads keep arriving, restored into a fresh
/// folder, verifies — integrity, every stored row's file with its hash, the access log's chain — and holds every upload
/// acknowledged before the backup began. An altered backup is refused naming the file; a missing file is found. The
/// same drill on PostgreSQL with pg_dump and pg_restore.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class BackupRestoreDrillTests
{
    [Fact]
    public async Task A_backup_taken_under_writes_restores_into_a_fresh_folder_that_verifies()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        using var work = new TempFolder("drill");

        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 200; i++)
            {
                var content = Encoding.UTF8.GetBytes($"FCT vectors, drill revision {i}, {Guid.NewGuid()}\n");
                var file = work.File($"vectors-{i}.csv");
                await File.WriteAllBytesAsync(file, content);
                var put = await CliRun.OnAsync(database, null, "vault", "put", "AUR-VSM200", "fctvectors", file, "--note", $"drill {i}");
                if (put.ExitCode == 0)
                {
                    acknowledged.Enqueue(Convert.ToHexStringLower(SHA256.HashData(content)));
                }
            }
        });
        while (acknowledged.Count < 3 && !writer.IsCompleted)
        {
            await Task.Delay(50);
        }

        var beforeBackup = acknowledged.ToArray();
        beforeBackup.Length.ShouldBeGreaterThanOrEqualTo(3, "the writer is running");
        var backupFolder = work.File("backup");
        var backup = await CliRun.OnAsync(database, null, "db", "backup", backupFolder, "--full");
        await stop.CancelAsync();
        await writer;
        backup.ExitCode.ShouldBe(0, backup.Error);
        backup.Out.ShouldContain("The key-encryption key is not in it");
        File.Exists(Path.Combine(backupFolder, "manifest.json")).ShouldBeTrue();
        File.Exists(Path.Combine(backupFolder, "keystore-kek")).ShouldBeFalse();
        (await CliRun.OnAsync(database, null, "db", "backup", backupFolder, "--full")).Error.ShouldContain("already exists");

        var restored = work.File("restored");
        var restore = await CliRun.RunAsync(null, new Hashtable(), "db", "restore", backupFolder, "--into", restored, "--data", work.File("unused"));
        restore.ExitCode.ShouldBe(0, restore.Error);
        // Without its key-encryption key the restored installation is not intact: its software keys cannot be opened.
        var withoutKek = await CliRun.RunAsync(null, new Hashtable(), "db", "verify", "--data", restored);
        withoutKek.ExitCode.ShouldBe(1, withoutKek.Out + withoutKek.Error);
        withoutKek.Out.ShouldContain("key 'Aurora firmware release key 2026' (software key store): The key-encryption key");
        withoutKek.Out.ShouldContain("is missing");

        // Put the key-encryption key back, as the restore's message says: now it verifies, the keys included.
        File.Copy(Path.Combine(database.Folder.Path, "keystore-kek"), Path.Combine(restored, "keystore-kek"));
        File.SetUnixFileMode(Path.Combine(restored, "keystore-kek"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var verify = await CliRun.RunAsync(null, new Hashtable(), "db", "verify", "--data", restored);
        verify.ExitCode.ShouldBe(0, verify.Out + verify.Error);
        verify.Out.ShouldStartWith("Intact:");
        verify.Out.ShouldContain("3 software keys open with the key-encryption key", customMessage: "the release key, the device CA and the access log's checkpoint key");

        // Every upload acknowledged before the backup began is in the restored installation.
        var stored = new List<string>();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(restored, DatabaseSettings.SqliteFileName), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Sha256\" FROM \"ArtifactRevisions\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        beforeBackup.ShouldBeSubsetOf(stored);
        (await CliRun.RunAsync(null, new Hashtable(), "db", "restore", backupFolder, "--into", restored, "--data", work.File("unused"))).Error.ShouldContain("is not empty");

        // An altered file in the backup: refused, naming it, nothing written.
        var vaultFile = Path.Combine(backupFolder, "vault", beforeBackup[0] + ".bin");
        var bytes = await File.ReadAllBytesAsync(vaultFile);
        bytes[0] ^= 0xFF;
        await File.WriteAllBytesAsync(vaultFile, bytes);
        var refused = await CliRun.RunAsync(null, new Hashtable(), "db", "restore", backupFolder, "--into", work.File("second"), "--data", work.File("unused"));
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain($"vault/{Path.GetFileName(vaultFile)}: altered");
        Directory.Exists(work.File("second")).ShouldBeFalse();

        // A vault file lost from the live installation: verify names it.
        File.Delete(Path.Combine(database.Folder.Path, "vault", Path.GetFileName(vaultFile)));
        var broken = await CliRun.OnAsync(database, null, "db", "verify");
        broken.ExitCode.ShouldBe(1);
        broken.Out.ShouldContain($"vault/{Path.GetFileName(vaultFile)}: missing");
    }

    /// <summary>
    /// The PostgreSQL drill, as docs/operations.md tells it: pg_dump (custom format) while uploads keep arriving, then
    /// the data folder's content files; pg_restore into a new database, the files into a fresh folder; db verify passes
    /// and every upload acknowledged before the dump began is there.
    /// </summary>
    [Fact]
    public async Task A_postgres_installation_dumped_under_writes_restores_into_a_new_database_that_verifies()
    {
        if (!File.Exists("/usr/bin/pg_dump") || !File.Exists("/usr/bin/pg_restore"))
        {
            Assert.Skip("The PostgreSQL drill needs pg_dump and pg_restore (Debian's postgresql-client); .ci/run installs PostgreSQL with them.");
        }

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        using var work = new TempFolder("pg-drill");
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 200; i++)
            {
                var content = Encoding.UTF8.GetBytes($"FCT vectors, PostgreSQL drill revision {i}, {Guid.NewGuid()}\n");
                var file = work.File($"vectors-{i}.csv");
                await File.WriteAllBytesAsync(file, content);
                if ((await CliRun.OnAsync(database, null, "vault", "put", "AUR-VSM200", "fctvectors", file, "--note", $"pg drill {i}")).ExitCode == 0)
                {
                    acknowledged.Enqueue(Convert.ToHexStringLower(SHA256.HashData(content)));
                }
            }
        });
        while (acknowledged.Count < 3 && !writer.IsCompleted)
        {
            await Task.Delay(50);
        }

        var beforeDump = acknowledged.ToArray();
        beforeDump.Length.ShouldBeGreaterThanOrEqualTo(3, "the writer is running");
        var source = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString);
        var dump = work.File("secondsource.dump");
        await PgToolAsync(source, "pg_dump", "--format=custom", "--no-owner", $"--file={dump}", source.Database!);
        // After the dump: every file a dumped row names is already in the folder (files are written before their rows).
        var restored = work.File("restored");
        foreach (var file in DataFolderLayout.ContentFiles(database.Folder.Path))
        {
            var copy = Path.Combine(restored, Path.GetRelativePath(database.Folder.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        await stop.CancelAsync();
        await writer;
        if (File.Exists(Path.Combine(database.Folder.Path, "keystore-kek")))
        {
            // The key-encryption key travels apart from the backup and is put back before verifying (docs/operations.md).
            File.Copy(Path.Combine(database.Folder.Path, "keystore-kek"), Path.Combine(restored, "keystore-kek"));
            File.SetUnixFileMode(Path.Combine(restored, "keystore-kek"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var restoredName = $"ss_restored_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{restoredName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Database = restoredName };
        try
        {
            await PgToolAsync(target, "pg_restore", "--no-owner", "--exit-on-error", $"--dbname={restoredName}", dump);
            var verify = await CliRun.RunAsync(null, new Hashtable(), "db", "verify", "--data", restored, "--provider", "Postgres", "--connection", target.ToString());
            verify.ExitCode.ShouldBe(0, verify.Out + verify.Error);
            verify.Out.ShouldStartWith("Intact:");

            var stored = new List<string>();
            await using (var connection = new NpgsqlConnection(target.ToString()))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT \"Sha256\" FROM \"ArtifactRevisions\"", connection);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    stored.Add(reader.GetString(0));
                }
            }

            beforeDump.ShouldBeSubsetOf(stored);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restoredName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Runs pg_dump or pg_restore against the server of <paramref name="connection"/> (its password in PGPASSWORD).</summary>
    private static async Task PgToolAsync(NpgsqlConnectionStringBuilder connection, string tool, params string[] args)
    {
        var start = new ProcessStartInfo($"/usr/bin/{tool}") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { $"--host={connection.Host}", $"--port={connection.Port}", $"--username={connection.Username}" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{tool}: {await output}{await error}");
    }
}
