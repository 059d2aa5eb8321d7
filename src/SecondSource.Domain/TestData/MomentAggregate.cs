namespace SecondSource.Domain.TestData;

/// <summary>
/// Mergeable exact sufficient statistics of one measurement: count, mean, the central moment sums M2, M3, M4, minimum
/// and maximum. Values are added one at a time with Welford's update (M3 and M4 per Pébay 2008) and partitions are
/// combined with the Chan–Golub–LeVeque merge, so statistics of a quarter are merged from its batches without reading
/// a raw value again (research note <c>stats_methods.md</c> §5.1). Never Σx² − (Σx)²/n.
/// </summary>
public sealed class MomentAggregate
{
    public long Count { get; private set; }

    public double Mean { get; private set; }

    public double M2 { get; private set; }

    public double M3 { get; private set; }

    public double M4 { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Sample variance (n − 1); NaN below two values.</summary>
    public double Variance => Count < 2 ? double.NaN : M2 / (Count - 1);

    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Population (biased) skewness g1 = √n·M3 / M2^1.5, as <c>scipy.stats.skew</c> computes it.</summary>
    public double Skewness => Count < 2 || M2 == 0 ? double.NaN : Math.Sqrt(Count) * M3 / Math.Pow(M2, 1.5);

    /// <summary>Population excess kurtosis g2 = n·M4 / M2² − 3, as <c>scipy.stats.kurtosis</c> computes it.</summary>
    public double ExcessKurtosis => Count < 2 || M2 == 0 ? double.NaN : Count * M4 / (M2 * M2) - 3;

    public static MomentAggregate Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var aggregate = new MomentAggregate();
        foreach (var value in values)
        {
            aggregate.Add(value);
        }

        return aggregate;
    }

    /// <summary>Rebuilds a stored aggregate.</summary>
    public static MomentAggregate From(long count, double mean, double m2, double m3, double m4, double min, double max) =>
        count < 0 ? throw new ArgumentOutOfRangeException(nameof(count)) : new MomentAggregate { Count = count, Mean = mean, M2 = m2, M3 = m3, M4 = m4, Min = min, Max = max };

    public void Add(double x)
    {
        var n1 = Count;
        var n = ++Count;
        var delta = x - Mean;
        var deltaN = delta / n;
        var deltaN2 = deltaN * deltaN;
        var term = delta * deltaN * n1;
        Mean += deltaN;
        M4 += term * deltaN2 * ((double)n * n - 3 * n + 3) + 6 * deltaN2 * M2 - 4 * deltaN * M3;
        M3 += term * deltaN * (n - 2) - 3 * deltaN * M2;
        M2 += term;
        Min = Math.Min(Min, x);
        Max = Math.Max(Max, x);
    }

    /// <summary>Adds another partition's statistics to this one (Chan et al.; Pébay for M3 and M4).</summary>
    public void Merge(MomentAggregate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        if (Count == 0)
        {
            (Count, Mean, M2, M3, M4, Min, Max) = (other.Count, other.Mean, other.M2, other.M3, other.M4, other.Min, other.Max);
            return;
        }

        double na = Count, nb = other.Count, n = na + nb;
        var delta = other.Mean - Mean;
        var delta2 = delta * delta;
        var m2 = M2 + other.M2 + delta2 * na * nb / n;
        var m3 = M3 + other.M3 + delta2 * delta * na * nb * (na - nb) / (n * n) + 3 * delta * (na * other.M2 - nb * M2) / n;
        var m4 = M4 + other.M4 + delta2 * delta2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
            + 6 * delta2 * (na * na * other.M2 + nb * nb * M2) / (n * n) + 4 * delta * (na * other.M3 - nb * M3) / n;
        Mean += delta * nb / n;
        (M2, M3, M4) = (m2, m3, m4);
        Count += other.Count;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }
}
