using Microsoft.EntityFrameworkCore;
using System.Collections;
using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

public sealed class CliTests
{
    private const string Password = "a-good-long-password";

    [Fact]
    public async Task Help_lists_the_verb_groups_and_exits_0()
    {
        var run = await CliRun.RunAsync(null, new Hashtable(), "--help");

        run.ExitCode.ShouldBe(0);
        foreach (var verb in new[] { "db", "user", "party", "apikey", "demo" })
        {
            run.Out.ShouldContain(verb);
        }
    }

    [Theory]
    [InlineData(new[] { "db" }, "Required command was not provided.")]
    [InlineData(new[] { "db", "explode" }, "Unrecognized command or argument 'explode'.")]
    [InlineData(new[] { "user", "add" }, "Give EMAIL: secondsource user add EMAIL.")]
    public async Task Usage_mistakes_exit_2_with_the_reason_and_where_to_look(string[] args, string message)
    {
        var run = await CliRun.RunAsync(null, new Hashtable(), args);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(message);
        run.Error.ShouldContain("--help' for usage.");
    }

    [Theory, DatabaseProviders]
    public async Task Migrate_then_info_reports_provider_schema_and_row_counts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var migrate = await CliRun.OnAsync(database, null, "db", "migrate");
        var info = await CliRun.OnAsync(database, null, "db", "info", "--json");

        string latest;
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            latest = db.Database.GetMigrations().Last();
        }

        migrate.ExitCode.ShouldBe(0, migrate.Error);
        migrate.Out.ShouldContain($"Schema version {latest}.");
        info.ExitCode.ShouldBe(0, info.Error);
        using var json = JsonDocument.Parse(info.Out);
        json.RootElement.GetProperty("provider").GetString().ShouldBe(provider.ToString());
        json.RootElement.GetProperty("schemaVersion").GetString().ShouldBe(latest);
        json.RootElement.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("table").GetString()).ShouldContain("Parties");
    }

    [Fact]
    public async Task The_first_admin_is_added_with_a_password_from_stdin_and_a_second_time_is_a_conflict()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var first = await CliRun.OnAsync(database, Password + "\n", "user", "add", "--admin", "--email", "boss@aurora.example", "--organization", "Aurora Medical", "--password-stdin");
        var again = await CliRun.OnAsync(database, Password + "\n", "user", "add", "--admin", "--email", "boss@aurora.example", "--password-stdin");
        var list = await CliRun.OnAsync(database, null, "user", "list", "--json");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Out.ShouldContain("Created the buyer party 'Aurora Medical'.");
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldBe("secondsource: A user with the e-mail boss@aurora.example already exists." + Environment.NewLine);
        using var people = JsonDocument.Parse(list.Out);
        people.RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("role").GetString().ShouldBe("Admin");
    }

    [Fact]
    public async Task Without_a_terminal_the_password_must_come_from_stdin()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.OnAsync(database, null, "user", "add", "--admin", "--email", "boss@aurora.example");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("pass --password-stdin");
    }

    [Fact]
    public async Task A_member_needs_an_existing_manufacturer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var missing = await CliRun.OnAsync(database, Password, "user", "add", "--email", "li@apex.example", "--manufacturer", "Apex EMS", "--password-stdin");
        var added = await CliRun.OnAsync(database, null, "party", "add-manufacturer", "Apex EMS");
        var member = await CliRun.OnAsync(database, Password, "user", "add", "--email", "li@apex.example", "--manufacturer", "apex ems", "--password-stdin");

        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("No manufacturer matches 'Apex EMS' (--manufacturer)");
        added.ExitCode.ShouldBe(0);
        member.ExitCode.ShouldBe(0, member.Error);
        member.Out.ShouldContain("to Apex EMS as Member");
    }

    [Fact]
    public async Task Api_keys_are_printed_once_listed_without_secrets_and_revoked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliRun.OnAsync(database, null, "party", "add-manufacturer", "Apex EMS");

        var created = await CliRun.OnAsync(database, null, "apikey", "create", "--party", "Apex EMS", "--name", "ICT 2", "--expires", "2099-01-01");
        var token = created.Out.Trim();
        var list = await CliRun.OnAsync(database, null, "apikey", "list", "--json");
        var parts = token.Split('_', 3); // ssk_{prefix}_{secret}; the secret may itself contain '_'
        var prefix = parts[1];
        var revoked = await CliRun.OnAsync(database, null, "apikey", "revoke", prefix);
        var unknown = await CliRun.OnAsync(database, null, "apikey", "revoke", "ffffffffffff");
        var badDate = await CliRun.OnAsync(database, null, "apikey", "create", "--party", "Apex EMS", "--name", "x", "--expires", "next year");

        created.ExitCode.ShouldBe(0, created.Error);
        token.ShouldStartWith("ssk_");
        created.Error.ShouldContain("shown this once");
        list.Out.ShouldNotContain(parts[2]);
        list.Out.ShouldContain("\"isActive\": true");
        revoked.ExitCode.ShouldBe(0);
        revoked.Out.ShouldBe($"Revoked 'ICT 2' ({prefix}).{Environment.NewLine}");
        unknown.ExitCode.ShouldBe(2);
        badDate.ExitCode.ShouldBe(2);
        badDate.Error.ShouldContain("--expires 'next year' is not a day; write it as yyyy-MM-dd");
    }

    [Fact]
    public async Task People_are_disabled_enabled_and_given_a_new_password()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliRun.OnAsync(database, Password, "user", "add", "--admin", "--email", "boss@aurora.example", "--password-stdin");
        await CliRun.OnAsync(database, Password, "user", "add", "--role", "viewer", "--email", "view@aurora.example", "--password-stdin");

        var disabled = await CliRun.OnAsync(database, null, "user", "disable", "--email", "VIEW@aurora.example");
        var listed = await CliRun.OnAsync(database, null, "user", "list");
        var enabled = await CliRun.OnAsync(database, null, "user", "enable", "--email", "view@aurora.example");
        var reset = await CliRun.OnAsync(database, "another-long-password", "user", "set-password", "--email", "view@aurora.example", "--password-stdin");
        var weak = await CliRun.OnAsync(database, "short", "user", "set-password", "--email", "view@aurora.example", "--password-stdin");
        var lastAdmin = await CliRun.OnAsync(database, null, "user", "disable", "--email", "boss@aurora.example");

        disabled.ExitCode.ShouldBe(0, disabled.Error);
        listed.Out.Split('\n').Single(l => l.StartsWith("view@", StringComparison.Ordinal)).ShouldEndWith("disabled");
        enabled.ExitCode.ShouldBe(0);
        reset.ExitCode.ShouldBe(0, reset.Error);
        weak.ExitCode.ShouldBe(2);
        weak.Error.ShouldContain("at least 12 characters");
        lastAdmin.ExitCode.ShouldBe(2);
        lastAdmin.Error.ShouldContain("last enabled admin");
    }

    [Fact]
    public async Task A_sqlite_backup_is_written_once_and_never_over_an_existing_file()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = database.Folder.File("backup.db");

        var first = await CliRun.OnAsync(database, null, "db", "backup", file);
        var second = await CliRun.OnAsync(database, null, "db", "backup", file);

        first.ExitCode.ShouldBe(0, first.Error);
        File.Exists(file).ShouldBeTrue();
        second.ExitCode.ShouldBe(2);
        second.Error.ShouldContain("already exists");
    }

    [Fact]
    public async Task The_demo_loads_once_and_prints_its_sign_ins()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);

        var seeded = await CliRun.OnAsync(database, null, "demo", "seed");
        var again = await CliRun.OnAsync(database, null, "demo", "seed");

        seeded.ExitCode.ShouldBe(0, seeded.Error);
        seeded.Out.ShouldContain("admin@aurora-medical.example");
        seeded.Out.ShouldContain("ssk_");
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("already holds data");
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_a_configuration_error()
    {
        var run = await CliRun.RunAsync(null, new Hashtable { ["Database__Provider"] = "Postgres" }, "db", "info");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("secondsource: Database:Provider is Postgres but ConnectionStrings:SecondSource is not set");
    }

    [Fact]
    public async Task An_unreachable_postgres_is_one_line_and_exit_3_without_a_stack_trace()
    {
        var run = await CliRun.RunAsync(null, new Hashtable(), "db", "migrate", "--provider", "Postgres", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=p;Timeout=3");

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldStartWith("secondsource: Cannot use PostgreSQL at 127.0.0.1:1/x as u:");
        run.Error.ShouldNotContain("   at ");
        run.Error.ShouldNotContain("Password=p");
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_is_named_in_the_error()
    {
        using var folder = new TempFolder("blocked");
        var blocker = folder.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "");

        var run = await CliRun.RunAsync(null, new Hashtable { ["SECONDSOURCE_DATA"] = Path.Combine(blocker, "data") }, "db", "migrate");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"secondsource: The data folder {Path.Combine(blocker, "data")} cannot be written");
    }
}
