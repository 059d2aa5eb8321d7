using SecondSource.Domain.Common;

namespace SecondSource.Domain.Statistics;

/// <summary>
/// Process capability of one line for one measurement (research note §1.6). Pp and Ppk use the overall sample SD;
/// Cp and Cpk the pooled within-subgroup SD (subgroups: batches), when there is one. Confidence bounds: the χ²
/// interval for Pp and Bissell's (1990) normal approximation for Ppk, SE ≈ √(1/(9n) + Ppk²/(2(n − 1))).
/// One-sided specifications give only the index of their side (Ppu or Ppl) as Ppk, and no Pp.
/// </summary>
public sealed record CapabilityResult(
    long Count, double? Pp, double? Ppk, double? Cp, double? Cpk,
    double? PpkStandardError, Interval? Ppk95, double? PpkLowerBound95, Interval? Pp95);

public static class Capability
{
    public static CapabilityResult Of(SampleSummary overall, double? lower, double? upper, double? withinStandardDeviation = null)
    {
        if (overall.Count < 2)
        {
            throw new DomainException("Capability needs at least two values.");
        }

        if (lower is null && upper is null)
        {
            throw new DomainException("Capability needs at least one specification limit.");
        }

        var s = overall.StandardDeviation;
        double? Window(double sigma) => lower is { } l && upper is { } u && sigma > 0 ? (u - l) / (6 * sigma) : null;
        double? Kindex(double sigma) => sigma > 0
            ? Math.Min(upper is { } u ? (u - overall.Mean) / (3 * sigma) : double.PositiveInfinity, lower is { } l ? (overall.Mean - l) / (3 * sigma) : double.PositiveInfinity)
            : null;

        var pp = Window(s);
        var ppk = Kindex(s);
        double? cp = withinStandardDeviation is { } w ? Window(w) : null;
        double? cpk = withinStandardDeviation is { } w2 ? Kindex(w2) : null;
        var n = overall.Count;
        double? se = ppk is { } k ? Math.Sqrt(1.0 / (9 * n) + k * k / (2.0 * (n - 1))) : null;
        var z975 = Probability.NormalQuantile(0.975);
        var z95 = Probability.NormalQuantile(0.95);
        Interval? ppk95 = ppk is { } k2 && se is { } e ? new Interval(k2 - z975 * e, k2 + z975 * e) : null;
        double? lcb = ppk is { } k3 && se is { } e2 ? k3 - z95 * e2 : null;
        Interval? pp95 = pp is { } p
            ? new Interval(p * Math.Sqrt(Probability.ChiSquaredQuantile(0.025, n - 1) / (n - 1)), p * Math.Sqrt(Probability.ChiSquaredQuantile(0.975, n - 1) / (n - 1)))
            : null;
        return new CapabilityResult(n, pp, ppk, cp, cpk, se, ppk95, lcb, pp95);
    }
}
