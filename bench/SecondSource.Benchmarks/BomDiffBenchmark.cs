using System.Diagnostics;
using System.Globalization;
using SecondSource.Application.Boms;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Benchmarks;

/// <summary>
/// <c>bom diff</c> on two large revisions of one generated BOM (the second with every 50th line removed, every 20th
/// 0402 line's footprint changed and 1 % of lines added), against its floor measured in the same run: reading and auditing
/// both files, which any comparison must do. Interleaved runs, medians.
/// </summary>
internal static class BomDiffBenchmark
{
    public static int Run(string[] args)
    {
        var lines = BomAuditBenchmark.Option(args, "--lines", 200_000);
        var runs = BomAuditBenchmark.Option(args, "--runs", 5);
        var folder = Path.Combine(BomAuditBenchmark.RepositoryRoot(), "artifacts", "bench");
        Directory.CreateDirectory(folder);
        var before = Path.Combine(folder, $"diff-before-{lines}.csv");
        var after = Path.Combine(folder, $"diff-after-{lines}.csv");
        var extra = Path.Combine(folder, $"diff-extra-{lines}.csv");
        BomGenerator.Write(before, lines, 42);
        BomGenerator.Write(extra, lines / 100, 7);
        using (var writer = new StreamWriter(after))
        {
            var n = 0;
            foreach (var line in File.ReadLines(before))
            {
                n++;
                if (n > 1 && n % 50 == 0)
                {
                    continue;
                }

                writer.WriteLine(n > 1 && n % 20 == 0 ? line.Replace(",Package_0402,", ",Package_0603,", StringComparison.Ordinal) : line);
            }

            foreach (var line in File.ReadLines(extra).Skip(1))
            {
                writer.WriteLine(line);
            }
        }

        // Warm up both paths once.
        Floor(before, after);
        Diff(before, after);
        var floor = new List<double>();
        var diff = new List<double>();
        BomComparison? result = null;
        for (var i = 0; i < runs; i++)
        {
            floor.Add(Time(() => Floor(before, after)));
            diff.Add(Time(() => result = Diff(before, after)));
        }

        var f = Median(floor);
        var d = Median(diff);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lines:N0} lines before, {result!.LinesAfter:N0} after: {result.Added:N0} added, {result.Removed:N0} removed, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor (read and audit both files): median {f:F2} s of {runs}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bom diff (both files, pairing, changes): median {d:F2} s of {runs}; {d / f:F2}x the floor"));
        return 0;
    }

    private static int Floor(string before, string after)
    {
        var n = 0;
        foreach (var path in new[] { before, after })
        {
            using var stream = File.OpenRead(path);
            var auditor = new BomAuditor(CriticalityPolicy.Default);
            foreach (var line in BomReader.Open(path, stream, new BomReadOptions()).ReadLines())
            {
                auditor.Audit(line);
                n++;
            }
        }

        return n;
    }

    private static BomComparison Diff(string before, string after) =>
        CompareBomRevisionsHandler.CompareFiles(before, after, new BomReadOptions(), CriticalityPolicy.Default);

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
