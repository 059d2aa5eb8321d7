using Google.OrTools.LinearSolver;
using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

/// <summary>
/// Time to survive by binary search on the time-indexed LP of research/planning.md §2.4 (GLOP): the largest whole number
/// of weeks t for which finished goods plus the second line's output, each week within its ramp envelope, meet every
/// week's demand up to t with stock never negative. Feasibility is monotone in t, so a binary search over [0, horizon]
/// needs about log₂(horizon) solves. <see cref="StressTest.TimeIndexed"/> is the greedy oracle it must agree with.
/// </summary>
public static class TimeToSurviveLp
{
    /// <remarks>
    /// With <paramref name="kits"/>, the second line's cumulative output above <paramref name="standing"/> a week is
    /// limited to that many component sets for the first <paramref name="kitWeeks"/> weeks (until supply catches up).
    /// </remarks>
    public static TimeToSurvive Solve(double inventory, IReadOnlyList<double> weeklyDemand, IReadOnlyList<double> capacityEnvelope, int horizonWeeks = 52,
        double? kits = null, double standing = 0, int kitWeeks = 0)
    {
        ArgumentNullException.ThrowIfNull(weeklyDemand);
        ArgumentNullException.ThrowIfNull(capacityEnvelope);
        if (inventory < 0 || weeklyDemand.Count == 0 || horizonWeeks < 1 || weeklyDemand.Concat(capacityEnvelope).Any(v => v < 0 || !double.IsFinite(v)))
        {
            throw new DomainException("Inventory, demand and capacity are finite and not negative, with at least one week of demand and a horizon.");
        }

        var limit = kits is { } k ? (k, standing, kitWeeks) : ((double, double, int)?)null;
        if (Feasible(inventory, weeklyDemand, capacityEnvelope, horizonWeeks, limit))
        {
            return new TimeToSurvive(horizonWeeks, true);
        }

        int low = 0, high = horizonWeeks; // feasible(low), not feasible(high)
        while (high - low > 1)
        {
            var mid = (low + high) / 2;
            if (Feasible(inventory, weeklyDemand, capacityEnvelope, mid, limit))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return new TimeToSurvive(low, false);
    }

    /// <summary>
    /// Is there a schedule x_k ≤ envelope_k with I₀ + Σ_{j≤k} (x_j − d_j) ≥ 0 for every k &lt; weeks (and, with kits,
    /// Σ_{j≤k} x_j ≤ kits + (k + 1)·standing while k &lt; the kit weeks)?
    /// </summary>
    private static bool Feasible(double inventory, IReadOnlyList<double> demand, IReadOnlyList<double> envelope, int weeks, (double Kits, double Standing, int Weeks)? limit)
    {
        if (weeks == 0)
        {
            return true;
        }

        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available in this OR-Tools build.");
        var x = new Variable[weeks];
        var cumulativeDemand = 0.0;
        for (var k = 0; k < weeks; k++)
        {
            x[k] = solver.MakeNumVar(0, At(envelope, k), $"x_{k}");
            cumulativeDemand += At(demand, k);

            // Stock at the end of week k: I₀ + Σ_{j≤k} x_j − Σ_{j≤k} d_j ≥ 0.
            var stock = solver.MakeConstraint(cumulativeDemand - inventory, double.PositiveInfinity, $"stock_{k}");
            for (var j = 0; j <= k; j++)
            {
                stock.SetCoefficient(x[j], 1);
            }

            if (limit is { } l && k < l.Weeks)
            {
                var components = solver.MakeConstraint(double.NegativeInfinity, l.Kits + ((k + 1) * l.Standing), $"kits_{k}");
                for (var j = 0; j <= k; j++)
                {
                    components.SetCoefficient(x[j], 1);
                }
            }
        }

        solver.Minimize(new LinearExpr());
        return solver.Solve() == Solver.ResultStatus.OPTIMAL;
    }

    private static double At(IReadOnlyList<double> series, int k) => series.Count == 0 ? 0 : series[Math.Min(k, series.Count - 1)];
}
