using MathNet.Numerics;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Statistics;

/// <summary>A defect rate: defects over opportunities, with the exact (Garwood) 95 % interval, both per million.</summary>
public sealed record DefectRate(long Defects, long Opportunities, double Dpmo, Interval Ci95);

/// <summary>
/// Defect rates per opportunity (research note <c>stats_methods.md</c> §2.6): the exact Garwood interval and the exact
/// conditional test of two rates — given D_A + D_B defects, D_B is binomial with p = O_B / (O_A + O_B) under H0; the
/// two-sided p sums the outcomes no more likely than the one observed (scipy's <c>binomtest</c>, statsmodels'
/// <c>test_poisson_2indep(method='exact-cond')</c>).
/// </summary>
public static class PoissonRates
{
    public static DefectRate Rate(long defects, long opportunities)
    {
        if (defects < 0 || opportunities <= 0)
        {
            throw new DomainException("A defect rate needs a count of at least 0 and at least one opportunity.");
        }

        var low = defects == 0 ? 0 : Probability.ChiSquaredQuantile(0.025, 2 * defects) / 2;
        var high = Probability.ChiSquaredQuantile(0.975, 2 * defects + 2) / 2;
        return new DefectRate(defects, opportunities, 1e6 * defects / opportunities, new Interval(1e6 * low / opportunities, 1e6 * high / opportunities));
    }

    /// <summary>The two-sided exact conditional p of equal rates.</summary>
    public static double ExactConditionalP(long defectsB, long opportunitiesB, long defectsA, long opportunitiesA)
    {
        if (defectsA < 0 || defectsB < 0 || opportunitiesA <= 0 || opportunitiesB <= 0)
        {
            throw new DomainException("Comparing defect rates needs counts of at least 0 and opportunities on both lines.");
        }

        var n = defectsA + defectsB;
        if (n == 0)
        {
            return 1;
        }

        var p = (double)opportunitiesB / (opportunitiesA + opportunitiesB);
        double LogPmf(long k) => SpecialFunctions.BinomialLn((int)n, (int)k) + k * Math.Log(p) + (n - k) * Math.Log(1 - p);
        var observed = LogPmf(defectsB);
        double sum = 0;
        for (long k = 0; k <= n; k++)
        {
            var logP = LogPmf(k);
            if (logP <= observed + 1e-7)
            {
                sum += Math.Exp(logP);
            }
        }

        return Math.Min(1, sum);
    }
}
