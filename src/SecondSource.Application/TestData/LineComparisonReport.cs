using SecondSource.Domain.Statistics;

namespace SecondSource.Application.TestData;

/// <summary>
/// What a comparison of two sides found — per measurement, unshared names, yield, defects — whether it came from two
/// files or from stored batch statistics; with the distributions of the measurements worth a chart.
/// </summary>
public sealed record LineComparisonReport(
    string SideA, string SideB, ComparisonPolicy Policy,
    IReadOnlyList<MeasurementComparison> Measurements, IReadOnlyList<string> OnlyInA, IReadOnlyList<string> OnlyInB,
    YieldComparison? Yield, DefectComparison? Defects)
{
    public IReadOnlyDictionary<ComparisonVerdict, int> Summary => LineComparison.Summary(Measurements);

    /// <summary>The charted measurements' quantiles per side at <see cref="ChartProbabilities"/> (from the sketches).</summary>
    public IReadOnlyDictionary<string, (double[] A, double[] B)> Distributions { get; init; } = new Dictionary<string, (double[] A, double[] B)>();

    /// <summary>The probabilities the chart quantiles are taken at: 1 %, 2 %, …, 99 %.</summary>
    public static IReadOnlyList<double> ChartProbabilities { get; } = [.. Enumerable.Range(1, 99).Select(i => i / 100.0)];

    /// <summary>Something to act on: a measurement different or not comparable, or the yield shown inferior.</summary>
    public bool HasFindings => Measurements.Any(m => m.Verdict is ComparisonVerdict.Different or ComparisonVerdict.NotComparable) || Yield?.Decision == YieldDecision.Inferior;

    /// <summary>
    /// The quantiles of the <paramref name="charts"/> worst measurements on both sides (<see cref="LineComparison.WorstFirst"/>):
    /// only those are merged again from their sketches.
    /// </summary>
    public static IReadOnlyDictionary<string, (double[] A, double[] B)> DistributionsOf(IReadOnlyList<MeasurementPartition> a, IReadOnlyList<MeasurementPartition> b, IEnumerable<MeasurementComparison> measurements, int charts)
    {
        var result = new Dictionary<string, (double[] A, double[] B)>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in LineComparison.WorstFirst(measurements))
        {
            if (result.Count >= charts)
            {
                break;
            }

            if (LineComparison.Quantiles(a, m.Name, ChartProbabilities) is { } qa && LineComparison.Quantiles(b, m.Name, ChartProbabilities) is { } qb)
            {
                result[m.Name] = (qa, qb);
            }
        }

        return result;
    }
}
