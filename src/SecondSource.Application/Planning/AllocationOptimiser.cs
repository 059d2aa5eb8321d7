using System.Diagnostics;
using System.Globalization;
using Google.OrTools.LinearSolver;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

/// <summary>
/// Solves the weekly allocation MILP (research/planning.md §3.2, C1–C7) with OR-Tools: SCIP, or CBC when SCIP is not
/// in the build (logged and stated on the solution). Hard business rows — the share bands and the warm windows — are
/// elastic with a high penalty and demand is backlogged at a cost, so the model always has a plan; what had to give is
/// reported as <see cref="PlanSlack"/> with its constraint and period, never as a silent empty result. The relative gap
/// and the time limit are honoured; a plan cut by the limit is returned with its gap. One thread, so a solve is
/// reproducible (ADR 0010); <c>threads</c> is there for the benchmark's backend comparison (bench/, plan --solver).
/// </summary>
public sealed class AllocationOptimiser(ILogger<AllocationOptimiser>? logger = null, IReadOnlyList<string>? solvers = null, int threads = 1)
{
    /// <summary>Penalty per unit outside a share band (above any cost of making a unit).</summary>
    public const double BandPenalty = 50;

    /// <summary>Penalty per unit still owed at the plan's end: meeting demand comes before the share band.</summary>
    public const double UnmetPenalty = 1_000;

    /// <summary>Penalty per rolling window left without a warm batch.</summary>
    public const double WarmPenalty = 1_000_000;

    private readonly ILogger _logger = logger ?? NullLogger<AllocationOptimiser>.Instance;
    private readonly IReadOnlyList<string> _solvers = solvers ?? ["SCIP", "CBC"];

    public AllocationSolution Solve(AllocationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Checked();
        var (solver, name, note) = CreateSolver();
        using var _ = solver;
        var model = new Model(problem, solver);
        model.Build();

        solver.SetTimeLimit((long)Math.Ceiling(problem.TimeLimitSeconds * 1000));
        solver.SetNumThreads(threads);
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, problem.RelativeGap);
        var clock = Stopwatch.StartNew();
        var status = solver.Solve(parameters);
        var seconds = clock.Elapsed.TotalSeconds;
        var limited = status == Solver.ResultStatus.FEASIBLE || (status == Solver.ResultStatus.NOT_SOLVED && seconds >= problem.TimeLimitSeconds * 0.95);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            var why = limited
                ? string.Create(CultureInfo.InvariantCulture, $"no plan found within the time limit of {problem.TimeLimitSeconds:0.#} s")
                : $"{name} ended with {status}";
            return Empty(problem, name, note is null ? why : $"{note}; {why}", seconds, limited);
        }

        var objective = solver.Objective().Value();
        var bound = solver.Objective().BestBound();
        var gap = Math.Abs(objective - bound) / Math.Max(Math.Abs(objective), 1e-9);
        return model.Read(status == Solver.ResultStatus.OPTIMAL ? SolveStatus.Optimal : SolveStatus.Feasible, name, note, objective, bound, gap, seconds, limited);
    }

    private (Solver Solver, string Name, string? Note) CreateSolver()
    {
        var missing = new List<string>();
        foreach (var id in _solvers)
        {
            if (Solver.CreateSolver(id) is { } solver)
            {
                var note = missing.Count == 0 ? null : $"{string.Join(", ", missing)} not available in this build; solved with {id}";
                if (note is not null)
                {
                    _logger.LogWarning("Allocation optimiser: {Note}", note);
                }

                return (solver, id, note);
            }

            missing.Add(id);
        }

        throw new InvalidOperationException($"None of the MILP solvers {string.Join(", ", _solvers)} is available in this OR-Tools build.");
    }

    private static AllocationSolution Empty(AllocationProblem p, string solver, string note, double seconds, bool limited)
    {
        int n = p.Lines.Count, m = p.Products.Count, t = p.Weeks;
        return new(SolveStatus.NoSolution, solver, note, double.NaN, double.NaN, double.NaN, seconds, limited,
            new double[n, m, t], new bool[n, m, t], new bool[m, t], new double[n, t], new double[m, t], new double[m, t], []);
    }

    /// <summary>The variables and rows of one problem, built with the sparse row API (fast for large models).</summary>
    private sealed class Model(AllocationProblem p, Solver solver)
    {
        private readonly int _n = p.Lines.Count, _m = p.Products.Count, _t = p.Weeks;
        private readonly List<int> _second = [.. Enumerable.Range(0, p.Lines.Count).Where(s => p.Lines[s].SecondSource)];
        private Variable[,,] _x = null!, _z = null!;
        private Variable[,] _k = null!, _inv = null!, _back = null!, _w = null!;
        private readonly List<(Variable Slack, string Constraint, string Period, string Explanation)> _slacks = [];

        public void Build()
        {
            var objective = solver.Objective();
            objective.SetMinimization();
            _x = new Variable[_n, _m, _t];
            _z = new Variable[_n, _m, _t];
            _k = new Variable[_n, _t];
            _inv = new Variable[_m, _t];
            _back = new Variable[_m, _t];
            _w = new Variable[_m, _t];

            for (var s = 0; s < _n; s++)
            {
                var line = p.Lines[s];
                for (var t = 0; t < _t; t++)
                {
                    // C2: Σ_p a·x ≤ K ≤ Cap; K is paid for (staffing).
                    _k[s, t] = solver.MakeNumVar(0, line.HoursPerWeek[t], $"K_{s}_{t}");
                    objective.SetCoefficient(_k[s, t], line.CostPerHour);
                    if (t > 0 && double.IsFinite(line.RampLimitHours))
                    {
                        // C3: ramp limits on committed hours, not on units (batches are lumpy).
                        var ramp = solver.MakeConstraint(-line.RampLimitHours, line.RampLimitHours, $"ramp_{s}_{t}");
                        ramp.SetCoefficient(_k[s, t], 1);
                        ramp.SetCoefficient(_k[s, t - 1], -1);
                    }
                }
            }

            for (var q = 0; q < _m; q++)
            {
                var product = p.Products[q];
                var remaining = new double[_t + 1];
                for (var t = _t - 1; t >= 0; t--)
                {
                    remaining[t] = remaining[t + 1] + product.Demand[t];
                }

                for (var t = 0; t < _t; t++)
                {
                    _inv[q, t] = solver.MakeNumVar(0, double.PositiveInfinity, $"I_{q}_{t}");
                    _back[q, t] = solver.MakeNumVar(0, double.PositiveInfinity, $"B_{q}_{t}");
                    objective.SetCoefficient(_inv[q, t], product.HoldingCost);
                    objective.SetCoefficient(_back[q, t], product.BacklogCost + (t == _t - 1 ? UnmetPenalty : 0));

                    // C1: I − Bk = I₋₁ − Bk₋₁ + Σ_s x − D, written as −I + Bk + I₋₁ − Bk₋₁ + Σ_s x = D (− I₀ in week 1).
                    var rhs = product.Demand[t] - (t == 0 ? product.InitialInventory : 0);
                    var balance = solver.MakeConstraint(rhs, rhs, $"balance_{q}_{t}");
                    balance.SetCoefficient(_inv[q, t], -1);
                    balance.SetCoefficient(_back[q, t], 1);
                    if (t > 0)
                    {
                        balance.SetCoefficient(_inv[q, t - 1], 1);
                        balance.SetCoefficient(_back[q, t - 1], -1);
                    }

                    for (var s = 0; s < _n; s++)
                    {
                        // C4 with a tight big-M: no more than the line can make, nor than is still to be delivered.
                        var big = Math.Max(0, Math.Min(p.Lines[s].HoursPerWeek[t] / product.HoursPerUnit[s], remaining[t] + BacklogAllowance(product, t)));
                        var minimum = Math.Max(product.MinBatch[s], 1e-3);
                        var possible = big >= minimum;
                        _x[s, q, t] = p.WholeUnits
                            ? solver.MakeIntVar(0, possible ? Math.Floor(big) : 0, $"x_{s}_{q}_{t}")
                            : solver.MakeNumVar(0, possible ? big : 0, $"x_{s}_{q}_{t}");
                        _z[s, q, t] = solver.MakeIntVar(0, possible ? 1 : 0, $"z_{s}_{q}_{t}");
                        objective.SetCoefficient(_x[s, q, t], product.UnitCost[s]);
                        objective.SetCoefficient(_z[s, q, t], product.SetupCost[s]);
                        balance.SetCoefficient(_x[s, q, t], 1);
                        var upper = solver.MakeConstraint(double.NegativeInfinity, 0, $"batch_hi_{s}_{q}_{t}");
                        upper.SetCoefficient(_x[s, q, t], 1);
                        upper.SetCoefficient(_z[s, q, t], -big);
                        var lower = solver.MakeConstraint(0, double.PositiveInfinity, $"batch_lo_{s}_{q}_{t}");
                        lower.SetCoefficient(_x[s, q, t], 1);
                        lower.SetCoefficient(_z[s, q, t], -product.MinBatch[s]);
                    }

                    // C5 link: a warm week has a batch of at least m_warm at a second line.
                    _w[q, t] = solver.MakeIntVar(0, 1, $"w_{q}_{t}");
                    var warm = solver.MakeConstraint(0, double.PositiveInfinity, $"warm_link_{q}_{t}");
                    foreach (var s in _second)
                    {
                        warm.SetCoefficient(_x[s, q, t], 1);
                    }

                    warm.SetCoefficient(_w[q, t], -product.MinWarmBatch);
                }

                AddWarmWindows(q, product);
                AddShareBands(q, product);
            }

            for (var s = 0; s < _n; s++)
            {
                for (var t = 0; t < _t; t++)
                {
                    var capacity = solver.MakeConstraint(double.NegativeInfinity, 0, $"capacity_{s}_{t}");
                    for (var q = 0; q < _m; q++)
                    {
                        capacity.SetCoefficient(_x[s, q, t], p.Products[q].HoursPerUnit[s]);
                    }

                    capacity.SetCoefficient(_k[s, t], -1);
                }
            }
        }

        /// <summary>Units a week may make beyond what is still to deliver: the backlog it may be clearing (all demand so far).</summary>
        private static double BacklogAllowance(ModelProduct product, int t)
        {
            var sofar = 0.0;
            for (var i = 0; i < t; i++)
            {
                sofar += product.Demand[i];
            }

            return sofar;
        }

        private void AddWarmWindows(int q, ModelProduct product)
        {
            var window = p.Policy.WarmWindowWeeks;
            for (var end = p.FirstWarmWindowEnd(product); end < _t; end++)
            {
                var from = Math.Max(0, end - window + 1);
                var period = p.SpanLabel(product, from, end);
                var slack = solver.MakeNumVar(0, 1, $"warm_slack_{q}_{end}");
                solver.Objective().SetCoefficient(slack, WarmPenalty);
                var row = solver.MakeConstraint(1, double.PositiveInfinity, $"warm_{q}_{end}");
                for (var t = from; t <= end; t++)
                {
                    row.SetCoefficient(_w[q, t], 1);
                }

                row.SetCoefficient(slack, 1);
                _slacks.Add((slack, AllocationCheck.WarmRule, period,
                    $"no batch of ≥ {product.MinWarmBatch} units at the second source in these weeks (a warm batch every {window} weeks)"));
            }
        }

        private void AddShareBands(int q, ModelProduct product)
        {
            foreach (var quarter in Enumerable.Range(0, _t).GroupBy(t => p.QuarterOfWeek[t]))
            {
                var (min, max, launch) = p.Policy.BandFor(quarter.Key);
                var period = p.SpanLabel(product, quarter.Min(), quarter.Max());
                var under = solver.MakeNumVar(0, double.PositiveInfinity, $"band_under_{q}_{quarter.Key}");
                var over = solver.MakeNumVar(0, double.PositiveInfinity, $"band_over_{q}_{quarter.Key}");
                var above = solver.MakeNumVar(0, double.PositiveInfinity, $"target_above_{q}_{quarter.Key}");
                var below = solver.MakeNumVar(0, double.PositiveInfinity, $"target_below_{q}_{quarter.Key}");
                solver.Objective().SetCoefficient(under, BandPenalty);
                solver.Objective().SetCoefficient(over, BandPenalty);
                solver.Objective().SetCoefficient(above, p.ShareDeviationCost);
                solver.Objective().SetCoefficient(below, p.ShareDeviationCost);

                // C6: σ_min·Σ_all ≤ Σ_B + under;  Σ_B ≤ σ_max·Σ_all + over.  C7: Σ_B − σ_tgt·Σ_all = above − below.
                var low = solver.MakeConstraint(0, double.PositiveInfinity, $"band_min_{q}_{quarter.Key}");
                var high = solver.MakeConstraint(double.NegativeInfinity, 0, $"band_max_{q}_{quarter.Key}");
                var target = solver.MakeConstraint(0, 0, $"target_{q}_{quarter.Key}");
                foreach (var t in quarter)
                {
                    for (var s = 0; s < _n; s++)
                    {
                        var atSecond = p.Lines[s].SecondSource ? 1.0 : 0.0;
                        low.SetCoefficient(_x[s, q, t], atSecond - min);
                        high.SetCoefficient(_x[s, q, t], atSecond - max);
                        target.SetCoefficient(_x[s, q, t], atSecond - p.Policy.Target);
                    }
                }

                low.SetCoefficient(under, 1);
                high.SetCoefficient(over, -1);
                target.SetCoefficient(above, -1);
                target.SetCoefficient(below, 1);
                var band = string.Create(CultureInfo.InvariantCulture, $"the {(launch ? "launch" : "steady")} band {min:P0}–{max:P0}");
                _slacks.Add((under, AllocationCheck.BandRule, period, $"units short of {band} at the second source (its capacity, minimum batches or demand do not allow it)"));
                _slacks.Add((over, AllocationCheck.BandRule, period, $"units above {band} at the second source (the primary cannot take them)"));
            }
        }

        public AllocationSolution Read(SolveStatus status, string name, string? note, double objective, double bound, double gap, double seconds, bool limited)
        {
            var units = new double[_n, _m, _t];
            var batch = new bool[_n, _m, _t];
            var warm = new bool[_m, _t];
            var hours = new double[_n, _t];
            var inventory = new double[_m, _t];
            var backlog = new double[_m, _t];
            for (var q = 0; q < _m; q++)
            {
                for (var t = 0; t < _t; t++)
                {
                    for (var s = 0; s < _n; s++)
                    {
                        batch[s, q, t] = _z[s, q, t].SolutionValue() > 0.5;
                        units[s, q, t] = batch[s, q, t] ? Math.Max(0, _x[s, q, t].SolutionValue()) : 0;
                    }

                    warm[q, t] = _w[q, t].SolutionValue() > 0.5;
                    inventory[q, t] = Math.Max(0, _inv[q, t].SolutionValue());
                    backlog[q, t] = Math.Max(0, _back[q, t].SolutionValue());
                }
            }

            for (var s = 0; s < _n; s++)
            {
                for (var t = 0; t < _t; t++)
                {
                    hours[s, t] = _k[s, t].SolutionValue();
                }
            }

            var slacks = _slacks.Where(k => k.Slack.SolutionValue() > 1e-6)
                .Select(k => new PlanSlack(k.Constraint, k.Period, k.Slack.SolutionValue(), k.Explanation)).ToList();
            slacks.AddRange(BacklogSlacks(backlog));
            return new(status, name, note, objective, bound, gap, seconds, limited, units, batch, warm, hours, inventory, backlog, slacks);
        }

        /// <summary>Runs of weeks with a backlog, as "demand met" slacks with the peak backlog.</summary>
        private IEnumerable<PlanSlack> BacklogSlacks(double[,] backlog)
        {
            for (var q = 0; q < _m; q++)
            {
                var t = 0;
                while (t < _t)
                {
                    if (backlog[q, t] <= 0.5)
                    {
                        t++;
                        continue;
                    }

                    var from = t;
                    var peak = 0.0;
                    while (t < _t && backlog[q, t] > 0.5)
                    {
                        peak = Math.Max(peak, backlog[q, t]);
                        t++;
                    }

                    yield return new PlanSlack(AllocationCheck.DemandRule, p.SpanLabel(p.Products[q], from, t - 1), peak,
                        string.Create(CultureInfo.InvariantCulture, $"demand not met on time: a backlog of up to {peak:N0} units (capacity, ramp limits or minimum batches)"));
                }
            }
        }
    }
}
