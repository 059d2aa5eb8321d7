using System.Collections;
using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>
/// Issue 23, finding 3, from the command line: `audit verify` and `db verify` said "unchanged, in order, none missing"
/// after the newest entries were deleted. With signed checkpoints they name the cut and the checkpoint it contradicts;
/// a backup restored over a newer checkpoint says so; a checkpoint file verifies with OpenSSL alone.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class AccessLogCheckpointCommandTests
{
    [Fact]
    public async Task Deleting_the_newest_entries_is_reported_by_audit_verify_and_db_verify_with_the_checkpoint_it_contradicts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var file = Directory.GetFiles(Path.Combine(database.Folder.Path, "checkpoints")).Single();
        Path.GetFileName(file).ShouldStartWith("000000000115-", customMessage: "the demo signs its log's 115 entries last");

        var verified = await CliRun.OnAsync(database, null, "audit", "verify");
        verified.ExitCode.ShouldBe(0, verified.Error);
        verified.Out.ShouldContain("115 entries");
        verified.Out.ShouldContain($"It agrees with the checkpoint signed ");
        verified.Out.ShouldContain($"over 115 entries (the database and {file})");

        // The finding: delete from AccessLog where Sequence >= N.
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AccessLog.Where(e => e.Sequence >= 110).ExecuteDeleteAsync();
        }

        var audit = await CliRun.OnAsync(database, null, "audit", "verify");
        var json = await CliRun.OnAsync(database, null, "audit", "verify", "--json");
        var dbVerify = await CliRun.OnAsync(database, null, "db", "verify");
        var sign = await CliRun.OnAsync(database, null, "audit", "checkpoint");

        audit.ExitCode.ShouldBe(1);
        audit.Out.ShouldContain("hash chain verifies: 109 entries");
        audit.Error.ShouldContain($"Checkpoint contradicted: the log ends at entry 109, but the checkpoint signed ");
        audit.Error.ShouldContain($"(the database and {file}) covers 115: entries 110–115 are gone — cut from the log, or a backup older than the checkpoint was restored.");
        json.ExitCode.ShouldBe(1);
        json.Out.ShouldContain("\"intact\": false");
        json.Out.ShouldContain("\"outcome\": \"Truncated\"");
        dbVerify.ExitCode.ShouldBe(1);
        dbVerify.Out.ShouldContain("access log: the log ends at entry 109");
        sign.ExitCode.ShouldNotBe(0);
        sign.Error.ShouldContain("Nothing was signed");
    }

    [Fact]
    public async Task A_backup_restored_over_a_newer_checkpoint_says_so_and_a_checkpoint_verifies_with_openssl()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        using var work = new TempFolder("checkpoint-restore");
        var backup = work.File("backup");
        (await CliRun.OnAsync(database, null, "db", "backup", backup, "--full")).ExitCode.ShouldBe(0);

        // After the backup the log grows and the hour's checkpoint vouches for it.
        var vectors = work.File("vectors.csv");
        await File.WriteAllTextAsync(vectors, "step,net,low,high\n1,VCC,3.2,3.4\n");
        (await CliRun.OnAsync(database, null, "vault", "put", "AUR-VSM200", "fctvectors", vectors)).ExitCode.ShouldBe(0);
        var signed = await CliRun.OnAsync(database, null, "audit", "checkpoint");
        signed.ExitCode.ShouldBe(0, signed.Error);
        signed.Out.ShouldStartWith("Signed a checkpoint of the access log: 116 entries");
        var checkpoints = Path.Combine(database.Folder.Path, "checkpoints");
        var newest = Directory.GetFiles(checkpoints).Order(StringComparer.Ordinal).Last();
        Path.GetFileName(newest).ShouldStartWith("000000000116-");

        var restored = work.File("restored");
        (await CliRun.RunAsync(null, new Hashtable(), "db", "restore", backup, "--into", restored, "--data", work.File("unused"))).ExitCode.ShouldBe(0);
        File.Copy(Path.Combine(database.Folder.Path, "keystore-kek"), Path.Combine(restored, "keystore-kek"));

        // The restored database agrees with the checkpoint it carries; the newer one kept outside shows the rollback.
        var alone = await CliRun.RunAsync(null, new Hashtable(), "audit", "verify", "--data", restored);
        var against = await CliRun.RunAsync(null, new Hashtable(), "audit", "verify", "--data", restored, "--checkpoint", checkpoints);
        var shared = await CliRun.RunAsync(null, new Hashtable { ["Audit__CheckpointFolder"] = checkpoints }, "db", "verify", "--data", restored);
        var missing = await CliRun.RunAsync(null, new Hashtable(), "audit", "verify", "--data", restored, "--checkpoint", work.File("nowhere"));

        alone.ExitCode.ShouldBe(0, alone.Error);
        alone.Out.ShouldContain("over 115 entries (the database)");
        against.ExitCode.ShouldBe(1, against.Out);
        against.Error.ShouldContain($"the log ends at entry 115, but the checkpoint signed ");
        against.Error.ShouldContain($"({newest}) covers 116: entry 116 is gone — cut from the log, or a backup older than the checkpoint was restored.");
        shared.ExitCode.ShouldBe(1, shared.Out);
        shared.Out.ShouldContain($"({newest}) covers 116: entry 116 is gone");
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain($"{work.File("nowhere")}: no such file or folder.");

        // The file is checked with OpenSSL alone: the first seven lines are what is signed.
        if (!File.Exists("/usr/bin/openssl"))
        {
            Assert.Skip("openssl is not installed (Debian: openssl); .ci/run installs it.");
        }

        var lines = await File.ReadAllLinesAsync(newest);
        await File.WriteAllTextAsync(work.File("body"), string.Join('\n', lines[..7]) + "\n");
        await File.WriteAllBytesAsync(work.File("key.der"), Convert.FromBase64String(lines[7]["public-key: ".Length..]));
        await File.WriteAllBytesAsync(work.File("signature"), Convert.FromBase64String(lines[8]["signature: ".Length..]));
        (await OpensslAsync("pkey", "-pubin", "-inform", "DER", "-in", work.File("key.der"), "-out", work.File("key.pem"))).Code.ShouldBe(0);
        var good = await OpensslAsync("dgst", "-sha256", "-verify", work.File("key.pem"), "-signature", work.File("signature"), work.File("body"));
        good.Output.ShouldContain("Verified OK");
        await File.WriteAllTextAsync(work.File("body"), string.Join('\n', lines[..7]).Replace("size: 116", "size: 117", StringComparison.Ordinal) + "\n");
        (await OpensslAsync("dgst", "-sha256", "-verify", work.File("key.pem"), "-signature", work.File("signature"), work.File("body"))).Output.ShouldContain("Verification failure");
    }

    private static async Task<(int Code, string Output)> OpensslAsync(params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("openssl", args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
