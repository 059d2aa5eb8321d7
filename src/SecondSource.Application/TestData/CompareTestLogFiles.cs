using SecondSource.Domain.Statistics;
using SecondSource.Domain.TestData;
using SecondSource.Formats.TestData;

namespace SecondSource.Application.TestData;

/// <summary>Two test-log files to compare: A is the reference (primary, golden), B the line judged against it.</summary>
public sealed record CompareTestLogFilesRequest(string FileA, string FileB, ComparisonPolicy Policy);

/// <summary>
/// <c>secondsource testdata compare</c>: two test-log files (long CSV or CFX, detected) compared with no database.
/// Each file is read twice: first to find every unit's first run at each test step (test plan, else station), then to
/// merge the statistics of those runs only (first-pass data, research note "data hygiene" rule 2) per batch,
/// measurement and limit set —
/// so memory holds one entry per unit, never the values. Yield is first-pass yield; defects count every run's.
/// </summary>
public sealed class CompareTestLogFilesHandler
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Use-case handlers are instances by convention, so hosts treat them alike.")]
    public async Task<LineComparisonReport> HandleAsync(CompareTestLogFilesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var policy = request.Policy.Checked();
        var a = await SideAsync(request.FileA, ct);
        var b = await SideAsync(request.FileB, ct);
        var (onlyA, onlyB) = LineComparison.Unshared(a.Partitions, b.Partitions);
        return new LineComparisonReport(
            Path.GetFileName(request.FileA), Path.GetFileName(request.FileB), policy,
            LineComparison.Compare(a.Partitions, b.Partitions, policy), onlyA, onlyB,
            a.Units > 0 && b.Units > 0 ? YieldComparison.Of(a.Units, a.Passed, b.Units, b.Passed, policy.Alpha) : null,
            a.Defects.Count + b.Defects.Count > 0 ? DefectComparison.Of(a.Defects, b.Defects, policy.Alpha) : null);
    }

    private static async Task<FileSide> SideAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new TestLogException(path, "file", null, "there is no such file");
        }

        var name = Path.GetFileName(path);
        bool cfx;
        await using (var peek = File.OpenRead(path))
        {
            cfx = await ImportTestDataHandler.LooksLikeJsonAsync(peek, ct);
        }

        IEnumerable<TestRunRecord> Read(Stream stream) => cfx ? CfxUnitsTested.Read(stream, name, Path.GetFileNameWithoutExtension(name)) : LongCsvTestLog.Read(stream, name);

        // Pass 1: each unit's first run (for yield) and its first run at each test step (test plan, else station).
        var first = new Dictionary<string, (DateTimeOffset Start, TestResult Result)>(StringComparer.Ordinal);
        var firstOfStep = new Dictionary<(string Serial, string Step), (DateTimeOffset Start, int Line)>();
        await using (var stream = File.OpenRead(path))
        {
            foreach (var run in Read(stream))
            {
                ct.ThrowIfCancellationRequested();
                if (!first.TryGetValue(run.Serial, out var known) || run.Start < known.Start)
                {
                    first[run.Serial] = (run.Start, run.Result);
                }

                var step = (run.Serial, run.TestPlan ?? run.Station);
                if (!firstOfStep.TryGetValue(step, out var earliest) || run.Start < earliest.Start)
                {
                    firstOfStep[step] = (run.Start, run.Line);
                }
            }
        }

        // Pass 2: statistics of first runs, per batch, measurement and limit set; defects of every run.
        var side = new FileSide { Units = first.Count, Passed = first.Values.LongCount(f => f.Result == TestResult.Passed) };
        var accumulators = new Dictionary<(string Batch, string Name, string Unit, double? Low, double? High), (MomentAggregate Moments, KllSketch Sketch)>();
        await using (var stream = File.OpenRead(path))
        {
            foreach (var run in Read(stream))
            {
                foreach (var defect in run.Defects)
                {
                    side.Defects[defect.Category] = side.Defects.GetValueOrDefault(defect.Category) + 1;
                }

                if (firstOfStep[(run.Serial, run.TestPlan ?? run.Station)].Line != run.Line)
                {
                    continue;
                }

                for (var i = 0; i < run.Values.Length; i++)
                {
                    var d = run.Definitions[i];
                    var key = (run.Batch, d.Name, d.Unit, d.Low, d.High);
                    if (!accumulators.TryGetValue(key, out var acc))
                    {
                        acc = (MomentAggregate.Of([]), new KllSketch(seed: 1));
                        accumulators[key] = acc;
                    }

                    acc.Moments.Add(run.Values[i]);
                    acc.Sketch.Add(run.Values[i]);
                }
            }
        }

        side.Partitions.AddRange(accumulators.Select(kv => new MeasurementPartition(kv.Key.Name, kv.Key.Unit, kv.Key.Low, kv.Key.High, kv.Value.Moments, kv.Value.Sketch)));
        return side;
    }

    private sealed class FileSide
    {
        public List<MeasurementPartition> Partitions { get; } = [];

        public Dictionary<string, long> Defects { get; } = new(StringComparer.Ordinal);

        public long Units { get; init; }

        public long Passed { get; init; }
    }
}
