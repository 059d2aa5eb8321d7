using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;

namespace SecondSource.Domain.Statistics;

/// <summary>The verdict on one measurement (or yield) between two lines.</summary>
public enum ComparisonVerdict
{
    /// <summary>The equivalence test rejects: the (1 − 2α) interval of B − A lies inside the margin.</summary>
    Equivalent,

    /// <summary>The difference test rejects after multiplicity control and equivalence is not shown.</summary>
    Different,

    /// <summary>Neither test rejects, or too few units to say.</summary>
    Inconclusive,

    /// <summary>The lines test it against different limits or in incompatible units: a finding of its own.</summary>
    NotComparable,
}

/// <summary>An equivalence margin given for one measurement: a fraction of its spec window, or an absolute value in its unit.</summary>
public sealed record MarginRule(double? Fraction, double? Absolute)
{
    public static MarginRule OfFraction(double fraction) =>
        fraction is > 0 and < 1 ? new MarginRule(fraction, null) : throw new DomainException($"A margin fraction lies between 0 and 1 (was {fraction}).");

    public static MarginRule OfAbsolute(double margin) =>
        double.IsFinite(margin) && margin > 0 ? new MarginRule(null, margin) : throw new DomainException($"An absolute margin must be a positive number (was {margin}).");
}

/// <summary>
/// The settings of a comparison, stored with its result. Defaults from research note §8: α = 0.05 (so a 90 %
/// interval), margin 10 % of the spec window, at least 10 units a side, Benjamini–Hochberg across the family.
/// </summary>
public sealed record ComparisonPolicy
{
    public double Alpha { get; init; } = 0.05;

    public double MarginFraction { get; init; } = 0.10;

    public int MinimumUnits { get; init; } = 10;

    public VarianceModel Variance { get; init; } = VarianceModel.Welch;

    /// <summary>Margins given per measurement name (ordinal, case-insensitive).</summary>
    public IReadOnlyDictionary<string, MarginRule> Margins { get; init; } = new Dictionary<string, MarginRule>(StringComparer.OrdinalIgnoreCase);

    public ComparisonPolicy Checked()
    {
        if (!(Alpha > 0 && Alpha < 0.5))
        {
            throw new DomainException($"α must lie between 0 and 0.5 (was {Alpha}).");
        }

        if (!(MarginFraction > 0 && MarginFraction < 1))
        {
            throw new DomainException($"The margin fraction must lie between 0 and 1 (was {MarginFraction}).");
        }

        if (MinimumUnits < 2)
        {
            throw new DomainException($"The minimum number of units a side is at least 2 (was {MinimumUnits}).");
        }

        return this;
    }
}

/// <summary>One partition of one measurement's values on one side: a batch's statistics under one limit set.</summary>
public sealed record MeasurementPartition(string Name, string Unit, double? Low, double? High, MomentAggregate Moments, KllSketch? Sketch = null);

/// <summary>
/// One side's merged statistics of a measurement: count, mean, overall SD, range; Cpk from the pooled within-batch SD
/// and Ppk from the overall SD (both null without limits).
/// </summary>
public sealed record SideStatistics(long Count, double Mean, double StandardDeviation, double Min, double Max, double? Cpk, double? Ppk);

/// <summary>A measurement compared between line A (reference) and line B.</summary>
public sealed record MeasurementComparison(
    string Name, string Unit, double? Low, double? High,
    SideStatistics? A, SideStatistics? B,
    double? Margin, string? MarginSource,
    double? Difference, double? ConfidenceLow, double? ConfidenceHigh,
    double? TostP, double? WelchP, double? AdjustedP, double? VarianceRatio, double? KsDistance,
    ComparisonVerdict Verdict, string Reason);

/// <summary>
/// Compares every measurement two sets of batch statistics share (research note §1): merged moments per side
/// (Chan), TOST of B − A with a margin from the spec window (or given), Welch's difference test with
/// Benjamini–Hochberg across the family, variance ratio, capability per side, KS distance from the sketches. Raw
/// values are never needed.
/// </summary>
public static class LineComparison
{
    public static IReadOnlyList<MeasurementComparison> Compare(IEnumerable<MeasurementPartition> a, IEnumerable<MeasurementPartition> b, ComparisonPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Checked();
        var sideA = Side.Group(a);
        var sideB = Side.Group(b);
        var names = sideA.Keys.Intersect(sideB.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

        var drafts = names.Select(name => Prepare(name, sideA[name], sideB[name], policy)).ToList();

        // Multiplicity: Benjamini–Hochberg over the Welch p-values of the measurements actually tested.
        var adjusted = Multiplicity.BenjaminiHochberg(drafts.Select(d => d.Tost is null ? double.NaN : d.Tost.DifferenceP).ToList());
        return [.. drafts.Select((d, i) => d.Finish(double.IsNaN(adjusted[i]) ? null : adjusted[i], policy.Alpha))];
    }

    /// <summary>Names present on only one side (the pilot must cover every reference measurement).</summary>
    public static (IReadOnlyList<string> OnlyA, IReadOnlyList<string> OnlyB) Unshared(IEnumerable<MeasurementPartition> a, IEnumerable<MeasurementPartition> b)
    {
        var namesA = a.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var namesB = b.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ([.. namesA.Except(namesB, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
                [.. namesB.Except(namesA, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>
    /// One side's quantiles of a measurement from its partitions' merged sketches (for charts), at the given
    /// probabilities; null when a partition has no sketch.
    /// </summary>
    public static double[]? Quantiles(IEnumerable<MeasurementPartition> side, string name, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(probabilities);
        KllSketch? merged = null;
        foreach (var p in side.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Moments.Count > 0))
        {
            if (p.Sketch is null)
            {
                return null;
            }

            if (merged is null)
            {
                merged = KllSketch.Deserialize(p.Sketch.Serialize());
            }
            else
            {
                merged.Merge(p.Sketch);
            }
        }

        return merged is null ? null : [.. probabilities.Select(merged.Quantile)];
    }

    /// <summary>
    /// The order a reader wants: different first, then not comparable, inconclusive and equivalent; within each, the
    /// weakest equivalence (highest TOST p) first, then by name.
    /// </summary>
    public static IReadOnlyList<MeasurementComparison> WorstFirst(IEnumerable<MeasurementComparison> comparisons) =>
        [.. comparisons.OrderBy(m => m.Verdict switch
            {
                ComparisonVerdict.Different => 0,
                ComparisonVerdict.NotComparable => 1,
                ComparisonVerdict.Inconclusive => 2,
                _ => 3,
            })
            .ThenByDescending(m => m.TostP ?? 1).ThenBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>A verdict count per state.</summary>
    public static IReadOnlyDictionary<ComparisonVerdict, int> Summary(IEnumerable<MeasurementComparison> comparisons) =>
        Enum.GetValues<ComparisonVerdict>().ToDictionary(v => v, v => comparisons.Count(c => c.Verdict == v));

    private static Draft Prepare(string name, Side a, Side b, ComparisonPolicy policy)
    {
        var statsA = a.Statistics();
        var statsB = b.Statistics();
        var (low, high) = a.Limits.Count == 1 ? a.Limits[0] : (null, null);
        if (!string.Equals(a.Unit, b.Unit, StringComparison.Ordinal) || a.Units.Count > 1 || b.Units.Count > 1)
        {
            return new Draft(name, a.Unit, low, high, statsA, statsB, null, null, null, null, null, ComparisonVerdict.NotComparable,
                $"units differ: {string.Join(", ", a.Units.Select(Show))} on A, {string.Join(", ", b.Units.Select(Show))} on B");
        }

        if (a.Limits.Count > 1 || b.Limits.Count > 1)
        {
            var changed = a.Limits.Count > 1 ? "A" : "B";
            return new Draft(name, a.Unit, low, high, statsA, statsB, null, null, null, null, null, ComparisonVerdict.NotComparable,
                $"limits changed within the period on {changed} ({string.Join("; ", (changed == "A" ? a : b).Limits.Select(Show))}); never pooled across a limit change");
        }

        if (a.Limits[0] != b.Limits[0])
        {
            return new Draft(name, a.Unit, low, high, statsA, statsB, null, null, null, null, null, ComparisonVerdict.NotComparable,
                $"limits differ: {Show(a.Limits[0])} on A, {Show(b.Limits[0])} on B");
        }

        if (statsA.Count < policy.MinimumUnits || statsB.Count < policy.MinimumUnits)
        {
            return new Draft(name, a.Unit, low, high, statsA, statsB, null, null, null, null, null, ComparisonVerdict.Inconclusive,
                $"too few values: {statsA.Count} on A and {statsB.Count} on B; at least {policy.MinimumUnits} a side are needed");
        }

        var (margin, source) = MarginFor(name, low, high, statsA, policy);
        var tost = Means.Tost(SampleSummary.Of(b.Moments), SampleSummary.Of(a.Moments), -margin, margin, policy.Alpha, policy.Variance);
        double? ratio = a.Moments.Variance > 0 ? b.Moments.Variance / a.Moments.Variance : null;
        double? ks = a.Sketch is { Count: > 0 } sa && b.Sketch is { Count: > 0 } sb ? KolmogorovSmirnov.Distance(sb, sa) : null;
        return new Draft(name, a.Unit, low, high, statsA, statsB, margin, source, tost, ratio, ks, null, null);
    }

    private static (double Margin, string Source) MarginFor(string name, double? low, double? high, SideStatistics a, ComparisonPolicy policy)
    {
        if (policy.Margins.TryGetValue(name, out var rule))
        {
            if (rule.Absolute is { } absolute)
            {
                return (absolute, "given");
            }

            if (rule.Fraction is { } given && low is { } l0 && high is { } h0)
            {
                return (given * (h0 - l0), $"{given:0.###} × spec window (given)");
            }
        }

        var fraction = rule?.Fraction ?? policy.MarginFraction;
        return (low, high) switch
        {
            ({ } l, { } h) => (fraction * (h - l), $"{fraction:0.###} × spec window"),
            ({ } l, null) => (fraction * Math.Abs(a.Mean - l), $"{fraction:0.###} × distance of A's mean to the lower limit"),
            (null, { } h) => (fraction * Math.Abs(h - a.Mean), $"{fraction:0.###} × distance of A's mean to the upper limit"),
            _ => (1.5 * a.StandardDeviation, "1.5 × A's SD (no limits)"),
        };
    }

    private static string Show((double? Low, double? High) limits) =>
        $"[{limits.Low?.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) ?? "–"}, {limits.High?.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) ?? "–"}]";

    private static string Show(string unit) => unit.Length == 0 ? "(no unit)" : unit;

    private sealed record Draft(
        string Name, string Unit, double? Low, double? High, SideStatistics A, SideStatistics B,
        double? Margin, string? MarginSource, TostResult? Tost, double? Ratio, double? Ks,
        ComparisonVerdict? Fixed, string? Reason)
    {
        public MeasurementComparison Finish(double? adjusted, double alpha)
        {
            if (Tost is null)
            {
                return new MeasurementComparison(Name, Unit, Low, High, A, B, Margin, MarginSource, null, null, null, null, null, null, Ratio, Ks, Fixed!.Value, Reason!);
            }

            var (verdict, reason) = Tost.P < alpha
                ? (ComparisonVerdict.Equivalent, adjusted < alpha
                    ? "equivalent: the interval lies inside the margin (the difference is statistically significant but smaller than the margin)"
                    : "equivalent: the interval lies inside the margin")
                : adjusted < alpha
                    ? (ComparisonVerdict.Different, Math.Abs(Tost.Difference) > Margin
                        ? "different: significant after multiplicity control, and the difference exceeds the margin"
                        : "different: significant after multiplicity control, and equivalence within the margin is not shown")
                    : (ComparisonVerdict.Inconclusive, "inconclusive: neither equivalence nor a difference is shown; more units would decide");
            if (Tost.Degenerate)
            {
                reason += " (both sides constant: compared directly)";
            }

            return new MeasurementComparison(Name, Unit, Low, High, A, B, Margin, MarginSource, Tost.Difference, Tost.ConfidenceLow, Tost.ConfidenceHigh,
                Tost.P, Tost.DifferenceP, adjusted, Ratio, Ks, verdict, reason);
        }
    }

    /// <summary>One side's partitions of one measurement, merged.</summary>
    private sealed class Side
    {
        public MomentAggregate Moments { get; } = MomentAggregate.Of([]);

        public KllSketch? Sketch { get; private set; }

        public List<(double? Low, double? High)> Limits { get; } = [];

        public List<string> Units { get; } = [];

        public string Unit => Units[0];

        private double _withinM2;
        private long _withinDf;
        private bool _sketchMissing;

        public static Dictionary<string, Side> Group(IEnumerable<MeasurementPartition> partitions)
        {
            var sides = new Dictionary<string, Side>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in partitions)
            {
                if (p.Moments.Count == 0)
                {
                    continue;
                }

                if (!sides.TryGetValue(p.Name, out var side))
                {
                    side = new Side();
                    sides[p.Name] = side;
                }

                side.Add(p);
            }

            return sides;
        }

        private void Add(MeasurementPartition p)
        {
            Moments.Merge(p.Moments);
            _withinM2 += p.Moments.M2;
            _withinDf += p.Moments.Count - 1;
            if (!Limits.Contains((p.Low, p.High)))
            {
                Limits.Add((p.Low, p.High));
            }

            if (!Units.Contains(p.Unit))
            {
                Units.Add(p.Unit);
            }

            if (p.Sketch is null)
            {
                _sketchMissing = true;
                Sketch = null;
            }
            else if (!_sketchMissing)
            {
                if (Sketch is null)
                {
                    Sketch = KllSketch.Deserialize(p.Sketch.Serialize());
                }
                else
                {
                    Sketch.Merge(p.Sketch);
                }
            }
        }

        public SideStatistics Statistics()
        {
            var sd = Moments.StandardDeviation;
            double? cpk = null, ppk = null;
            if (Limits.Count == 1 && (Limits[0].Low is not null || Limits[0].High is not null) && Moments.Count >= 2)
            {
                var within = _withinDf > 0 ? Math.Sqrt(_withinM2 / _withinDf) : (double?)null;
                var capability = Capability.Of(SampleSummary.Of(Moments), Limits[0].Low, Limits[0].High, within);
                cpk = capability.Cpk;
                ppk = capability.Ppk;
            }

            return new SideStatistics(Moments.Count, Moments.Mean, double.IsNaN(sd) ? 0 : sd, Moments.Min, Moments.Max, cpk, ppk);
        }
    }
}
