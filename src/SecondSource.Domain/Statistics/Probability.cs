using MathNet.Numerics;

namespace SecondSource.Domain.Statistics;

/// <summary>
/// The distribution functions the comparisons need, with tails computed directly (never 1 − CDF, which cancels) from
/// MathNet.Numerics' regularized incomplete beta and gamma functions, and quantiles found by bisection on those
/// functions to full double precision (MathNet's Brent-based <c>StudentT.InvCDF</c> stops at 1e-8; research note
/// <c>stats_methods.md</c> §1.3).
/// </summary>
public static class Probability
{
    /// <summary>P(T_ν ≥ t) for Student's t with ν (possibly non-integer) degrees of freedom.</summary>
    public static double StudentTUpper(double t, double freedom)
    {
        if (double.IsPositiveInfinity(freedom))
        {
            return NormalUpper(t);
        }

        var tail = 0.5 * SpecialFunctions.BetaRegularized(freedom / 2, 0.5, freedom / (freedom + t * t));
        return t >= 0 ? tail : 1 - tail;
    }

    /// <summary>P(T_ν ≤ t).</summary>
    public static double StudentTLower(double t, double freedom) => StudentTUpper(-t, freedom);

    /// <summary>The t quantile: t with P(T_ν ≤ t) = p.</summary>
    public static double StudentTQuantile(double p, double freedom)
    {
        if (freedom > 1e7)
        {
            return NormalQuantile(p);
        }

        return p < 0.5 ? -StudentTQuantile(1 - p, freedom) : Invert(t => StudentTLower(t, freedom), p, 0);
    }

    /// <summary>P(Z ≥ z) for the standard normal.</summary>
    public static double NormalUpper(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>P(Z ≤ z) for the standard normal.</summary>
    public static double NormalLower(double z) => NormalUpper(-z);

    /// <summary>The standard normal quantile.</summary>
    public static double NormalQuantile(double p) => -Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * p);

    /// <summary>P(F ≤ x) for Fisher's F with (d1, d2) degrees of freedom.</summary>
    public static double FisherLower(double x, double d1, double d2) =>
        x <= 0 ? 0 : SpecialFunctions.BetaRegularized(d1 / 2, d2 / 2, d1 * x / (d1 * x + d2));

    /// <summary>P(F ≥ x).</summary>
    public static double FisherUpper(double x, double d1, double d2) =>
        x <= 0 ? 1 : SpecialFunctions.BetaRegularized(d2 / 2, d1 / 2, d2 / (d2 + d1 * x));

    /// <summary>The F quantile: x with P(F ≤ x) = p.</summary>
    public static double FisherQuantile(double p, double d1, double d2) =>
        p < 0.5 ? Invert(x => -FisherUpper(x, d1, d2), p - 1, 0) : Invert(x => FisherLower(x, d1, d2), p, 0);

    /// <summary>P(χ²_k ≥ x).</summary>
    public static double ChiSquaredUpper(double x, double freedom) =>
        x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(freedom / 2, x / 2);

    /// <summary>P(χ²_k ≤ x).</summary>
    public static double ChiSquaredLower(double x, double freedom) =>
        x <= 0 ? 0 : SpecialFunctions.GammaLowerRegularized(freedom / 2, x / 2);

    /// <summary>The χ² quantile: x with P(χ²_k ≤ x) = p.</summary>
    public static double ChiSquaredQuantile(double p, double freedom) =>
        p < 0.5 ? Invert(x => ChiSquaredLower(x, freedom), p, 0) : Invert(x => -ChiSquaredUpper(x, freedom), p - 1, 0);

    /// <summary>
    /// The x ≥ <paramref name="low"/> where the increasing function <paramref name="f"/> reaches <paramref name="target"/>:
    /// the bracket grows until it holds the root, then bisection runs until the bracket cannot shrink.
    /// </summary>
    internal static double Invert(Func<double, double> f, double target, double low)
    {
        var high = Math.Max(1, low + 1);
        for (var i = 0; f(high) < target; i++)
        {
            if (i > 2000)
            {
                throw new ArgumentOutOfRangeException(nameof(target), "The quantile lies beyond the range of doubles.");
            }

            low = high;
            high *= 2;
        }

        for (var i = 0; i < 2000; i++)
        {
            var mid = low + (high - low) / 2;
            if (mid <= low || mid >= high)
            {
                break;
            }

            if (f(mid) < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return low + (high - low) / 2;
    }
}
