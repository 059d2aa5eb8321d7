using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;

namespace SecondSource.Domain.Statistics;

/// <summary>What a mean comparison needs of one side: count, mean and sample variance (n − 1).</summary>
public readonly record struct SampleSummary(long Count, double Mean, double Variance)
{
    public double StandardDeviation => Math.Sqrt(Variance);

    public static SampleSummary Of(MomentAggregate moments)
    {
        ArgumentNullException.ThrowIfNull(moments);
        return new SampleSummary(moments.Count, moments.Mean, moments.Variance);
    }

    public static SampleSummary Of(IEnumerable<double> values) => Of(MomentAggregate.Of(values));
}

/// <summary>How the standard error of a difference of means is formed.</summary>
public enum VarianceModel
{
    /// <summary>Welch–Satterthwaite: unequal variances, non-integer degrees of freedom (the default).</summary>
    Welch,

    /// <summary>Student: one pooled variance, n_B + n_A − 2 degrees of freedom (only when equal variances are a design assumption).</summary>
    Pooled,
}

/// <summary>
/// The two one-sided tests for a difference of means d = x̄_B − x̄_A inside (lower, upper), with the (1 − 2α)
/// confidence interval and the two-sided difference test on the same standard error.
/// </summary>
/// <param name="Difference">d = x̄_B − x̄_A.</param>
/// <param name="StandardError">SE of d (zero when both sides are constant: then the comparison is deterministic).</param>
/// <param name="DegreesOfFreedom">ν (Welch–Satterthwaite or pooled).</param>
/// <param name="LowerT">t_L = (d − lower)/SE.</param>
/// <param name="LowerP">P(T ≥ t_L): H0 d ≤ lower.</param>
/// <param name="UpperT">t_U = (d − upper)/SE.</param>
/// <param name="UpperP">P(T ≤ t_U): H0 d ≥ upper.</param>
/// <param name="P">p_TOST = max(p_L, p_U).</param>
/// <param name="ConfidenceLow">Lower end of the (1 − 2α) interval of d.</param>
/// <param name="ConfidenceHigh">Upper end of the (1 − 2α) interval of d.</param>
/// <param name="DifferenceT">d / SE.</param>
/// <param name="DifferenceP">Two-sided p of H0 d = 0.</param>
public sealed record TostResult(
    double Difference, double StandardError, double DegreesOfFreedom,
    double LowerT, double LowerP, double UpperT, double UpperP, double P,
    double ConfidenceLow, double ConfidenceHigh, double DifferenceT, double DifferenceP)
{
    /// <summary>True when both sides are constant: d is compared with the margin directly.</summary>
    public bool Degenerate => StandardError == 0;
}

/// <summary>
/// Mean comparisons from (n, mean, variance) per side — exactly what the mergeable aggregates hold (research note
/// <c>stats_methods.md</c> §1.3): Welch or pooled TOST, the (1 − 2α) interval and the two-sided difference test.
/// </summary>
public static class Means
{
    /// <summary>TOST of d = x̄_B − x̄_A within (lower, upper) at level α (the interval is 1 − 2α).</summary>
    public static TostResult Tost(SampleSummary b, SampleSummary a, double lower, double upper, double alpha = 0.05, VarianceModel model = VarianceModel.Welch)
    {
        if (b.Count < 2 || a.Count < 2)
        {
            throw new DomainException("A mean comparison needs at least two values on each side.");
        }

        Check(lower, upper, alpha);
        double se;
        double df;
        if (model == VarianceModel.Pooled)
        {
            df = b.Count + a.Count - 2;
            var pooled = ((b.Count - 1) * b.Variance + (a.Count - 1) * a.Variance) / df;
            se = Math.Sqrt(pooled * (1.0 / b.Count + 1.0 / a.Count));
        }
        else
        {
            var vb = b.Variance / b.Count;
            var va = a.Variance / a.Count;
            se = Math.Sqrt(vb + va);
            var denominator = vb * vb / (b.Count - 1) + va * va / (a.Count - 1);
            df = denominator == 0 ? b.Count + a.Count - 2 : (vb + va) * (vb + va) / denominator;
        }

        return FromStandardError(b.Mean - a.Mean, se, df, lower, upper, alpha);
    }

    /// <summary>
    /// Paired TOST (golden units measured on both lines or testers): a one-sample TOST on the per-unit differences
    /// B − A, SE = s_d/√n, ν = n − 1.
    /// </summary>
    public static TostResult PairedTost(IReadOnlyList<double> b, IReadOnlyList<double> a, double lower, double upper, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(a);
        if (b.Count != a.Count)
        {
            throw new DomainException($"Paired values need as many on each side ({b.Count} and {a.Count}).");
        }

        var differences = SampleSummary.Of(b.Select((x, i) => x - a[i]));
        if (differences.Count < 2)
        {
            throw new DomainException("A paired comparison needs at least two pairs.");
        }

        Check(lower, upper, alpha);
        return FromStandardError(differences.Mean, differences.StandardDeviation / Math.Sqrt(differences.Count), differences.Count - 1, lower, upper, alpha);
    }

    private static TostResult FromStandardError(double d, double se, double df, double lower, double upper, double alpha)
    {
        if (se == 0)
        {
            // Both sides constant: no sampling error, the difference is what it is.
            var inside = d > lower && d < upper || d == 0 && lower == 0 && upper == 0;
            return new TostResult(d, 0, df, double.NaN, inside ? 0 : 1, double.NaN, inside ? 0 : 1, inside ? 0 : 1, d, d, double.NaN, d == 0 ? 1 : 0);
        }

        var tLower = (d - lower) / se;
        var tUpper = (d - upper) / se;
        var pLower = Probability.StudentTUpper(tLower, df);
        var pUpper = Probability.StudentTLower(tUpper, df);
        var quantile = Probability.StudentTQuantile(1 - alpha, df);
        var t = d / se;
        return new TostResult(d, se, df, tLower, pLower, tUpper, pUpper, Math.Max(pLower, pUpper),
            d - quantile * se, d + quantile * se, t, Math.Min(1, 2 * Probability.StudentTUpper(Math.Abs(t), df)));
    }

    private static void Check(double lower, double upper, double alpha)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || lower > upper)
        {
            throw new DomainException($"The equivalence margins must be finite with lower ≤ upper (were {lower} and {upper}).");
        }

        if (!(alpha > 0 && alpha < 0.5))
        {
            throw new DomainException($"α must lie between 0 and 0.5 (was {alpha}).");
        }
    }
}
