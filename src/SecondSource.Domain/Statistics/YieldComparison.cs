using SecondSource.Domain.Common;

namespace SecondSource.Domain.Statistics;

/// <summary>The three-state yield decision of a pilot (research note §3.3).</summary>
public enum YieldDecision
{
    /// <summary>Non-inferiority of B's first-pass yield is shown.</summary>
    NonInferior,

    /// <summary>Not shown, but no significant excess of failures on B either: release with enhanced monitoring.</summary>
    Conditional,

    /// <summary>Significantly more failures on B (one-sided Fisher) and by more than the margin.</summary>
    Inferior,
}

/// <summary>
/// First-pass yield of line B against line A (research note §2): the difference of yields B − A with its
/// Miettinen–Nurminen 95 % score interval; the two-sided p (Fisher's exact test when either line has fewer than 20
/// failures, else the pooled z test); non-inferiority of B's failure rate with margin δ = max(0.5·f_A, 0.005) by the
/// MN score test; and the pilot decision.
/// </summary>
public sealed record YieldComparison(
    long UnitsA, long PassedA, long UnitsB, long PassedB,
    double YieldA, double YieldB, double Difference, Interval Ci95, double P, string Method,
    double Margin, double NonInferiorityP, double FisherWorseP, YieldDecision Decision)
{
    public static YieldComparison Of(long unitsA, long passedA, long unitsB, long passedB, double alpha = 0.05, double? margin = null)
    {
        if (unitsA <= 0 || unitsB <= 0)
        {
            throw new DomainException("A yield comparison needs tested units on both lines.");
        }

        var failA = unitsA - passedA;
        var failB = unitsB - passedB;
        var fA = (double)failA / unitsA;
        var fB = (double)failB / unitsB;
        var delta = margin ?? Math.Max(0.5 * fA, 0.005);
        var ci = Proportions.ScoreInterval(passedB, unitsB, passedA, unitsA);
        var fisher = Proportions.Fisher(failB, unitsB, failA, unitsA);
        var (p, method) = failA < 20 || failB < 20
            ? (fisher.TwoSided, "Fisher exact")
            : (Proportions.TwoProportionZ(failB, unitsB, failA, unitsA).P, "two-proportion z");
        var ni = delta < 1 ? Proportions.NonInferiority(failB, unitsB, failA, unitsA, delta).P : 0;
        var decision = ni < alpha ? YieldDecision.NonInferior
            : fisher.Greater < alpha && fB - fA > delta ? YieldDecision.Inferior
            : YieldDecision.Conditional;
        return new YieldComparison(unitsA, passedA, unitsB, passedB, 1 - fA, 1 - fB, fA - fB, ci, p, method, delta, ni, fisher.Greater, decision);
    }
}

/// <summary>
/// Defect categories of line B against line A (research note §2.5): the χ² test of homogeneity when it can be
/// computed, categories over-represented on B (adjusted residual beyond the Bonferroni cut) and new failure modes
/// (three or more on B, none on A).
/// </summary>
public sealed record DefectComparison(
    IReadOnlyList<(string Category, long A, long B)> Categories,
    HomogeneityResult? Test, IReadOnlyList<string> OverRepresentedOnB, IReadOnlyList<string> NewOnB)
{
    public static DefectComparison Of(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var categories = a.Keys.Union(b.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(c => (c, a.GetValueOrDefault(c), b.GetValueOrDefault(c))).ToList();
        var newOnB = categories.Where(c => c.Item3 >= 3 && c.Item2 == 0).Select(c => c.c).ToList();
        HomogeneityResult? test = null;
        var flagged = new List<string>();
        if (categories.Count >= 2 && categories.Sum(c => c.Item2) > 0 && categories.Sum(c => c.Item3) > 0)
        {
            test = Contingency.Homogeneity([.. categories.Select(c => c.Item3)], [.. categories.Select(c => c.Item2)]);
            var cut = Probability.NormalQuantile(1 - alpha / (2 * categories.Count));
            var kept = categories.Where(c => c.Item2 + c.Item3 > 0).ToList();
            flagged.AddRange(kept.Where((_, i) => test.ResidualsB[i] > cut).Select(c => c.c));
        }

        return new DefectComparison(categories, test, flagged, newOnB);
    }
}
