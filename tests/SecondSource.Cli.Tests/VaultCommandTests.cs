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
        badKind.Error.ShouldContain("No checklist item matches 'schematics' (kind)");
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
        verified.Out.ShouldContain("117 entries", customMessage: "the demo's 115 entries (vault uploads, NDAs, grants, acknowledgements; keys, releases, certificates, the checkpoint key), this put and this get");

        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.Database.MigrateAsync();
            await db.AccessLog.Where(e => e.Sequence == 1).ExecuteUpdateAsync(u => u.SetProperty(e => e.ClientAddress, "203.0.113.7"));
        }

        var broken = await CliRun.OnAsync(database, null, "audit", "verify");
        broken.ExitCode.ShouldBe(1);
        broken.Error.ShouldContain("broken at entry 1");
    }

    [Fact]
    public async Task NDAs_and_grants_are_recorded_listed_and_revoked_from_the_command_line()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var document = Path.Combine(database.Folder.Path, "nda-dongguan.pdf");
        await File.WriteAllTextAsync(document, "%PDF-1.4 signed");
        var today = DateTime.UtcNow;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var grant = await CliRun.OnAsync(database, null, "vault", "grant", "AUR-VSM200", "gerbers", "--line", "dongguan allied ems / line a2", "--until", Day(30), "--revision", "1");
        var unknownLine = await CliRun.OnAsync(database, null, "vault", "grant", "AUR-VSM200", "gerbers", "--line", "Nowhere / Line 9", "--until", Day(30));
        var badDay = await CliRun.OnAsync(database, null, "vault", "grant", "AUR-VSM200", "gerbers", "--line", "Dongguan Allied EMS / Line A2", "--until", "soon");
        var missingItem = await CliRun.OnAsync(database, null, "vault", "grant", "AUR-VSM200", "odbplusplus", "--line", "Dongguan Allied EMS / Line A2", "--until", Day(30));
        var waiting = await CliRun.OnAsync(database, null, "vault", "grants", "AUR-VSM200");
        var nda = await CliRun.OnAsync(database, null, "vault", "nda", "--manufacturer", "Dongguan Allied EMS", "--scope", "VSM-200 quotation", "--signed", Day(-1), "--expires", Day(365), "--document", document);
        var reversed = await CliRun.OnAsync(database, null, "vault", "nda", "--manufacturer", "Dongguan Allied EMS", "--scope", "x", "--signed", Day(-1), "--expires", Day(-2), "--document", document);
        var live = await CliRun.OnAsync(database, null, "vault", "grants", "AUR-VSM200", "--json");

        grant.ExitCode.ShouldBe(0, grant.Error);
        grant.Out.ShouldContain("Dongguan Allied EMS / Line A2 has access to Gerbers of AUR-VSM200");
        var grantId = grant.Out.Trim().Split(' ')[^1].TrimEnd('.');
        unknownLine.ExitCode.ShouldBe(2);
        unknownLine.Error.ShouldContain("No line matches 'Nowhere / Line 9' (--line)");
        badDay.Error.ShouldContain("--until 'soon' is not a day; write it as yyyy-MM-dd");
        missingItem.ExitCode.ShouldNotBe(0);
        missingItem.Error.ShouldContain("has no ODB++");
        waiting.Out.Split('\n').Single(l => l.Contains(grantId, StringComparison.Ordinal)).ShouldContain("no NDA");
        nda.ExitCode.ShouldBe(0, nda.Error);
        reversed.ExitCode.ShouldNotBe(0);
        reversed.Error.ShouldContain("must be after the day it was signed");
        live.Out.ShouldContain($"\"id\": \"{grantId}\"");
        live.Out.ShouldContain("\"pinnedRevision\": 1");

        var revoked = await CliRun.OnAsync(database, null, "vault", "revoke", grantId, "--reason", "quotation closed");
        var twice = await CliRun.OnAsync(database, null, "vault", "revoke", grantId, "--reason", "again");
        var after = await CliRun.OnAsync(database, null, "vault", "grants", "AUR-VSM200");
        var verified = await CliRun.OnAsync(database, null, "audit", "verify");

        revoked.ExitCode.ShouldBe(0, revoked.Error);
        revoked.Out.ShouldContain("Revoked: Dongguan Allied EMS / Line A2");
        twice.Error.ShouldContain("already revoked");
        after.Out.Split('\n').Single(l => l.Contains(grantId, StringComparison.Ordinal)).ShouldContain("grant revoked");
        verified.Out.ShouldContain("118 entries", customMessage: "the demo's 115, this grant, this NDA, this revocation, and nothing for refused inputs");
    }
}
