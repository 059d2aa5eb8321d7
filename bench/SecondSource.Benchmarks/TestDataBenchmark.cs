using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SecondSource.Benchmarks;

/// <summary>
/// Test-data ingest at scale: a seeded log of N measurements (200 a unit) imported with <c>secondsource testdata
/// import</c> into SQLite, and into PostgreSQL when SECONDSOURCE_BENCH_POSTGRES (or SECONDSOURCE_TEST_POSTGRES) names
/// a server; measurements per second and bytes stored per measurement; the peer is <c>sqlite3 .import</c> of the same
/// rows into a plain table.
/// </summary>
internal static class TestDataBenchmark
{
    public static int Run(string[] args)
    {
        var measurements = BomAuditBenchmark.Option(args, "--measurements", 10_000_000);
        var units = Math.Max(1, measurements / 200);
        var folder = Path.Combine(BomAuditBenchmark.RepositoryRoot(), "artifacts", "bench", $"testdata-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var log = Path.Combine(folder, "vistula-fct.csv");
        try
        {
            var watch = Stopwatch.StartNew();
            var batches = TestLogGenerator.Write(log, units, 2_500, 42);
            var rows = File.ReadLines(log).LongCount() - 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {rows:N0} measurements of {units:N0} units in {batches.Count} batches ({new FileInfo(log).Length / 1048576.0:F0} MiB) in {watch.Elapsed.TotalSeconds:F1} s"));

            // Published builds to compare (--build DIR, repeatable): each imports the same log into its own fresh demo, in
            // turn, --runs times; the medians are printed side by side (the machine is shared: interleaving spreads its noise).
            var builds = new List<string>();
            for (var i = 0; i < args.Length - 1; i++)
            {
                if (args[i] == "--build")
                {
                    builds.Add(Path.Combine(Path.GetFullPath(args[i + 1]), "secondsource.dll"));
                }
            }

            if (builds.Count > 0)
            {
                var runs = BomAuditBenchmark.Option(args, "--runs", 3);
                var seconds = builds.ToDictionary(b => b, _ => new List<double>());
                for (var run = 0; run < runs; run++)
                {
                    foreach (var build in builds)
                    {
                        CliProcess.Cli = build;
                        var data = Path.Combine(folder, $"sqlite-{run}-{builds.IndexOf(build)}");
                        seconds[build].Add(Ingest(data, [], batches, log, rows, () => SqliteBytes(data)));
                        Directory.Delete(data, recursive: true);
                    }
                }

                foreach (var build in builds)
                {
                    var sorted = seconds[build].Order().ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{build}: median {sorted[sorted.Count / 2]:F2} s ({rows / sorted[sorted.Count / 2]:N0} measurements/s) of {runs}"));
                }

                Peer(folder, log, rows);
                return 0;
            }

            var sqlite = Path.Combine(folder, "sqlite");
            Ingest(sqlite, [], batches, log, rows, () => SqliteBytes(sqlite));

            Peer(folder, log, rows);

            var postgres = Environment.GetEnvironmentVariable("SECONDSOURCE_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
                : Environment.GetEnvironmentVariable("SECONDSOURCE_TEST_POSTGRES") is { Length: > 0 } test ? test : null;
            if (postgres is not null)
            {
                var database = $"ss_bench_{Guid.NewGuid():N}"[..20];
                using (var admin = new NpgsqlConnection(postgres))
                {
                    admin.Open();
                    using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                    create.ExecuteNonQuery();
                }

                var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
                try
                {
                    Ingest(Path.Combine(folder, "pg"), ["--provider", "Postgres", "--connection", connection], batches, log, rows, () =>
                    {
                        using var conn = new NpgsqlConnection(connection);
                        conn.Open();
                        using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", conn);
                        return (long)size.ExecuteScalar()!;
                    });
                }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    using var admin = new NpgsqlConnection(postgres);
                    admin.Open();
                    using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                    drop.ExecuteNonQuery();
                }
            }
            else
            {
                Console.WriteLine("PostgreSQL: skipped (set SECONDSOURCE_BENCH_POSTGRES to a server's connection string)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The SQLite file of a data folder with its write-ahead log.</summary>
    private static long SqliteBytes(string data)
    {
        var db = Path.Combine(data, "secondsource.db");
        return new FileInfo(db).Length + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0);
    }

    /// <summary>Seeds the demo, adds the log's batches, imports it; prints the rate and bytes stored and returns the import's seconds.</summary>
    private static double Ingest(string data, string[] provider, IReadOnlyList<string> batches, string log, long rows, Func<long> storedBytes)
    {
        string[] With(params string[] args) => [.. args, .. provider];
        CliProcess.Run(data, "  seed the demo", With("demo", "seed"));
        foreach (var batch in batches)
        {
            CliProcess.Run(data, $"  batch {batch}", With("testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", batch, "--quantity", "2500", "--start", "2026-01-05"));
        }

        var before = storedBytes();
        var (elapsed, _) = CliProcess.Run(data, $"{(provider.Length == 0 ? "SQLite" : "PostgreSQL")}: testdata import", With("testdata", "import", log, "--line", "Vistula"));
        var after = storedBytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {rows / elapsed.TotalSeconds:N0} measurements/s (wall time of the whole command, process start included); {(after - before) / (double)rows:F2} bytes stored per measurement"));
        return elapsed.TotalSeconds;
    }

    private static void Peer(string folder, string log, long rows)
    {
        var db = Path.Combine(folder, "peer.db");
        var info = new ProcessStartInfo("sqlite3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(db);
        var watch = Stopwatch.StartNew();
        try
        {
            using var process = Process.Start(info)!;
            process.StandardInput.WriteLine(".mode csv");
            process.StandardInput.WriteLine($".import {log} measurements");
            process.StandardInput.Close();
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("peer: sqlite3 is not installed (apt-get install sqlite3)");
            return;
        }

        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peer: sqlite3 .import into a plain table: {watch.Elapsed.TotalSeconds:F1} s, {rows / watch.Elapsed.TotalSeconds:N0} rows/s, {new FileInfo(db).Length / (double)rows:F2} bytes per row"));
    }
}
