using System.Globalization;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Planning;

/// <summary>
/// A line in the weekly allocation model: its capacity in hours each week, the cost of a committed hour, the most
/// its committed hours may change from one week to the next (ramp limit; infinity for none), and whether it is a
/// second source (its share is banded and it must be kept warm).
/// </summary>
public sealed record ModelLine(string Name, bool SecondSource, IReadOnlyList<double> HoursPerWeek, double CostPerHour = 0, double RampLimitHours = double.PositiveInfinity);

/// <summary>
/// A product in the weekly allocation model: weekly demand, finished goods on hand at the start, and per line (in the
/// order of the problem's lines) the hours a unit takes, the unit cost, the set-up cost of a batch and the minimum batch;
/// the minimum warm batch at a second line; holding and backlog costs per unit-week; and how many weeks before the plan
/// the second line last built a warm batch (null: never, so only whole windows inside the plan are checked).
/// </summary>
public sealed record ModelProduct(
    string Name, IReadOnlyList<double> Demand, double InitialInventory, IReadOnlyList<double> HoursPerUnit, IReadOnlyList<double> UnitCost,
    IReadOnlyList<double> SetupCost, IReadOnlyList<int> MinBatch, int MinWarmBatch, double HoldingCost = 0.01, double BacklogCost = 5, int? WeeksSinceWarmBatch = 0);

/// <summary>
/// The weekly allocation MILP of research/planning.md §3.2 (C1 finished-goods balance with backlog, C2 capacity, C3
/// ramp limits, C4 batch linking with a tight big-M, C5 rolling warm windows, C6 quarterly share bands, C7 the share
/// target): lines, products, the quarter of each week counted from the second line's launch quarter (0 = launch),
/// the policy, the solver's time limit and relative gap; with <see cref="WholeUnits"/> units are integers (a plan to
/// adopt, whose bands must hold without rounding), otherwise continuous (faster, for studies).
/// </summary>
public sealed record AllocationProblem(
    IReadOnlyList<ModelLine> Lines, IReadOnlyList<ModelProduct> Products, IReadOnlyList<int> QuarterOfWeek, SharePolicy Policy,
    double TimeLimitSeconds = 30, double RelativeGap = 0.01, double ShareDeviationCost = 0.5, DateOnly? FirstMonday = null, bool WholeUnits = false)
{
    public int Weeks => QuarterOfWeek.Count;

    /// <summary>Week <paramref name="t"/> (0-based) as an ISO week when the plan has dates, else "week N".</summary>
    public string WeekLabel(int t) => FirstMonday is { } m ? PlanWeeks.Label(m.AddDays(7 * t)) : $"week {t + 1}";

    /// <summary>A span of weeks, as used in slack periods: "VSM-200 2027-W03 to 2027-W06".</summary>
    public string SpanLabel(ModelProduct product, int from, int to) => from == to ? $"{product?.Name} {WeekLabel(from)}" : $"{product?.Name} {WeekLabel(from)} to {WeekLabel(to)}";

    public AllocationProblem Checked()
    {
        Policy.Checked();
        var n = Lines.Count;
        if (n < 2 || !Lines.Any(l => l.SecondSource) || !Lines.Any(l => !l.SecondSource))
        {
            throw new DomainException("The model needs at least two lines, a primary and a second source.");
        }

        if (Weeks is < 1 or > 104 || Products.Count == 0 || !(TimeLimitSeconds > 0) || RelativeGap is < 0 or > 1)
        {
            throw new DomainException("The model plans 1–104 weeks of at least one product, with a positive time limit and a gap in [0, 1].");
        }

        foreach (var line in Lines.Where(l => l.HoursPerWeek.Count != Weeks || l.HoursPerWeek.Any(h => h < 0 || !double.IsFinite(h)) || !(l.RampLimitHours >= 0)))
        {
            throw new DomainException($"{line.Name}: one finite, non-negative capacity per week ({Weeks}) and a non-negative ramp limit.");
        }

        foreach (var p in Products)
        {
            if (p.Demand.Count != Weeks || p.Demand.Any(d => d < 0 || !double.IsFinite(d)) || p.InitialInventory < 0
                || p.HoursPerUnit.Count != n || p.UnitCost.Count != n || p.SetupCost.Count != n || p.MinBatch.Count != n
                || p.HoursPerUnit.Any(h => !(h > 0)) || p.MinBatch.Any(m => m < 0) || p.MinWarmBatch < 1 || p.WeeksSinceWarmBatch < 0)
            {
                throw new DomainException($"{p.Name}: one non-negative demand per week, and per line a positive hours per unit, a cost, a set-up cost and a minimum batch.");
            }
        }

        return this;
    }

    /// <summary>The first week whose rolling warm window must hold a batch planned here (earlier windows are covered by the line's history).</summary>
    public int FirstWarmWindowEnd(ModelProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var w = Policy.WarmWindowWeeks;
        return product.WeeksSinceWarmBatch is { } since ? Math.Max(0, w - 1 - since) : w - 1;
    }
}

/// <summary>How a solve ended: optimal within the gap, a feasible plan at the time limit, or no plan.</summary>
public enum SolveStatus
{
    Optimal,
    Feasible,
    NoSolution,
}

/// <summary>A relaxed business rule in the solved plan: the constraint, the period, and by how much (units).</summary>
public sealed record PlanSlack(string Constraint, string Period, double Amount, string Explanation);

/// <summary>
/// A solved plan: status, the solver used (and why, when it fell back), objective and best bound, relative gap, wall
/// time and whether the time limit cut the search; per line, product and week the units started, the batch and warm
/// indicators and committed hours; per product and week the inventory and backlog; and every relaxed rule.
/// </summary>
public sealed record AllocationSolution(
    SolveStatus Status, string Solver, string? SolverNote, double Objective, double BestBound, double Gap, double Seconds, bool HitTimeLimit,
    double[,,] Units, bool[,,] Batch, bool[,] Warm, double[,] CommittedHours, double[,] Inventory, double[,] Backlog, IReadOnlyList<PlanSlack> Slacks)
{
    /// <summary>
    /// Checks the plan's invariants (research/planning.md §8 case 7): finished-goods balance exact to 1e-6, no units
    /// without a batch, batches within the minimum and capacity, every rolling warm window holding a warm batch at a
    /// second line or a named warm slack, every quarter's share in band or a named band slack. Returns what fails.
    /// </summary>
    public IReadOnlyList<string> Violations(AllocationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var inv = CultureInfo.InvariantCulture;
        var found = new List<string>();
        if (Status == SolveStatus.NoSolution)
        {
            return found;
        }

        var second = Enumerable.Range(0, problem.Lines.Count).Where(s => problem.Lines[s].SecondSource).ToList();
        for (var p = 0; p < problem.Products.Count; p++)
        {
            var product = problem.Products[p];
            double stock = product.InitialInventory, owed = 0;
            for (var t = 0; t < problem.Weeks; t++)
            {
                var made = 0.0;
                for (var s = 0; s < problem.Lines.Count; s++)
                {
                    var x = Units[s, p, t];
                    made += x;
                    if (x < -1e-6 || (!Batch[s, p, t] && x > 1e-6) || (Batch[s, p, t] && x < product.MinBatch[s] - 1e-6))
                    {
                        found.Add(string.Create(inv, $"{product.Name} week {t + 1} at {problem.Lines[s].Name}: {x} units with batch {Batch[s, p, t]} (minimum {product.MinBatch[s]})"));
                    }
                }

                var net = stock - owed + made - product.Demand[t];
                // 1e-6 relative to the week's flows: the solver's feasibility tolerance scales with the row.
                var tolerance = 1e-6 * Math.Max(1, stock + owed + made + product.Demand[t]);
                if (Math.Abs(Inventory[p, t] - Backlog[p, t] - net) > tolerance || Inventory[p, t] < -1e-6 || Backlog[p, t] < -1e-6)
                {
                    found.Add(string.Create(inv, $"{product.Name} week {t + 1}: balance {Inventory[p, t]} − {Backlog[p, t]} ≠ {net}"));
                }

                (stock, owed) = (Inventory[p, t], Backlog[p, t]);
            }

            var window = problem.Policy.WarmWindowWeeks;
            for (var end = problem.FirstWarmWindowEnd(product); end < problem.Weeks; end++)
            {
                var from = Math.Max(0, end - window + 1);
                var warm = Enumerable.Range(from, end - from + 1).Any(t => second.Any(s => Units[s, p, t] >= product.MinWarmBatch - 1e-6));
                if (!warm && !Slacks.Any(k => k.Constraint == AllocationCheck.WarmRule && k.Period == problem.SpanLabel(product, from, end)))
                {
                    found.Add($"no warm batch in {problem.SpanLabel(product, from, end)} and no slack named");
                }
            }

            foreach (var quarter in Enumerable.Range(0, problem.Weeks).GroupBy(t => problem.QuarterOfWeek[t]))
            {
                var total = quarter.Sum(t => Enumerable.Range(0, problem.Lines.Count).Sum(s => Units[s, p, t]));
                var atSecond = quarter.Sum(t => second.Sum(s => Units[s, p, t]));
                var (min, max, _) = problem.Policy.BandFor(quarter.Key);
                var outside = atSecond < (min * total) - (1e-6 * Math.Max(1, total)) || atSecond > (max * total) + (1e-6 * Math.Max(1, total));
                var label = problem.SpanLabel(product, quarter.Min(), quarter.Max());
                if (outside && !Slacks.Any(k => k.Constraint == AllocationCheck.BandRule && k.Period == label))
                {
                    found.Add(string.Create(inv, $"{label}: second-source share {atSecond / total:P2} outside {min:P0}–{max:P0} and no slack named"));
                }
            }
        }

        return found;
    }
}
