using SecondSource.Domain.Common;

namespace SecondSource.Domain.Statistics;

/// <summary>
/// χ² test of homogeneity of a 2×K table of counts (rows: lines B and A; columns: defect categories), without Yates'
/// correction, with Haberman's adjusted standardized residuals for row B and Cochran's validity rule (every expected
/// count ≥ 1 and at least 80 % of them ≥ 5). Columns empty on both rows are dropped.
/// </summary>
public sealed record HomogeneityResult(double ChiSquare, int DegreesOfFreedom, double P, IReadOnlyList<double> ExpectedB, IReadOnlyList<double> ResidualsB, bool Valid);

public static class Contingency
{
    public static HomogeneityResult Homogeneity(IReadOnlyList<long> b, IReadOnlyList<long> a)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(a);
        if (b.Count != a.Count)
        {
            throw new DomainException("Both lines need a count for every category.");
        }

        var columns = Enumerable.Range(0, b.Count).Where(j => b[j] + a[j] > 0).ToList();
        if (columns.Any(j => b[j] < 0 || a[j] < 0))
        {
            throw new DomainException("Counts cannot be negative.");
        }

        double rowB = columns.Sum(j => b[j]);
        double rowA = columns.Sum(j => a[j]);
        var total = rowA + rowB;
        if (columns.Count < 2 || rowA == 0 || rowB == 0)
        {
            throw new DomainException("A distribution comparison needs counts on both lines in at least two categories.");
        }

        double chi = 0;
        var expectedB = new List<double>();
        var residuals = new List<double>();
        var expectedAll = new List<double>();
        foreach (var j in columns)
        {
            double column = b[j] + a[j];
            var eB = rowB * column / total;
            var eA = rowA * column / total;
            chi += (b[j] - eB) * (b[j] - eB) / eB + (a[j] - eA) * (a[j] - eA) / eA;
            expectedB.Add(eB);
            expectedAll.Add(eB);
            expectedAll.Add(eA);
            residuals.Add((b[j] - eB) / Math.Sqrt(eB * (1 - rowB / total) * (1 - column / total)));
        }

        var df = columns.Count - 1;
        var valid = expectedAll.All(e => e >= 1) && expectedAll.Count(e => e >= 5) >= 0.8 * expectedAll.Count;
        return new HomogeneityResult(chi, df, Probability.ChiSquaredUpper(chi, df), expectedB, residuals, valid);
    }
}
