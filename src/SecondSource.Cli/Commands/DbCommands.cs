using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Database;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource db migrate | info | backup</c>.</summary>
internal static class DbCommands
{
    public static Command Create(CliContext context)
    {
        var db = new Command("db", "Create, upgrade, inspect and back up the database.");

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

        var file = new Argument<string>("file") { Description = "The backup file to create; it must not exist." };
        var backup = new Command("backup", "Online backup of the SQLite database into a new file (PostgreSQL: use pg_dump).") { file };
        backup.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<BackupDatabaseHandler>().HandleAsync(new BackupDatabaseRequest(parsed.GetValue(file)!), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Backed up to {result.Value!.File} ({result.Value.Bytes:N0} bytes).");
            return ExitCodes.Ok;
        });

        db.Subcommands.Add(migrate);
        db.Subcommands.Add(info);
        db.Subcommands.Add(backup);
        return db;
    }
}
