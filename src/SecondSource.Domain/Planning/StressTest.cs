using SecondSource.Domain.Common;

namespace SecondSource.Domain.Planning;

/// <summary>A time to survive, or "at least the horizon" when supply never runs short within it.</summary>
public readonly record struct TimeToSurvive(double Weeks, bool AtLeastHorizon);

/// <summary>
/// Disruption stress-test measures with closed forms (research note planning.md §2): the single-bucket time to
/// survive, the time-indexed time to survive over a ramp envelope and the bridge inventory it needs, the risk
/// exposure index, and value-at-risk / conditional value-at-risk of losses.
/// </summary>
public static class StressTest
{
    /// <summary>
    /// Single product, one alternative at full rate from day one: TTS = s / (d − c_B) when c_B &lt; d, else at least
    /// the horizon (the LP with the cap t ≤ T_max).
    /// </summary>
    public static TimeToSurvive SingleBucket(double inventory, double weeklyDemand, double alternativeCapacity, double horizonWeeks = 52)
    {
        if (inventory < 0 || weeklyDemand <= 0 || alternativeCapacity < 0 || horizonWeeks <= 0)
        {
            throw new DomainException("Inventory and capacity are not negative; demand and the horizon are positive.");
        }

        if (alternativeCapacity >= weeklyDemand)
        {
            return new TimeToSurvive(horizonWeeks, true);
        }

        var weeks = inventory / (weeklyDemand - alternativeCapacity);
        return weeks >= horizonWeeks ? new TimeToSurvive(horizonWeeks, true) : new TimeToSurvive(weeks, false);
    }

    /// <summary>
    /// Time-indexed TTS in whole weeks: the largest K with I₀ + Σ_{k≤K'} C(k) ≥ Σ_{k≤K'} D(k) for every K' ≤ K (weekly
    /// capacities past the envelope stay at its last value); the horizon when it never runs short.
    /// </summary>
    public static TimeToSurvive TimeIndexed(double inventory, IReadOnlyList<double> weeklyDemand, IReadOnlyList<double> capacityEnvelope, int horizonWeeks = 52)
    {
        ArgumentNullException.ThrowIfNull(weeklyDemand);
        ArgumentNullException.ThrowIfNull(capacityEnvelope);
        Check(inventory, weeklyDemand, capacityEnvelope);
        var stock = inventory;
        for (var k = 0; k < horizonWeeks; k++)
        {
            stock += At(capacityEnvelope, k) - At(weeklyDemand, k);
            if (stock < -1e-9)
            {
                return new TimeToSurvive(k, false);
            }
        }

        return new TimeToSurvive(horizonWeeks, true);
    }

    /// <summary>Bridge inventory G* = max_K Σ_{k≤K} (D(k) − C(k)), floored at 0: what covers the whole ramp without loss.</summary>
    public static double BridgeInventory(IReadOnlyList<double> weeklyDemand, IReadOnlyList<double> capacityEnvelope, int horizonWeeks = 52)
    {
        ArgumentNullException.ThrowIfNull(weeklyDemand);
        ArgumentNullException.ThrowIfNull(capacityEnvelope);
        Check(0, weeklyDemand, capacityEnvelope);
        double shortfall = 0, worst = 0;
        for (var k = 0; k < horizonWeeks; k++)
        {
            shortfall += At(weeklyDemand, k) - At(capacityEnvelope, k);
            worst = Math.Max(worst, shortfall);
        }

        return worst;
    }

    /// <summary>Risk exposure index: PI_j / max PI (all zero when no node has an impact).</summary>
    public static double[] RiskExposure(IReadOnlyList<double> performanceImpact)
    {
        ArgumentNullException.ThrowIfNull(performanceImpact);
        var max = performanceImpact.DefaultIfEmpty(0).Max();
        return [.. performanceImpact.Select(p => max <= 0 ? 0 : p / max)];
    }

    /// <summary>
    /// Value-at-risk and conditional value-at-risk of losses at <paramref name="level"/>: VaR is the sorted loss at
    /// 0-based index ⌊level·n⌋ (the research note's index-based empirical quantile: losses 1..100 give 96), CVaR the mean
    /// of the losses from that index on (98).
    /// </summary>
    public static (double ValueAtRisk, double ConditionalValueAtRisk) Tail(IReadOnlyList<double> losses, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (losses.Count == 0 || !(level > 0 && level < 1))
        {
            throw new DomainException("Value-at-risk needs losses and a level between 0 and 1.");
        }

        var sorted = losses.Order().ToArray();
        var index = Math.Clamp((int)Math.Floor(level * sorted.Length), 0, sorted.Length - 1);
        return (sorted[index], sorted[index..].Average());
    }

    private static double At(IReadOnlyList<double> series, int k) => series.Count == 0 ? 0 : series[Math.Min(k, series.Count - 1)];

    private static void Check(double inventory, IReadOnlyList<double> demand, IReadOnlyList<double> capacity)
    {
        if (inventory < 0 || demand.Count == 0 || demand.Any(d => d < 0 || !double.IsFinite(d)) || capacity.Any(c => c < 0 || !double.IsFinite(c)))
        {
            throw new DomainException("Inventory, demand and capacity are finite and not negative, with at least one week of demand.");
        }
    }
}
