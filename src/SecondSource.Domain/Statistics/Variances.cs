using SecondSource.Domain.Common;

namespace SecondSource.Domain.Statistics;

/// <summary>
/// The variance ratio F = s_B²/s_A² ~ F(n_B − 1, n_A − 1): two-sided p, the (1 − 2α) interval of σ_B/σ_A and the
/// non-inferiority p of "σ_B/σ_A &lt; ρ" (research note §1.4).
/// </summary>
public sealed record VarianceRatioResult(double F, double DegreesB, double DegreesA, double P, double RatioLow, double RatioHigh, double NonInferiorityP, double Rho);

public static class Variances
{
    public static VarianceRatioResult Ratio(SampleSummary b, SampleSummary a, double alpha = 0.05, double rho = 1.25)
    {
        if (b.Count < 2 || a.Count < 2)
        {
            throw new DomainException("A variance ratio needs at least two values on each side.");
        }

        if (a.Variance == 0)
        {
            throw new DomainException("The reference side's values are all equal: their variance is zero and no ratio exists.");
        }

        double d1 = b.Count - 1;
        double d2 = a.Count - 1;
        var f = b.Variance / a.Variance;
        var p = Math.Min(1, 2 * Math.Min(Probability.FisherLower(f, d1, d2), Probability.FisherUpper(f, d1, d2)));
        var low = Math.Sqrt(f / Probability.FisherQuantile(1 - alpha, d1, d2));
        var high = Math.Sqrt(f / Probability.FisherQuantile(alpha, d1, d2));
        var ni = Probability.FisherLower(f / (rho * rho), d1, d2);
        return new VarianceRatioResult(f, d1, d2, p, low, high, ni, rho);
    }
}
