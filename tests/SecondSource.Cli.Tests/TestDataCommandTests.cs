using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

public sealed class TestDataCommandTests
{
    private const string Header = "serial,batch,station,run_start,run_result,measurement,value,unit,low,high,result\n";

    private static string Log(int units, int measurements, string batch = "P1")
    {
        var csv = new StringBuilder(Header);
        for (var u = 0; u < units; u++)
        {
            for (var m = 0; m < measurements; m++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"VE-{u:D6},{batch},FCT-1,2026-11-20T08:{u / 60 % 60:D2}:{u % 60:D2}Z,Passed,M{m},{3300 + (u * 7 + m) % 13},mV,3200,3400,Passed\n");
            }
        }

        return csv.ToString();
    }

    [Fact]
    public async Task Batches_are_opened_logs_imported_once_and_a_bad_file_is_refused_with_its_line()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var folder = Path.Combine(database.Folder.Path, "logs");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "a.csv"), Log(12, 4));
        await File.WriteAllTextAsync(Path.Combine(folder, "b.csv"), Header + "VE-000099,P1,FCT-1,2026-11-21T08:00:00Z,Passed,M0,3.3,furlong,,,Passed\n");

        var added = await CliRun.OnAsync(database, null, "testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", "P1", "--kind", "pilot", "--quantity", "50", "--start", "2026-11-19");
        var again = await CliRun.OnAsync(database, null, "testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", "P1", "--quantity", "50", "--start", "2026-11-19");
        var badKind = await CliRun.OnAsync(database, null, "testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", "P2", "--kind", "final", "--quantity", "50", "--start", "2026-11-19");
        var import = await CliRun.OnAsync(database, null, "testdata", "import", folder, "--line", "Vistula");
        var twice = await CliRun.OnAsync(database, null, "testdata", "import", Path.Combine(folder, "a.csv"), "--line", "vistula");
        var extra = Path.Combine(Path.GetDirectoryName(folder)!, $"extra-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(extra, Header + "VE-000777,P1,FCT-1,2026-11-21T09:00:00Z,Passed,M0,3300,mV,3200,3400,Passed\n");
        var ignoredBatch = await CliRun.OnAsync(database, null, "testdata", "import", extra, "--line", "Vistula", "--batch", "P9");
        File.Delete(extra);
        var batches = await CliRun.OnAsync(database, null, "testdata", "batches", "AUR-VSM200");

        added.ExitCode.ShouldBe(0, added.Error);
        added.Out.ShouldContain("Batch 'P1' (Pilot, 50 units) of AUR-VSM200 on Vistula EMS Sp. z o.o. (Gdańsk) / SMT line 1");
        again.ExitCode.ShouldNotBe(0);
        again.Error.ShouldContain("already has a batch named 'P1'");
        badKind.Error.ShouldContain("--kind 'final' is not one of Pilot, Production, Drill, Golden");
        import.ExitCode.ShouldBe(2, "one file was refused: an input error");
        import.Out.ShouldContain("a.csv: 12 runs (12 new units, 48 measurements) into P1.");
        import.Error.ShouldContain("Refused b.csv, line 2, field unit: 'furlong' is not a unit");
        import.Out.ShouldContain("1 of 2 files imported");
        twice.Out.ShouldContain("a.csv: already imported; nothing changed.");
        ignoredBatch.ExitCode.ShouldBe(0, ignoredBatch.Error);
        ignoredBatch.Error.ShouldContain("warning: --batch had no effect on extra-");
        ignoredBatch.Error.ShouldContain("its rows name their batches (P1)");
        batches.Out.Split('\n').Single(l => l.Contains("P1", StringComparison.Ordinal)).ShouldContain("13      100.0 %");

        var boundKey = await CliRun.OnAsync(database, null, "apikey", "create", "--party", "Vistula EMS Sp. z o.o. (Gdańsk)", "--name", "FCT-1 station", "--line", "SMT line 1");
        var foreignLine = await CliRun.OnAsync(database, null, "apikey", "create", "--party", "Vistula EMS Sp. z o.o. (Gdańsk)", "--name", "FCT-9", "--line", "Pearl River");
        boundKey.ExitCode.ShouldBe(0, boundKey.Error);
        foreignLine.ExitCode.ShouldBe(2);
        foreignLine.Error.ShouldContain("No line matches 'Pearl River' (--line). They are: Vistula EMS Sp. z o.o. (Gdańsk) / SMT line 1.");
    }

    [Fact]
    public async Task An_import_killed_halfway_leaves_no_trace_and_the_file_imports_afterwards()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        (await CliRun.OnAsync(database, null, "testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", "P1", "--quantity", "9000", "--start", "2026-11-19")).ExitCode.ShouldBe(0);
        var log = Path.Combine(database.Folder.Path, "big.csv");
        await File.WriteAllTextAsync(log, Log(8_000, 200));
        var wal = Path.Combine(database.Folder.Path, "secondsource.db-wal");
        var walBefore = File.Exists(wal) ? new FileInfo(wal).Length : 0;

        // A real process, killed once its transaction has written a few megabytes (well before its end).
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "secondsource.dll"), "--data", database.Folder.Path, "testdata", "import", log, "--line", "Vistula" })
        {
            info.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(info)!)
        {
            var watch = Stopwatch.StartNew();
            while (!process.HasExited && (!File.Exists(wal) || new FileInfo(wal).Length < walBefore + (4 << 20)) && watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(5);
            }

            process.HasExited.ShouldBeFalse("the import must still be running when it is killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            (await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()).ShouldBe(["ok"]);
            // The demo's own year of test data stays; nothing of batch P1 may.
            var p1 = db.TestBatches.Where(b => b.Name == "P1").Select(b => b.Id);
            (await db.TestRuns.CountAsync(r => p1.Contains(r.BatchId))).ShouldBe(0);
            (await db.TestUnits.CountAsync(u => p1.Contains(u.BatchId))).ShouldBe(0);
            (await db.BatchStatistics.CountAsync(s => p1.Contains(s.BatchId))).ShouldBe(0);
            (await db.TestDataImports.CountAsync(i => i.FileName == "big.csv")).ShouldBe(0);
        }

        var retry = await CliRun.OnAsync(database, null, "testdata", "import", log, "--line", "Vistula");
        retry.ExitCode.ShouldBe(0, retry.Error);
        retry.Out.ShouldContain("big.csv: 8000 runs (8000 new units, 1600000 measurements) into P1.");
    }

    [Fact]
    public async Task Stored_batches_are_compared_and_the_pilot_gate_is_printed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);

        var compared = await CliRun.OnAsync(database, null, "testdata", "compare", "PR-GOLDEN", "VE-PILOT", "--product", "AUR-VSM200", "--json");
        compared.ExitCode.ShouldBe(1, compared.Error);
        using (var json = System.Text.Json.JsonDocument.Parse(compared.Out))
        {
            json.RootElement.GetProperty("a").GetString().ShouldBe("PR-GOLDEN");
            json.RootElement.GetProperty("summary").GetProperty("Different").GetInt32().ShouldBe(2);
        }

        var widened = await CliRun.OnAsync(database, null, "testdata", "compare", "PR-GOLDEN", "VE-PILOT", "--product", "AUR-VSM200", "--margin", "I_IDLE=0.003", "--margin", "ETH_LINK_TIME=0.25");
        widened.ExitCode.ShouldBe(0, widened.Out + widened.Error);
        widened.Out.ShouldContain("12 equivalent, 0 different");
        (await CliRun.OnAsync(database, null, "testdata", "compare", "PR-GOLDEN", "NOPE", "--product", "AUR-VSM200")).Error.ShouldContain("b: batch 'NOPE' matches 0 batches");

        var gate = await CliRun.OnAsync(database, null, "testdata", "pilot", "AUR-VSM200", "--line", "Vistula");
        gate.ExitCode.ShouldBe(1);
        gate.Out.ShouldContain("NOT met  No DFM item open: open: Idle current higher on the pilot");
        gate.Out.ShouldContain("The gate does not pass.");
    }
}
