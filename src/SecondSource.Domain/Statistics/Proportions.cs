using MathNet.Numerics;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Statistics;

/// <summary>A two-sided test's statistic and p-value.</summary>
public readonly record struct TestStatistic(double Statistic, double P);

/// <summary>Fisher's exact test of a 2×2 table: two-sided, and each one-sided alternative.</summary>
public readonly record struct FisherResult(double TwoSided, double Greater, double Less, double SampleOddsRatio);

/// <summary>An interval.</summary>
public readonly record struct Interval(double Low, double High);

/// <summary>
/// Proportions: counts x of n on side B (the second line) and side A (the reference), every difference B − A
/// (research note §2). Score statistics use the Farrington–Manning restricted maximum-likelihood closed form, or
/// Miettinen–Nurminen's (variance × N/(N − 1)).
/// </summary>
public static class Proportions
{
    /// <summary>The pooled two-proportion z test (= Pearson χ² without Yates' correction).</summary>
    public static TestStatistic TwoProportionZ(long xB, long nB, long xA, long nA)
    {
        Check(xB, nB, xA, nA);
        var pooled = (double)(xA + xB) / (nA + nB);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / nB + 1.0 / nA));
        if (se == 0)
        {
            return new TestStatistic(0, 1);
        }

        var z = ((double)xB / nB - (double)xA / nA) / se;
        return new TestStatistic(z, Math.Min(1, 2 * Probability.NormalUpper(Math.Abs(z))));
    }

    /// <summary>
    /// Fisher's exact test of [[x_B, n_B − x_B], [x_A, n_A − x_A]]: hypergeometric probabilities in log space; the
    /// two-sided p sums every table no more likely than the observed one (relative tolerance 1e-7, as R's
    /// <c>fisher.test</c>); "greater" is the alternative that B's proportion is the larger.
    /// </summary>
    public static FisherResult Fisher(long xB, long nB, long xA, long nA)
    {
        Check(xB, nB, xA, nA);
        var n = nA + nB;
        var column = xA + xB;
        var low = Math.Max(0, nB + column - n);
        var high = Math.Min(nB, column);
        var denominator = LogChoose(n, nB);
        double LogP(long x) => LogChoose(column, x) + LogChoose(n - column, nB - x) - denominator;

        var observed = LogP(xB);
        double two = 0, greater = 0, less = 0;
        for (var x = low; x <= high; x++)
        {
            var logP = LogP(x);
            var p = Math.Exp(logP);
            if (logP <= observed + 1e-7)
            {
                two += p;
            }

            if (x >= xB)
            {
                greater += p;
            }

            if (x <= xB)
            {
                less += p;
            }
        }

        var odds = (double)xB * (nA - xA) / ((double)(nB - xB) * xA);
        return new FisherResult(Math.Min(1, two), Math.Min(1, greater), Math.Min(1, less), odds);
    }

    /// <summary>
    /// The score statistic of H0: p_B − p_A = δ, with the variance at the restricted maximum-likelihood estimate
    /// (Farrington &amp; Manning 1990 closed form); <paramref name="miettinenNurminen"/> multiplies the variance by
    /// N/(N − 1). Returns z and the restricted estimates.
    /// </summary>
    public static (double Z, double RestrictedB, double RestrictedA) Score(long xB, long nB, long xA, long nA, double delta, bool miettinenNurminen = true)
    {
        Check(xB, nB, xA, nA);
        if (!(delta > -1 && delta < 1))
        {
            throw new DomainException($"A difference of proportions lies between −1 and 1 (was {delta}).");
        }

        double p1 = (double)xB / nB, p2 = (double)xA / nA;
        var (r1, r2) = Restricted(p1, nB, p2, nA, delta);
        var variance = r1 * (1 - r1) / nB + r2 * (1 - r2) / nA;
        if (miettinenNurminen)
        {
            var total = (double)(nA + nB);
            variance *= total / (total - 1);
        }

        var numerator = p1 - p2 - delta;
        var z = variance <= 0 ? (numerator == 0 ? 0 : Math.Sign(numerator) * double.PositiveInfinity) : numerator / Math.Sqrt(variance);
        return (z, r1, r2);
    }

    /// <summary>
    /// Non-inferiority of B: H0 p_B − p_A ≥ δ against H1 p_B − p_A &lt; δ (for failure rates: B is not worse by δ or
    /// more), one-sided score test; p = Φ(z).
    /// </summary>
    public static TestStatistic NonInferiority(long xB, long nB, long xA, long nA, double delta, bool miettinenNurminen = true)
    {
        var (z, _, _) = Score(xB, nB, xA, nA, delta, miettinenNurminen);
        return new TestStatistic(z, Probability.NormalLower(z));
    }

    /// <summary>
    /// The score confidence interval of p_B − p_A (Miettinen–Nurminen by default): the δ where the score statistic
    /// reaches ±z_{1−(1−confidence)/2}, found by bisection.
    /// </summary>
    public static Interval ScoreInterval(long xB, long nB, long xA, long nA, double confidence = 0.95, bool miettinenNurminen = true)
    {
        Check(xB, nB, xA, nA);
        var critical = Probability.NormalQuantile(1 - (1 - confidence) / 2);
        var estimate = (double)xB / nB - (double)xA / nA;
        double Z(double delta) => Score(xB, nB, xA, nA, delta, miettinenNurminen).Z;

        // z(δ) decreases in δ: the lower end has z = +critical, the upper end z = −critical.
        var lower = Bisect(d => Z(d) - critical, -1 + 1e-12, estimate);
        var upper = Bisect(d => Z(d) + critical, estimate, 1 - 1e-12);
        return new Interval(lower, upper);
    }

    private static double Bisect(Func<double, double> decreasing, double low, double high)
    {
        if (decreasing(low) <= 0)
        {
            return low;
        }

        if (decreasing(high) >= 0)
        {
            return high;
        }

        for (var i = 0; i < 200 && high - low > 1e-15; i++)
        {
            var mid = (low + high) / 2;
            if (decreasing(mid) > 0)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>Farrington–Manning's restricted MLE of (p₁, p₂) under p₁ − p₂ = δ (group 1 = B).</summary>
    internal static (double P1, double P2) Restricted(double p1, long n1, double p2, long n2, double delta)
    {
        if (delta == 0)
        {
            var pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
            return (pooled, pooled);
        }

        var theta = (double)n2 / n1;
        var a = 1 + theta;
        var b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
        var c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
        var e = -p1 * delta * (1 + delta);
        var v = b * b * b / Math.Pow(3 * a, 3) - b * c / (6 * a * a) + e / (2 * a);
        var u = Math.Sign(v) * Math.Sqrt(Math.Max(0, b * b / (9 * a * a) - c / (3 * a)));
        var w = u == 0 ? Math.PI / 2 : (Math.PI + Math.Acos(Math.Clamp(v / (u * u * u), -1, 1))) / 3;
        var r1 = 2 * u * Math.Cos(w) - b / (3 * a);
        return (Math.Clamp(r1, 0, 1), Math.Clamp(r1 - delta, 0, 1));
    }

    private static double LogChoose(long n, long k) =>
        SpecialFunctions.FactorialLn((int)n) - SpecialFunctions.FactorialLn((int)k) - SpecialFunctions.FactorialLn((int)(n - k));

    private static void Check(long xB, long nB, long xA, long nA)
    {
        if (nB <= 0 || nA <= 0 || xB < 0 || xA < 0 || xB > nB || xA > nA)
        {
            throw new DomainException($"Counts must satisfy 0 ≤ x ≤ n with n > 0 (were {xB}/{nB} and {xA}/{nA}).");
        }

        if (nA + nB > int.MaxValue)
        {
            throw new DomainException("The counts are too large for an exact computation.");
        }
    }
}
