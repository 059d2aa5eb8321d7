using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SecondSource.Benchmarks;

/// <summary>
/// What a person or an operator waits for on an installation (issue 24, item 2), each command run RUNS times through the
/// CLI on the data folder, interleaved, median wall time and peak resident memory: health, a review generated for the
/// demo program and for a generated one, `audit verify`, `db verify`, a full backup and its restore. With the size of
/// what it ran on (rows, database bytes), so the demo, 10× and 100× rows of docs/performance.md compare.
/// SQLite data folders only (the backup and restore are SQLite's; PostgreSQL uses pg_dump).
/// </summary>
internal static class ScaleMeasure
{
    public static int Run(string[] args)
    {
        var data = ScaleGenerator.Argument(args, "--data") ?? throw new ArgumentException("--data DIR is required");
        var runs = BomAuditBenchmark.Option(args, "--runs", 3);
        var quarter = ScaleGenerator.Argument(args, "--quarter") ?? PreviousQuarter(DateTime.UtcNow);
        var provider = ScaleGenerator.Argument(args, "--provider");
        var connection = ScaleGenerator.Argument(args, "--connection");
        // On PostgreSQL every command names the database; the sizes and the program check read the SQLite file only.
        string[] on = provider is null ? [] : ["--provider", provider, "--connection", connection ?? throw new ArgumentException("--connection is required with --provider")];
        var database = Path.Combine(data, "secondsource.db");
        if (provider is null)
        {
            Console.WriteLine(Sizes(database));
        }

        var generated = provider is not null || HasProgram(database, "GEN-G01");
        var commands = new List<(string What, string[] Args)>
        {
            ("health", ["health"]),
            ("review generate (demo program)", ["review", "generate", "--program", "AUR-VSM200", "--quarter", quarter]),
            ("audit verify", ["audit", "verify"]),
            ("db verify", ["db", "verify"]),
        };
        if (generated)
        {
            commands.Insert(2, ("review generate (GEN-G01)", ["review", "generate", "--program", "GEN-G01", "--quarter", quarter]));
        }

        var results = commands.ToDictionary(c => c.What, _ => new List<(double Seconds, long Peak)>());
        var scratch = Path.Combine(Path.GetTempPath(), $"ss-scale-measure-{Guid.NewGuid():N}");
        try
        {
            for (var run = 0; run < runs; run++)
            {
                Directory.CreateDirectory(scratch);
                foreach (var (what, command) in commands)
                {
                    var (elapsed, peak) = CliProcess.Run(data, what, [.. command, .. on]);
                    results[what].Add((elapsed.TotalSeconds, peak));
                }

                if (provider is not null)
                {
                    // On PostgreSQL the database is backed up with pg_dump (docs/operations.md), not by the product.
                    Directory.Delete(scratch, recursive: true);
                    continue;
                }

                var backup = Path.Combine(scratch, $"backup-{run}");
                var (backupTime, backupPeak) = CliProcess.Run(data, "db backup --full", "db", "backup", backup, "--full");
                results.TryAdd("db backup --full", []);
                results["db backup --full"].Add((backupTime.TotalSeconds, backupPeak));

                var restored = Path.Combine(scratch, $"restored-{run}");
                var (restoreTime, restorePeak) = CliProcess.Run(data, "db restore", "db", "restore", backup, "--into", restored);
                results.TryAdd("db restore", []);
                results["db restore"].Add((restoreTime.TotalSeconds, restorePeak));
                Directory.Delete(scratch, recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| command ({Path.GetFileName(Path.GetFullPath(data))}) | median s | peak MiB |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (what, values) in results)
        {
            var seconds = values.Select(v => v.Seconds).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {seconds[seconds.Count / 2]:F2} | {values.Max(v => v.Peak) / 1048576.0:F0} |"));
        }

        return 0;
    }

    private static string PreviousQuarter(DateTime now)
    {
        var q = (now.Month - 1) / 3;
        return q == 0 ? $"{now.Year - 1}Q4" : $"{now.Year}Q{q}";
    }

    private static bool HasProgram(string database, string code)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Products WHERE Code = $code";
        command.Parameters.AddWithValue("$code", code);
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>What the installation holds: the tables that grow with its history, and the database's size.</summary>
    private static string Sizes(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        long Count(string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            return (long)command.ExecuteScalar()!;
        }

        long measurements;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT coalesce(sum(Count), 0) FROM BatchMeasurementStatistics";
            measurements = (long)command.ExecuteScalar()!;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{database}: {new FileInfo(database).Length / 1048576.0:F0} MiB; programs {Count("Programs")}, batches {Count("TestBatches"):N0}, units {Count("TestUnits"):N0}, runs {Count("TestRuns"):N0}, measurements {measurements:N0}, BOM revisions {Count("BomRevisions")}, BOM lines {Count("BomRevisionLines"):N0}, parts {Count("Parts"):N0}, access-log entries {Count("AccessLog"):N0}");
    }
}
