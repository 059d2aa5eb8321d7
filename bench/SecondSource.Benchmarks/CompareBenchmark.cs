using System.Globalization;

namespace SecondSource.Benchmarks;

/// <summary>
/// Line comparison at scale: two seeded logs of N measurements each (200 a unit; the primary "PR" and the second line
/// "VE"), compared (1) as files with <c>testdata compare A B --json</c> — two passes over each file, no database — and
/// (2) from the stored batch statistics after importing both into SQLite, with <c>testdata compare --product</c>, which
/// reads no raw value. Wall time and peak resident memory of each command, process start included.
/// </summary>
internal static class CompareBenchmark
{
    public static int Run(string[] args)
    {
        var measurements = BomAuditBenchmark.Option(args, "--measurements", 10_000_000);
        var units = Math.Max(1, measurements / 200);
        var folder = Path.Combine(BomAuditBenchmark.RepositoryRoot(), "artifacts", "bench", $"compare-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var a = Path.Combine(folder, "primary.csv");
            var b = Path.Combine(folder, "second.csv");
            var batchesA = TestLogGenerator.Write(a, units, 2_500, 7, "PR");
            var batchesB = TestLogGenerator.Write(b, units, 2_500, 8, "VE");
            var rows = File.ReadLines(a).LongCount() - 1 + File.ReadLines(b).LongCount() - 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {rows:N0} measurements in two logs ({(new FileInfo(a).Length + new FileInfo(b).Length) / 1048576.0:F0} MiB), {units:N0} units and {batchesA.Count} batches a side"));

            var data = Path.Combine(folder, "data");
            var (files, filesPeak) = CliProcess.Run(data, "file mode: testdata compare A B --json", "testdata", "compare", a, b, "--json");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rows / files.TotalSeconds:N0} measurements/s read (each file twice); peak {filesPeak / 1048576.0:F0} MiB"));

            CliProcess.Run(data, "  seed the demo", "demo", "seed");
            foreach (var (line, batches) in new[] { ("Pearl River", batchesA), ("Vistula", batchesB) })
            {
                foreach (var batch in batches)
                {
                    CliProcess.Run(data, $"  batch {batch}", "testdata", "batch", "add", "--product", "AUR-VSM200", "--line", line, "--name", batch, "--quantity", "2500", "--start", "2026-01-05");
                }
            }

            CliProcess.Run(data, "  import A", "testdata", "import", a, "--line", "Pearl River");
            CliProcess.Run(data, "  import B", "testdata", "import", b, "--line", "Vistula");
            var best = TimeSpan.MaxValue;
            long peak = 0;
            for (var i = 0; i < 3; i++)
            {
                var (elapsed, p) = CliProcess.Run(data, "stored mode: testdata compare --product (batch statistics)", "testdata", "compare", string.Join(',', batchesA), string.Join(',', batchesB), "--product", "AUR-VSM200", "--json");
                best = elapsed < best ? elapsed : best;
                peak = Math.Max(peak, p);
            }

            CliProcess.Run(data, "  baseline: a command that opens the database and prints the product's batches", "testdata", "batches", "AUR-VSM200");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  best of 3: {best.TotalSeconds:F2} s for {rows:N0} measurements' comparison (process start and model building included); peak {peak / 1048576.0:F0} MiB"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
