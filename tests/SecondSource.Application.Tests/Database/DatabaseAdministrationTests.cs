using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Database;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Database;

public sealed class DatabaseAdministrationTests
{
    [Theory, DatabaseProviders]
    public async Task Migrate_brings_an_empty_database_to_the_current_schema_and_info_counts_rows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();

        var before = await scope.ServiceProvider.GetRequiredService<DescribeDatabaseHandler>().HandleAsync(CancellationToken.None);
        var migrated = await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync(CancellationToken.None);
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AddManufacturerAsync();
        }

        var after = await scope.ServiceProvider.GetRequiredService<DescribeDatabaseHandler>().HandleAsync(CancellationToken.None);

        before.SchemaVersion.ShouldBeNull();
        before.PendingMigrations.ShouldNotBeEmpty();
        migrated.Applied.ShouldBe(before.PendingMigrations);
        after.SchemaVersion.ShouldBe(migrated.SchemaVersion);
        after.PendingMigrations.ShouldBeEmpty();
        after.Provider.ShouldBe(provider.ToString());
        after.Tables.Single(t => t.Table == "Parties").Rows.ShouldBe(1);
        after.Tables.Single(t => t.Table == "Users").Rows.ShouldBe(0);
        after.Location.ShouldNotContain("Password");
    }

    [Fact]
    public async Task Migrate_twice_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();

        var again = await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync(CancellationToken.None);

        again.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sqlite_backup_is_a_complete_database_and_never_overwrites()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AddManufacturerAsync("Apex EMS");
            await db.AddManufacturerAsync("Vistula EMS");
        }

        using var target = new TempFolder("backup");
        var file = target.File("copy.db");
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var backup = scope.ServiceProvider.GetRequiredService<BackupDatabaseHandler>();

        var result = await backup.HandleAsync(new BackupDatabaseRequest(file), CancellationToken.None);
        var again = await backup.HandleAsync(new BackupDatabaseRequest(file), CancellationToken.None);

        result.Value!.Bytes.ShouldBeGreaterThan(0);
        again.Failure!.Kind.ShouldBe(FailureKind.Conflict);
        File.Exists(file + ".partial").ShouldBeFalse();
        var copy = DatabaseSettings.ForSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString(), target.Path);
        var options = new DbContextOptionsBuilder<SecondSourceDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureProvider(options, copy);
        await using var restored = new SecondSourceDbContext(options.Options, FixedPartyContext.System);
        (await restored.Parties.Select(p => p.Name).OrderBy(n => n).ToListAsync()).ShouldBe(["Apex EMS", "Vistula EMS"]);
        (await restored.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_backup_started_while_another_process_holds_the_lock_waits_for_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        using var target = new TempFolder("backup");

        // An exclusive lock, as another process checkpointing or writing holds it: readers get SQLITE_BUSY until it goes.
        var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = settings.Location, Pooling = false }.ToString());
        await holder.OpenAsync();
        await using (var command = holder.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT COUNT(*) FROM \"Parties\";";
            await command.ExecuteScalarAsync();
        }

        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await using (var command = holder.CreateCommand())
            {
                command.CommandText = "COMMIT;";
                await command.ExecuteNonQueryAsync();
            }

            await holder.DisposeAsync();
        });

        // SQLite's calls are synchronous: the release runs on its own thread while the backup blocks this one.
        var result = await scope.ServiceProvider.GetRequiredService<BackupDatabaseHandler>()
            .HandleAsync(new BackupDatabaseRequest(target.File("copy.db")), CancellationToken.None);
        await release;

        result.Failure.ShouldBeNull();
        result.Value!.Bytes.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_backup_into_a_missing_folder_says_so()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<BackupDatabaseHandler>()
            .HandleAsync(new BackupDatabaseRequest("/nonexistent-folder-xyz/copy.db"), CancellationToken.None);

        result.Failure!.Message.ShouldBe("The folder /nonexistent-folder-xyz does not exist.");
    }

    [Fact]
    public async Task Backup_on_postgres_points_to_pg_dump()
    {
        var handler = new BackupDatabaseHandler(DatabaseSettings.ForPostgres("Host=127.0.0.1;Database=ss;Username=u;Password=secret", "/tmp"));

        var result = await handler.HandleAsync(new BackupDatabaseRequest("/tmp/x.db"), CancellationToken.None);

        result.Failure!.Message.ShouldContain("pg_dump");
        result.Failure.Message.ShouldNotContain("secret");
    }
}
