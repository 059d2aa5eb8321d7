using SecondSource.Domain.Common;

namespace SecondSource.Domain.Planning;

/// <summary>
/// What a Monte Carlo of primary-line outages needs (research/planning.md §4): weekly demand, the second line's
/// standing share and its surge ceiling (tested capacity credited by age, capped by reservation), finished goods on
/// hand, the primary's recovery time (P90 weeks: the outage is lognormal with median P90 / 2, so P90 = 2 × P50), how
/// many weeks ago the second line last built at the outage (a range: uniform over the cadence), the horizon and the
/// demand noise; and, when recorded, the component kits held for a surge: until component supply catches up
/// (<see cref="ComponentLeadWeeks"/> after the failure) the second line's output above its standing share cannot use
/// more than <see cref="ComponentKits"/> sets in all.
/// </summary>
public sealed record OutageInputs(
    double WeeklyDemand, double StandingShare, double SurgeCeiling, double FinishedGoods, double PrimaryRecoveryP90Weeks,
    double WeeksSinceBatchMin, double WeeksSinceBatchMax, int HorizonWeeks = 26, double DemandNoise = 0.1, double MonthlyRetention = 0.85, int WarmWeeks = 5,
    double? ComponentKits = null, int ComponentLeadWeeks = 0)
{
    public OutageInputs Checked()
    {
        if (!(WeeklyDemand > 0) || StandingShare is < 0 or > 1 || SurgeCeiling < 0 || FinishedGoods < 0 || !(PrimaryRecoveryP90Weeks > 0)
            || WeeksSinceBatchMin < 0 || WeeksSinceBatchMax < WeeksSinceBatchMin || HorizonWeeks is < 1 or > 104 || DemandNoise is < 0 or > 1
            || !(MonthlyRetention is > 0 and <= 1) || WarmWeeks < 1 || ComponentKits < 0 || ComponentLeadWeeks is < 0 or > 104)
        {
            throw new DomainException("An outage simulation needs positive demand and recovery, a share in [0, 1], non-negative capacity, inventory and weeks since the last batch, a 1–104-week horizon and noise in [0, 1].");
        }

        return this;
    }
}

/// <summary>One simulated outage: lost units, fill rate, realised time to survive (weeks; the horizon if never short), week the second line reached 90 % of demand (null if not), the primary's outage length.</summary>
public readonly record struct OutageOutcome(double LostUnits, double FillRate, int TimeToSurvive, int? WeeksTo90, double OutageWeeks);

/// <summary>
/// The distribution over scenarios: mean fill rate, P(any loss), lost units mean and median, VaR95 (the P95, by the
/// index-based quantile of <see cref="StressTest.Tail"/>) and CVaR95, the share of scenarios reaching 90 % at the second line and
/// the median weeks to get there, the survival curve S(k) = P(TTS ≥ k) for k = 0..H and the primary's recovery
/// exceedance P(outage ≥ k), and the sorted losses (for the loss-exceedance curve).
/// </summary>
public sealed record OutageSummary(
    int Scenarios, double MeanFillRate, double ProbabilityOfLoss, double MeanLost, double MedianLost, double ValueAtRisk95, double ConditionalValueAtRisk95,
    double ShareReaching90, double? MedianWeeksTo90, IReadOnlyList<double> Survival, IReadOnlyList<double> RecoveryExceedance, double[] SortedLosses)
{
    /// <summary>P(L &gt; x) for the loss-exceedance curve.</summary>
    public double Exceedance(double x)
    {
        var firstAbove = Array.BinarySearch(SortedLosses, x);
        var index = firstAbove < 0 ? ~firstAbove : firstAbove;
        while (index < SortedLosses.Length && SortedLosses[index] <= x)
        {
            index++;
        }

        return (double)(SortedLosses.Length - index) / SortedLosses.Length;
    }
}

/// <summary>
/// Monte Carlo of the primary line failing at week 0 (a conditional stress test), with the fast dispatch policy of
/// research/planning.md §4.2: each week the primary makes its share less the outage's capacity loss until it recovers,
/// the second line its standing share and, once the trigger delay (and, if it is not warm, a first-article week) has
/// passed, its ramp envelope towards the surge ceiling — slower and with a lower first-week rate the colder it is —
/// finished goods cover the gap, and demand not met is lost. Every scenario draws from its own generator seeded from
/// (run seed, scenario number), so runs are reproducible and two policies run on the same scenarios (common random
/// numbers) differ only by the policy.
/// </summary>
public static class OutageSimulation
{
    private static readonly double P90Z = 1.2815515655446004; // Φ⁻¹(0.9)

    public static OutageOutcome[] Run(OutageInputs inputs, int scenarios, int seed)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        inputs.Checked();
        if (scenarios is < 1 or > 10_000_000)
        {
            throw new DomainException($"Run 1 to 10,000,000 scenarios (asked for {scenarios}).");
        }

        var outcomes = new OutageOutcome[scenarios];
        Parallel.For(0, scenarios, n => outcomes[n] = One(inputs, new Random(ScenarioSeed(seed, n))));
        return outcomes;
    }

    /// <summary>SplitMix64 of (seed, n): independent, reproducible streams per scenario.</summary>
    public static int ScenarioSeed(int seed, int scenario)
    {
        var z = unchecked(((ulong)(uint)seed << 32) + (ulong)(uint)scenario + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    public static OutageSummary Summarise(OutageOutcome[] outcomes, int horizonWeeks)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Length == 0)
        {
            throw new DomainException("No scenarios to summarise.");
        }

        var losses = outcomes.Select(o => o.LostUnits).ToArray();
        Array.Sort(losses);
        var (var95, cvar95) = StressTest.Tail(losses, 0.95);
        var reached = outcomes.Where(o => o.WeeksTo90 is not null).Select(o => (double)o.WeeksTo90!.Value).Order().ToArray();
        var n = (double)outcomes.Length;
        var survival = Enumerable.Range(0, horizonWeeks + 1).Select(k => outcomes.Count(o => o.TimeToSurvive >= k) / n).ToArray();
        var recovery = Enumerable.Range(0, horizonWeeks + 1).Select(k => outcomes.Count(o => o.OutageWeeks >= k) / n).ToArray();
        return new OutageSummary(outcomes.Length, outcomes.Average(o => o.FillRate), outcomes.Count(o => o.LostUnits > 0.5) / n, losses.Average(),
            Quantile(losses, 0.5), var95, cvar95, reached.Length / n, reached.Length == 0 ? null : Quantile(reached, 0.5),
            survival, recovery, losses);
    }

    /// <summary>Index-based quantile (the convention of <see cref="StressTest.Tail"/>): element floor(p·n) of the sorted values.</summary>
    private static double Quantile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Floor(p * sorted.Length), 0, sorted.Length - 1)];

    private static OutageOutcome One(OutageInputs x, Random random)
    {
        // The draws, always in the same order so that common random numbers line up across policies.
        var outage = Math.Exp(Math.Log(x.PrimaryRecoveryP90Weeks / 2) + (Math.Log(2) / P90Z * Normal(random)));
        var fullLoss = random.NextDouble() < 0.5;
        var capacityLoss = fullLoss ? 1 : Beta22(random);
        var u = random.NextDouble();
        var delay = u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
        var tau = Triangular(random, 1, 2, 4);
        var weeksSince = x.WeeksSinceBatchMin + ((x.WeeksSinceBatchMax - x.WeeksSinceBatchMin) * random.NextDouble());
        var noise = new double[x.HorizonWeeks];
        for (var k = 0; k < noise.Length; k++)
        {
            noise[k] = Math.Max(0, 1 + (x.DemandNoise * Normal(random)));
        }

        var retention = Warmth.Retention(x.MonthlyRetention, weeksSince);
        var firstWeekRate = Warmth.MinimumFirstWeekRate + ((1 - Warmth.MinimumFirstWeekRate) * retention);
        var start = delay + (weeksSince > x.WarmWeeks ? 1 : 0); // a line that is not warm passes a first-article check first
        var rampTau = tau / Math.Max(retention, 0.25);
        var standing = x.StandingShare * x.WeeklyDemand;
        var ceiling = Math.Max(x.SurgeCeiling, standing);

        double stock = x.FinishedGoods, lost = 0, demanded = 0, kitsUsed = 0;
        var survive = x.HorizonWeeks;
        int? t90 = null;
        for (var k = 0; k < x.HorizonWeeks; k++)
        {
            var demand = x.WeeklyDemand * noise[k];
            demanded += demand;
            var down = k < outage;
            var primary = (1 - x.StandingShare) * x.WeeklyDemand * (down ? 1 - capacityLoss : 1);
            var second = standing;
            if (down && k >= start)
            {
                var j = k - start + 1;
                var phi = 1 - ((1 - (standing / Math.Max(ceiling, 1e-9))) * Math.Exp(-j / rampTau));
                var theta = 1 - ((1 - firstWeekRate) * Math.Exp(-(j - 1) / EmergencyShift.RateRecoveryWeeks));
                second = Math.Max(standing, ceiling * phi * theta);
            }

            if (x.ComponentKits is { } kits && k < x.ComponentLeadWeeks)
            {
                // Until supply catches up the surge above the standing share draws on the kits held.
                var extra = Math.Min(second - standing, Math.Max(0, kits - kitsUsed));
                second = standing + extra;
                kitsUsed += extra;
            }

            if (t90 is null && second >= 0.9 * demand)
            {
                t90 = k + 1;
            }

            stock += primary + second - demand;
            if (stock < 0)
            {
                if (survive == x.HorizonWeeks)
                {
                    survive = k;
                }

                lost -= stock;
                stock = 0;
            }
        }

        return new OutageOutcome(lost, demanded <= 0 ? 1 : 1 - (lost / demanded), survive, t90, outage);
    }

    private static double Normal(Random random)
    {
        // Box–Muller; 1 − U keeps the logarithm finite.
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Beta(2, 2) as the median of three uniforms.</summary>
    private static double Beta22(Random random)
    {
        double a = random.NextDouble(), b = random.NextDouble(), c = random.NextDouble();
        return Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
    }

    private static double Triangular(Random random, double low, double mode, double high)
    {
        var u = random.NextDouble();
        var cut = (mode - low) / (high - low);
        return u < cut ? low + Math.Sqrt(u * (high - low) * (mode - low)) : high - Math.Sqrt((1 - u) * (high - low) * (high - mode));
    }
}
