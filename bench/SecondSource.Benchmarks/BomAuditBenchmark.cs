using System.Diagnostics;
using System.Globalization;
using nietras.SeparatedValues;
using SecondSource.Application.Boms;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Formats.Boms.Reports;

namespace SecondSource.Benchmarks;

/// <summary>
/// The BOM audit at scale: a plain Sep scan of the file (the ceiling), the reader alone, the whole audit with JSON
/// output in process, and the <c>secondsource bom audit --output json</c> command end to end with its peak memory,
/// at two file sizes to show that memory does not grow with the file.
/// </summary>
internal static class BomAuditBenchmark
{
    public static int Run(string[] args)
    {
        var lines = Option(args, "--lines", 1_000_000);
        if (Text(args, "--parse-only") is { } parseFile)
        {
            // For a profiler: the reader alone on a given file, three times (--alloc: which types it allocates, sampled every 100 KB).
            using var allocations = args.Contains("--alloc") ? new AllocationSampler() : null;
            for (var i = 0; i < 3; i++)
            {
                var (g0, g1, g2, bytes) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
                var watch = Stopwatch.StartNew();
                var count = ParseOnly(parseFile);
                Console.WriteLine($"parse only: {count:N0} lines in {watch.Elapsed.TotalSeconds:F3} s; GCs {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, " +
                    $"{(GC.GetTotalAllocatedBytes() - bytes) / 1048576.0:F0} MiB allocated, pause {GC.GetTotalPauseDuration().TotalSeconds:F3} s in all");
            }

            allocations?.Print();
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                using var reader = new StreamReader(parseFile);
                var textLines = new SecondSource.Formats.Boms.Reading.TextLines(reader, parseFile, 1 << 20, "utf-8");
                var n = 0;
                while (textLines.TryRead(out _, out _))
                {
                    n++;
                }

                var linesSeconds = watch.Elapsed.TotalSeconds;
                watch.Restart();
                using var reader2 = new StreamReader(parseFile);
                var records = new SecondSource.Formats.Boms.Reading.DelimitedRecords(new SecondSource.Formats.Boms.Reading.TextLines(reader2, parseFile, 1 << 20, "utf-8"), ',', true, 1 << 20);
                var cells = 0;
                while (records.TryRead(out var row))
                {
                    for (var c = 0; c < row.Count; c++)
                    {
                        cells += row.Cell(c)?.Length > 0 ? 1 : 0;
                    }
                }

                Console.WriteLine($"text lines only: {n:N0} in {linesSeconds:F3} s; delimited rows with every cell made: {watch.Elapsed.TotalSeconds:F3} s ({cells:N0} cells)");
            }

            return 0;
        }

        if (Text(args, "--audit-only") is { } auditFile)
        {
            // For a profiler: the whole audit with its JSON report (to nowhere) on a given file, three times.
            for (var i = 0; i < 3; i++)
            {
                var (g0, bytes) = (GC.CollectionCount(0), GC.GetTotalAllocatedBytes());
                var watch = Stopwatch.StartNew();
                var count = FullAudit(auditFile);
                Console.WriteLine($"full audit: {count:N0} lines in {watch.Elapsed.TotalSeconds:F3} s; {GC.CollectionCount(0) - g0} GCs, {(GC.GetTotalAllocatedBytes() - bytes) / 1048576.0:F0} MiB allocated");
            }

            return 0;
        }

        var seed = Option(args, "--seed", 42);
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "bench");
        Directory.CreateDirectory(folder);
        var small = Path.Combine(folder, $"bom-{lines / 4}.csv");
        var large = Path.Combine(folder, $"bom-{lines}.csv");
        Measure("generate", () => { BomGenerator.Write(large, lines, seed); BomGenerator.Write(small, lines / 4, seed); return lines; }, lines);
        Console.WriteLine($"file: {large} ({new FileInfo(large).Length / 1048576.0:F1} MiB, {lines:N0} lines)");

        // Warm up the JIT on the small file first, then measure on the large one.
        SepScan(small);
        ParseOnly(small);
        FullAudit(small);
        var scan = Best(() => SepScan(large), lines, "plain Sep scan (ceiling)");
        var parse = Best(() => ParseOnly(large), lines, "parse only (BomReader)");
        Best(() => AuditOnly(large), lines, "parse + audit, no report");
        var audit = Best(() => FullAudit(large), lines, "full audit, JSON to null (in process)");
        Console.WriteLine($"ratio full audit / plain scan: {audit / scan:F2}x; parse / plain scan: {parse / scan:F2}x");

        var cli = Path.Combine(AppContext.BaseDirectory, "secondsource.dll");
        var (smallSeconds, smallPeak) = EndToEnd(cli, small);
        var (largeSeconds, largePeak) = EndToEnd(cli, large);
        Console.WriteLine($"end to end `bom audit --output json > /dev/null`, {lines / 4:N0} lines: {smallSeconds:F2} s, peak RSS {smallPeak / 1048576.0:F0} MiB");
        Console.WriteLine($"end to end `bom audit --output json > /dev/null`, {lines:N0} lines: {largeSeconds:F2} s ({lines / largeSeconds:N0} lines/s), peak RSS {largePeak / 1048576.0:F0} MiB");

        // Before and after in one run: an earlier build's published CLI (--baseline DIR), interleaved with this one on the
        // same file, five runs each, medians compared (the machine is shared: interleaving spreads its noise over both).
        if (Text(args, "--baseline") is { } baselineFolder)
        {
            var baseline = Path.Combine(Path.GetFullPath(baselineFolder), "secondsource.dll");
            var runs = Option(args, "--runs", 5);
            var before = new List<(double Seconds, long Peak)>();
            var after = new List<(double Seconds, long Peak)>();
            for (var i = 0; i < runs; i++)
            {
                before.Add(EndToEnd(baseline, large));
                after.Add(EndToEnd(cli, large));
                Console.WriteLine($"  run {i + 1}: baseline {before[^1].Seconds:F2} s, this build {after[^1].Seconds:F2} s");
            }

            static double Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToList();
                return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            }

            var b = Median(before.Select(r => r.Seconds));
            var a = Median(after.Select(r => r.Seconds));
            Console.WriteLine($"end to end, {lines:N0} lines, median of {runs} interleaved: baseline {b:F2} s (peak RSS {before.Max(r => r.Peak) / 1048576.0:F0} MiB), " +
                $"this build {a:F2} s (peak RSS {after.Max(r => r.Peak) / 1048576.0:F0} MiB); this build / baseline = {a / b:F2}x");
        }

        return 0;
    }

    /// <summary>The reader's options with the row budget raised: these files are far longer than a board's BOM on purpose.</summary>
    private static readonly BomReadOptions Options = new() { MaxRows = int.MaxValue };

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int SepScan(string path)
    {
        var rows = 0;
        long chars = 0;
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromFile(path);
        foreach (var row in reader)
        {
            for (var c = 0; c < row.ColCount; c++)
            {
                chars += row[c].Span.Length;
            }

            rows++;
        }

        return chars > 0 ? rows : 0;
    }

    private static int ParseOnly(string path)
    {
        using var stream = File.OpenRead(path);
        var document = BomReader.Open(path, stream, Options);
        return document.ReadLines().Count();
    }

    private static int AuditOnly(string path)
    {
        using var stream = File.OpenRead(path);
        var document = BomReader.Open(path, stream, Options);
        var auditor = new BomAuditor(CriticalityPolicy.Default);
        foreach (var line in document.ReadLines())
        {
            auditor.Audit(line);
        }

        return auditor.Summary.Lines;
    }

    private static int FullAudit(string path)
    {
        using var report = new JsonAuditReport(Stream.Null);
        var result = new AuditBomFileHandler().Handle(new AuditBomFileRequest(path, Options, CriticalityPolicy.Default), report);
        return result.Summary.Lines;
    }

    private static double Best(Func<int> action, int expected, string label)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var count = action();
            watch.Stop();
            if (Math.Abs(count - expected) > 1)
            {
                throw new InvalidOperationException($"{label}: {count} rows, expected {expected}");
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"{label,-42} {best,8:F3} s  {expected / best,12:N0} lines/s  (best of 3)");
        return best;
    }

    private static void Measure(string label, Func<int> action, int lines)
    {
        var watch = Stopwatch.StartNew();
        action();
        Console.WriteLine($"{label,-42} {watch.Elapsed.TotalSeconds,8:F3} s  ({lines:N0} lines)");
    }

    private static (double Seconds, long PeakBytes) EndToEnd(string cli, string file)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{cli}\" bom audit \"{file}\" --output json --fail-on never --limit max-rows=100000000")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakRss(process.Id));
        }

        drain.Wait();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"secondsource exited {process.ExitCode}: {errors.Result}");
        }

        return (watch.Elapsed.TotalSeconds, peak);
    }

    /// <summary>VmHWM (peak resident set) of a running process, from /proc.</summary>
    private static long PeakRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecondSource.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>The runtime's allocation ticks (one per ~100 KB allocated), counted by type: where a reader's garbage comes from.</summary>
internal sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _bytes = new();

    public void Print()
    {
        var total = _bytes.Values.Sum();
        foreach (var (type, bytes) in _bytes.OrderByDescending(b => b.Value).Take(25))
        {
            Console.WriteLine($"  {bytes * 100.0 / total,5:F1} %  {type}");
        }
    }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && eventData.Payload is { } payload && eventData.PayloadNames is { } names)
        {
            var type = payload[names.IndexOf("TypeName")]?.ToString() ?? "?";
            var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
        }
    }
}
