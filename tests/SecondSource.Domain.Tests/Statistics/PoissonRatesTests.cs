using SecondSource.Domain.Statistics;

namespace SecondSource.Domain.Tests.Statistics;

/// <summary>DPMO with its exact interval and the exact conditional rate test: research note stats_methods.md §7.4, Example 3.</summary>
public sealed class PoissonRatesTests
{
    [Fact]
    public void Dpmo_and_the_garwood_interval_match_example_3()
    {
        // A: 300 defects over 5,000 boards × 1,200 opportunities; B: 100 over 300 × 1,200 (SELF values of the note).
        var a = PoissonRates.Rate(300, 6_000_000);
        a.Dpmo.ShouldBe(50.0, 1e-12);
        a.Ci95.Low.ShouldBe(44.5015, 1e-4);
        a.Ci95.High.ShouldBe(55.9902, 1e-4);
        var b = PoissonRates.Rate(100, 360_000);
        b.Dpmo.ShouldBe(277.78, 0.005);
        b.Ci95.Low.ShouldBe(226.0111, 1e-4);
        b.Ci95.High.ShouldBe(337.8522, 1e-4);
    }

    [Fact]
    public void The_exact_conditional_test_matches_example_3()
    {
        // statsmodels test_poisson_2indep(method='exact-cond'): p = 1.343893983197021e-36.
        var p = PoissonRates.ExactConditionalP(100, 360_000, 300, 6_000_000);
        (Math.Abs(p - 1.343893983197021e-36) / 1.343893983197021e-36).ShouldBeLessThan(1e-6);
        PoissonRates.ExactConditionalP(300, 6_000_000, 100, 360_000).ShouldBe(p, p * 1e-9);
    }

    [Fact]
    public void Equal_rates_and_no_defects_are_not_different()
    {
        PoissonRates.ExactConditionalP(10, 1000, 10, 1000).ShouldBe(1, 1e-12);
        PoissonRates.ExactConditionalP(0, 1000, 0, 5000).ShouldBe(1);
        PoissonRates.Rate(0, 1000).Ci95.Low.ShouldBe(0);
        // Zero defects: the upper bound is χ²(0.975, 2)/2 = 3.6889 per opportunity set.
        PoissonRates.Rate(0, 1_000_000).Ci95.High.ShouldBe(3.688879, 1e-5);
    }
}
