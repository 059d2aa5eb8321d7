using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Data.Sqlite;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>
/// Crash consistency (issue 12): the <c>secondsource</c> process is killed with SIGKILL at a random moment while it
/// imports a test log, imports a BOM revision or stores a vault revision; afterwards the installation verifies (SQLite
/// integrity, every stored row's file with its hash, the access log's chain) and each import is wholly there or wholly
/// absent. CI runs a few
/// iterations of each (<c>SECONDSOURCE_CRASH_ITERATIONS</c>, default 3); the full run of 50 is in bench/.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class CrashConsistencyTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("SECONDSOURCE_CRASH_ITERATIONS"), CultureInfo.InvariantCulture, out var n) ? n : 3;

    [Fact]
    public async Task A_process_killed_during_imports_and_uploads_leaves_a_consistent_installation()
    {
        using var data = new TempFolder("crash");
        (await Cli("demo", "seed", "--data", data.Path)).ExitCode.ShouldBe(0);
        var random = new Random(2026);
        // How long each command takes when left alone, measured once: kills land between 10 % and 90 % of it.
        var importTime = await TimeAsync(data.Path, "CRASH-CAL", "testdata");
        var putTime = await TimeAsync(data.Path, "CRASH-CAL", "vault");
        var bomTime = await TimeAsync(data.Path, "CRASH-CAL", "bom");
        var killedDuringWork = 0;
        for (var i = 0; i < Iterations; i++)
        {
            // A test log of 400 units × 50 measurements into a batch of its own.
            var batch = $"CRASH-{i:D3}";
            (await Cli("testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", batch, "--quantity", "400", "--start", "2026-11-02", "--data", data.Path)).ExitCode.ShouldBe(0);
            var log = Path.Combine(data.Path, $"{batch}.csv");
            await File.WriteAllTextAsync(log, Log(batch, 400, 50));
            killedDuringWork += await KillAtRandomAsync(random, importTime, data.Path, "testdata", "import", log, "--line", "Vistula") ? 1 : 0;
            await VerifyAsync(data.Path);
            Units(data.Path, batch).ShouldBeOneOf(0, 400);

            // A 4 MiB vault revision.
            var file = Path.Combine(data.Path, $"vectors-{i}.bin");
            var bytes = new byte[4 << 20];
            random.NextBytes(bytes);
            await File.WriteAllBytesAsync(file, bytes);
            killedDuringWork += await KillAtRandomAsync(random, putTime, data.Path, "vault", "put", "AUR-VSM200", "fctvectors", file) ? 1 : 0;
            await VerifyAsync(data.Path);

            // A BOM revision of 3000 lines with two sources each.
            var bom = Path.Combine(data.Path, $"bom-{i}.csv");
            await File.WriteAllTextAsync(bom, Bom(i, BomLines));
            killedDuringWork += await KillAtRandomAsync(random, bomTime, data.Path, "bom", "import", "AUR-VSM200", bom, "--label", $"CRASH-BOM-{i:D3}") ? 1 : 0;
            await VerifyAsync(data.Path);
            BomLinesOf(data.Path, $"CRASH-BOM-{i:D3}").ShouldBeOneOf(-1, BomLines);
        }

        // The same imports, completed afterwards, still go through: nothing half-written blocks them.
        var again = Path.Combine(data.Path, "CRASH-000.csv");
        var retry = await Cli("testdata", "import", again, "--line", "Vistula", "--data", data.Path);
        retry.ExitCode.ShouldBe(0, retry.Error);
        Units(data.Path, "CRASH-000").ShouldBe(400);
        var bomAgain = await Cli("bom", "import", "AUR-VSM200", Path.Combine(data.Path, "bom-0.csv"), "--label", "CRASH-BOM-RETRY", "--data", data.Path);
        bomAgain.ExitCode.ShouldBe(0, bomAgain.Error);
        BomLinesOf(data.Path, "CRASH-BOM-RETRY").ShouldBe(BomLines);
        await VerifyAsync(data.Path);
        killedDuringWork.ShouldBeGreaterThan(Iterations, "most kills land while the process works");
    }

    private const int BomLines = 3000;

    /// <summary>The wall time of a test-log import, a vault upload or a BOM import run to its end as a process of its own.</summary>
    private static async Task<TimeSpan> TimeAsync(string data, string batch, string what)
    {
        string[] args;
        if (what == "testdata")
        {
            (await Cli("testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", batch, "--quantity", "400", "--start", "2026-11-02", "--data", data)).ExitCode.ShouldBe(0);
            var log = Path.Combine(data, $"{batch}.csv");
            await File.WriteAllTextAsync(log, Log(batch, 400, 50));
            args = ["testdata", "import", log, "--line", "Vistula"];
        }
        else if (what == "bom")
        {
            var bom = Path.Combine(data, "calibration-bom.csv");
            await File.WriteAllTextAsync(bom, Bom(-1, BomLines));
            args = ["bom", "import", "AUR-VSM200", bom, "--label", batch];
        }
        else
        {
            var file = Path.Combine(data, "calibration.bin");
            await File.WriteAllBytesAsync(file, new byte[4 << 20]);
            args = ["vault", "put", "AUR-VSM200", "fctvectors", file];
        }

        var clock = Stopwatch.StartNew();
        using var process = Start(data, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await output + await error);
        return clock.Elapsed;
    }

    private static Process Start(string data, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "secondsource.dll"));
        foreach (var arg in args.Concat(["--data", data]))
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Starts the command as its own process and kills it (SIGKILL) after 10–90 % of its usual time; true when it was still running.</summary>
    private static async Task<bool> KillAtRandomAsync(Random random, TimeSpan usual, string data, params string[] args)
    {
        using var process = Start(data, args);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await Task.Delay(usual * (0.1 + (0.8 * random.NextDouble())));
        var running = !process.HasExited;
        if (running)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        return running;
    }

    private static async Task VerifyAsync(string data)
    {
        var verify = await Cli("db", "verify", "--data", data);
        verify.ExitCode.ShouldBe(0, verify.Out + verify.Error);
    }

    private static long Units(string data, string batch)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, DatabaseSettings.SqliteFileName), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"TestUnits\" u JOIN \"TestBatches\" b ON b.\"Id\" = u.\"BatchId\" WHERE b.\"Name\" = $name";
        command.Parameters.AddWithValue("$name", batch);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The stored lines of the revision with <paramref name="label"/>, or -1 when there is no such revision.</summary>
    private static long BomLinesOf(string data, string label)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, DatabaseSettings.SqliteFileName), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), (SELECT COUNT(*) FROM \"BomRevisions\" WHERE \"Label\" = $label) FROM \"BomRevisionLines\" l JOIN \"BomRevisions\" r ON r.\"Id\" = l.\"RevisionId\" WHERE r.\"Label\" = $label";
        command.Parameters.AddWithValue("$label", label);
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(1) == 0 ? -1 : reader.GetInt64(0);
    }

    /// <summary>A BOM of <paramref name="lines"/> lines, each with two manufacturers' parts (different per file).</summary>
    private static string Bom(int file, int lines)
    {
        var csv = new StringBuilder("Designator,Quantity,Description,Manufacturer 1,MPN 1,Manufacturer 2,MPN 2\n");
        for (var l = 0; l < lines; l++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"R{l + 1},1,Resistor {l} ohm 0402,Yageo,RC0402FR-07{file + 2:D3}{l:D5}L,Vishay,CRCW0402{file + 2:D3}{l:D5}FKED\n");
        }

        return csv.ToString();
    }

    private static Task<CliRun> Cli(params string[] args) => CliRun.RunAsync(null, new Hashtable(), args);

    private static string Log(string batch, int units, int measurements)
    {
        var csv = new StringBuilder("serial,batch,station,test_plan,run_start,run_result,firmware,measurement,value,unit,low,high,result\n");
        var start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        for (var u = 0; u < units; u++)
        {
            var at = start.AddMinutes(u).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            for (var m = 0; m < measurements; m++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{batch}-{u:D5},{batch},FCT-A,TP-4,{at},Passed,2.4.1,M{m:D2},{1 + ((u * 7 + m) % 13) / 100.0},V,0.5,1.5,Passed\n");
            }
        }

        return csv.ToString();
    }
}
