using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Database;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource db migrate | info | backup | restore | verify</c>.</summary>
internal static class DbCommands
{
    public static Command Create(CliContext context)
    {
        var db = new Command("db", "Create, upgrade, inspect, back up, restore and verify the installation.");

        var migrateJson = CommandActions.JsonOption();
        var migrate = new Command("migrate", "Apply pending migrations (creates the SQLite file and data folder if needed).") { migrateJson };
        migrate.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<MigrateDatabaseHandler>().HandleAsync(ct);
            if (parsed.GetValue(migrateJson))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, result);
            }
            else
            {
                await context.Console.Out.WriteLineAsync(result.Applied.Count == 0
                    ? $"Schema is current ({result.SchemaVersion})."
                    : $"Applied {result.Applied.Count} migration(s): {string.Join(", ", result.Applied)}. Schema version {result.SchemaVersion}.");
            }

            return ExitCodes.Ok;
        });

        var infoJson = CommandActions.JsonOption();
        var info = new Command("info", "Provider, location, schema version and row counts per table.") { infoJson };
        info.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var d = await services.GetRequiredService<DescribeDatabaseHandler>().HandleAsync(ct);
            if (parsed.GetValue(infoJson))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, d);
                return ExitCodes.Ok;
            }

            var o = context.Console.Out;
            await o.WriteLineAsync($"Provider:        {d.Provider}");
            await o.WriteLineAsync($"Location:        {d.Location}");
            await o.WriteLineAsync($"Schema version:  {d.SchemaVersion ?? "(empty database)"}");
            if (d.PendingMigrations.Count > 0)
            {
                await o.WriteLineAsync($"Pending:         {d.PendingMigrations.Count} migration(s); run 'secondsource db migrate'.");
                return ExitCodes.Ok;
            }

            await o.WriteLineAsync();
            await CliOutput.WriteTableAsync(o, ["Table", "Rows"], d.Tables.Select(t => (IReadOnlyList<string>)[t.Table, t.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            return ExitCodes.Ok;
        });

        var file = new Argument<string>("file") { Description = "The backup file to create (with --full, the folder); it must not exist." };
        var full = new Option<bool>("--full") { Description = "Back up the whole installation into a new folder: the database, the vault, evidence, BOM files, wrapped keys and key ring, with a manifest of SHA-256s (not the key-encryption key)." };
        var backup = new Command("backup", "Online backup of the SQLite database into a new file, or of the whole installation with --full (PostgreSQL: use pg_dump).") { file, full };
        backup.SetScopedAction(context, async (parsed, services, ct) =>
        {
            if (parsed.GetValue(full))
            {
                var folder = await services.GetRequiredService<BackupDataFolderHandler>().HandleAsync(new BackupDataFolderRequest(parsed.GetValue(file)!), ct);
                if (folder.Failure is { } refused)
                {
                    return await context.FailAsync(refused);
                }

                await context.Console.Out.WriteLineAsync($"Backed up to {folder.Value!.Folder}: the database and {folder.Value.Files:N0} files, {folder.Value.Bytes:N0} bytes. The key-encryption key is not in it: keep it apart.");
                return ExitCodes.Ok;
            }

            var result = await services.GetRequiredService<BackupDatabaseHandler>().HandleAsync(new BackupDatabaseRequest(parsed.GetValue(file)!), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Backed up to {result.Value!.File} ({result.Value.Bytes:N0} bytes).");
            return ExitCodes.Ok;
        });

        var from = new Argument<string>("backup") { Description = "A folder written by 'db backup --full'." };
        var into = new Option<string>("--into") { Description = "The new data folder to restore into (absent or empty).", Required = true };
        var restore = new Command("restore", "Restore a full backup into a new data folder, after checking every file against the manifest and the database's integrity.") { from, into };
        restore.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<RestoreDataFolderHandler>().HandleAsync(new RestoreDataFolderRequest(parsed.GetValue(from)!, parsed.GetValue(into)!), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Restored the backup of {result.Value!.BackedUpAt:yyyy-MM-dd HH:mm} UTC into {result.Value.DataFolder} ({result.Value.Files:N0} files). Put the key-encryption key back, then run 'secondsource db verify --data {result.Value.DataFolder}', and 'secondsource audit verify --data {result.Value.DataFolder} --checkpoint FOLDER' with the checkpoints kept since the backup: the log is then checked against the newest of them.");
            return ExitCodes.Ok;
        });

        var verifyJson = CommandActions.JsonOption();
        var verify = new Command("verify", "Check the installation: database integrity, every stored row's file and its SHA-256, the access log's hash chain and its newest signed checkpoints. Exit 1 on a problem.") { verifyJson };
        verify.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var verdict = await services.GetRequiredService<VerifyDataFolderHandler>().HandleAsync(ct);
            if (parsed.GetValue(verifyJson))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, verdict);
            }
            else
            {
                await context.Console.Out.WriteLineAsync(verdict.Intact
                    ? $"Intact: {verdict.Files:N0} stored files match their rows, {verdict.LogEntries:N0} access-log entries chain{(verdict.Checkpoint is { } checkpoint ? $" and agree with the newest signed checkpoint ({checkpoint})" : " (no signed checkpoint yet)")}, {verdict.Keys:N0} software keys open with the key-encryption key."
                    : $"{verdict.Problems.Count} problem(s):");
                foreach (var problem in verdict.Problems)
                {
                    await context.Console.Out.WriteLineAsync($"  {problem}");
                }
            }

            return verdict.Intact ? ExitCodes.Ok : ExitCodes.Findings;
        });

        db.Subcommands.Add(migrate);
        db.Subcommands.Add(info);
        db.Subcommands.Add(backup);
        db.Subcommands.Add(restore);
        db.Subcommands.Add(verify);
        return db;
    }
}
