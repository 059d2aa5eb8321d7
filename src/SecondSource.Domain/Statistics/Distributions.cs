using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;

namespace SecondSource.Domain.Statistics;

/// <summary>
/// The two-sample Kolmogorov–Smirnov distance D = sup |F_B − F_A| (research note §1.5): exact from raw values, and
/// from two KLL sketches (evaluated at every retained item of both, within ε_A + ε_B of the true D), with the
/// limiting Kolmogorov p-value under Stephens' correction (for raw data at moderate n; never from sketches).
/// </summary>
public static class KolmogorovSmirnov
{
    public static double Distance(IReadOnlyList<double> b, IReadOnlyList<double> a)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(a);
        if (b.Count == 0 || a.Count == 0)
        {
            throw new DomainException("A distribution comparison needs values on both sides.");
        }

        var x = b.Order().ToArray();
        var y = a.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] == v)
            {
                i++;
            }

            while (j < y.Length && y[j] == v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }

        return d;
    }

    /// <summary>D estimated from two sketches: the largest CDF gap at the items either retains.</summary>
    public static double Distance(KllSketch b, KllSketch a)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(a);
        if (b.Count == 0 || a.Count == 0)
        {
            throw new DomainException("A distribution comparison needs values on both sides.");
        }

        double d = 0;
        foreach (var (value, _) in b.Weighted().Concat(a.Weighted()))
        {
            d = Math.Max(d, Math.Abs(b.Cdf(value) - a.Cdf(value)));
        }

        return d;
    }

    /// <summary>Limiting Kolmogorov Q(λ) with λ = (√n_e + 0.12 + 0.11/√n_e)·D, n_e = n_A·n_B/(n_A + n_B).</summary>
    public static double AsymptoticP(double distance, long countB, long countA)
    {
        var ne = (double)countA * countB / (countA + countB);
        var lambda = (Math.Sqrt(ne) + 0.12 + 0.11 / Math.Sqrt(ne)) * distance;
        if (lambda < 0.2)
        {
            return 1;
        }

        double sum = 0;
        for (var k = 1; k <= 200; k++)
        {
            var term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-17)
            {
                break;
            }
        }

        return Math.Clamp(2 * sum, 0, 1);
    }
}
