using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

public sealed class VaultCommandTests
{
    [Fact]
    public async Task A_file_is_put_listed_fetched_unchanged_and_the_log_verifies_until_tampered_with()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var source = Path.Combine(database.Folder.Path, "fct-vectors-v3.csv");
        var fetched = Path.Combine(database.Folder.Path, "fetched.csv");
        await File.WriteAllTextAsync(source, "step,net,low,high\n1,VCC_3V3,3.20,3.40\n");

        var put = await CliRun.OnAsync(database, null, "vault", "put", "AUR-VSM200", "fctvectors", source, "--note", "v3: tighter 3V3 window");
        var badKind = await CliRun.OnAsync(database, null, "vault", "put", "AUR-VSM200", "schematics", source);
        var list = await CliRun.OnAsync(database, null, "vault", "list", "AUR-VSM200");

        put.ExitCode.ShouldBe(0, put.Error);
        put.Out.ShouldContain("fct-vectors-v3.csv is revision 1 of FCT vectors for AUR-VSM200");
        badKind.ExitCode.ShouldBe(2);
        badKind.Error.ShouldContain("'schematics' is not a checklist item");
        var row = list.Out.Split('\n').Single(l => l.StartsWith("FCT vectors", StringComparison.Ordinal));
        var revision = row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        list.Out.Split('\n').Count(l => l.Contains("missing", StringComparison.Ordinal)).ShouldBe(4, "the demo package has 8 of 13 items; FCT vectors were just added");

        var get = await CliRun.OnAsync(database, null, "vault", "get", revision, "--out", fetched);
        var again = await CliRun.OnAsync(database, null, "vault", "get", revision, "--out", fetched);
        get.ExitCode.ShouldBe(0, get.Error);
        (await File.ReadAllBytesAsync(fetched)).ShouldBe(await File.ReadAllBytesAsync(source));
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("never overwrites");

        var verified = await CliRun.OnAsync(database, null, "audit", "verify");
        verified.ExitCode.ShouldBe(0);
        verified.Out.ShouldContain("46 entries", customMessage: "the demo's 44 entries (uploads, NDAs, grants, acknowledgements), this put and this get");

        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.Database.MigrateAsync();
            await db.AccessLog.Where(e => e.Sequence == 1).ExecuteUpdateAsync(u => u.SetProperty(e => e.ClientAddress, "203.0.113.7"));
        }

        var broken = await CliRun.OnAsync(database, null, "audit", "verify");
        broken.ExitCode.ShouldBe(1);
        broken.Error.ShouldContain("broken at entry 1");
    }
}
