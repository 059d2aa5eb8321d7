namespace SecondSource.Domain.Statistics;

/// <summary>
/// Adjusted p-values for a family of m tests (research note §1.8): Holm (family-wise error, any dependence),
/// Benjamini–Hochberg (false discovery rate) and Benjamini–Yekutieli (FDR under any dependence). A hypothesis is
/// rejected when its adjusted p ≤ α. NaN p-values (tests not run) are left out of m and stay NaN.
/// </summary>
public static class Multiplicity
{
    public static double[] Holm(IReadOnlyList<double> p)
    {
        var (order, m, result) = Prepare(p);
        double running = 0;
        for (var i = 0; i < m; i++)
        {
            running = Math.Max(running, Math.Min(1, (m - i) * p[order[i]]));
            result[order[i]] = running;
        }

        return result;
    }

    public static double[] BenjaminiHochberg(IReadOnlyList<double> p) => StepUp(p, 1);

    public static double[] BenjaminiYekutieli(IReadOnlyList<double> p)
    {
        var m = p.Count(double.IsFinite);
        return StepUp(p, Enumerable.Range(1, Math.Max(1, m)).Sum(k => 1.0 / k));
    }

    private static double[] StepUp(IReadOnlyList<double> p, double factor)
    {
        var (order, m, result) = Prepare(p);
        var running = 1.0;
        for (var i = m - 1; i >= 0; i--)
        {
            running = Math.Min(running, Math.Min(1, m * factor * p[order[i]] / (i + 1)));
            result[order[i]] = running;
        }

        return result;
    }

    private static (int[] Order, int M, double[] Result) Prepare(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var order = Enumerable.Range(0, p.Count).Where(i => double.IsFinite(p[i])).OrderBy(i => p[i]).ToArray();
        var result = Enumerable.Repeat(double.NaN, p.Count).ToArray();
        return (order, order.Length, result);
    }
}
