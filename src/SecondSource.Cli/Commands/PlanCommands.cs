using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Planning;
using SecondSource.Domain.Planning;

namespace SecondSource.Cli.Commands;

/// <summary>
/// <c>secondsource plan forecast import|check|optimise</c> and <c>secondsource stress</c>: the demand forecast, the
/// allocation plan checked against the program's policy, the optimiser's proposal, and the Monte Carlo stress test.
/// </summary>
internal static class PlanCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Plan(CliContext context)
    {
        var plan = new Command("plan", "Demand forecast and allocation plan: import, check against the policy, optimise.");
        var forecast = new Command("forecast", "The demand forecast.");
        forecast.Subcommands.Add(ImportForecast(context));
        plan.Subcommands.Add(forecast);
        plan.Subcommands.Add(Check(context));
        plan.Subcommands.Add(Optimise(context));
        return plan;
    }

    private static Command ImportForecast(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A CSV with product, period (2027-W05 or 2027-03) and quantity." };
        var json = CommandActions.JsonOption();
        var command = new Command("import", "Import a forecast; it replaces the stored periods it overlaps. Exit 2 when refused (each error with line and field).") { file, json };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var path = parsed.GetValue(file)!;
            await using (var stream = CommandActions.OpenInput(path))
            {
                var result = await services.GetRequiredService<ImportForecastHandler>().HandleAsync(new ImportForecastRequest(stream, Path.GetFileName(path), $"cli:{Environment.UserName}"), ct);
                if (result.Failure is { } failure)
                {
                    return await context.FailAsync(failure);
                }

                var done = result.Value!;
                if (parsed.GetValue(json))
                {
                    await CliOutput.WriteJsonAsync(context.Console.Out, done);
                }
                else
                {
                    await context.Console.Out.WriteLineAsync($"{Path.GetFileName(path)}: {done.Periods} periods ({string.Join(", ", done.PeriodsByProduct.Select(p => $"{p.Key} {p.Value}"))}), {done.Replaced} stored periods replaced.");
                }

                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command Check(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code, its name or id (a unique part is enough)." };
        var json = CommandActions.JsonOption();
        var command = new Command("check", "Check the stored plan against demand, capacity, the share bands and the warm-batch rule. Exit 1 when something is found.") { product, json };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var view = await services.GetRequiredService<AllocationQueries>().OfProductAsync(await ProductAsync(services, parsed.GetValue(product)!, ct), ct)
                ?? throw new CliUsageException($"{parsed.GetValue(product)} has no program.");
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, new
                {
                    product = view.ProductCode,
                    policy = view.Policy,
                    launchQuarter = view.LaunchQuarter.ToString(),
                    lines = view.Lines.Select(l => new { l.Line.Id, l.Line.Name, role = l.Line.Role.ToString(), l.StandingWeeklyCapacity, l.RampLimitWeekly }),
                    weeks = view.Weeks.Select(w => new { week = PlanWeeks.Label(w.Monday), monday = w.Monday, demand = Math.Round(w.Demand, 1), units = view.Lines.ToDictionary(l => l.Line.Name, l => w.Planned(l.Line.Id)) }),
                    findings = view.Findings,
                });
            }
            else
            {
                await WriteWeeksAsync(context, view.Lines, view.Weeks);
                await WriteFindingsAsync(context, view.Findings, view.Weeks.Count == 0 ? "No forecast or plan from this week on." : "The plan meets the policy.");
            }

            return view.Findings.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static Command Optimise(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code, its name or id (a unique part is enough)." };
        var weeks = CliValues.IntOption("--weeks", "Weeks to plan from this one (4–52).", 4, 52, 26);
        var limit = CliValues.NumberOption("--time-limit", "The solver's time limit in seconds.", 1, 3600, 30);
        var gap = CliValues.NumberOption("--gap", "Relative MIP gap at which the solver stops.", 0, 1, 0.01);
        var premium = CliValues.NumberOption("--premium", "The second line's extra unit cost, as a fraction of the primary's.", 0, 10, 0.03);
        var adopt = new Option<bool>("--adopt") { Description = "Store the proposal as the plan (replacing the weeks it covers)." };
        var json = CommandActions.JsonOption();
        var command = new Command("optimise", "Propose a plan with the weekly MILP (OR-Tools SCIP): demand, capacities, minimum and warm batches, share bands. Exit 1 when a rule had to give.")
            { product, weeks, limit, gap, premium, adopt, json };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var id = await ProductAsync(services, parsed.GetValue(product)!, ct);
            var result = await services.GetRequiredService<OptimisePlanHandler>().HandleAsync(new OptimisePlanRequest(
                id, parsed.GetValue(weeks), parsed.GetValue(limit), parsed.GetValue(gap), parsed.GetValue(premium), parsed.GetValue(adopt), $"cli:{Environment.UserName}"), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var p = result.Value!;
            var s = p.Solution;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, new
                {
                    product = p.Before.ProductCode,
                    status = s.Status.ToString(),
                    solver = s.Solver,
                    solverNote = s.SolverNote,
                    objective = double.IsFinite(s.Objective) ? s.Objective : (double?)null,
                    bestBound = double.IsFinite(s.BestBound) ? s.BestBound : (double?)null,
                    gap = double.IsFinite(s.Gap) ? s.Gap : (double?)null,
                    seconds = s.Seconds,
                    hitTimeLimit = s.HitTimeLimit,
                    adopted = p.Adopted,
                    weeks = p.Weeks.Select(w => new { week = PlanWeeks.Label(w.Monday), monday = w.Monday, demand = Math.Round(w.Demand, 1), units = p.Before.Lines.ToDictionary(l => l.Line.Name, l => w.Planned(l.Line.Id)) }),
                    slacks = s.Slacks,
                    findings = p.Findings,
                });
            }
            else
            {
                await context.Console.Out.WriteLineAsync(string.Create(Inv,
                    $"{s.Solver}: {s.Status}{(s.HitTimeLimit ? " (time limit)" : "")} in {s.Seconds:0.00} s, objective {s.Objective:N1}, gap {s.Gap:P2}{(s.SolverNote is null ? "" : $" — {s.SolverNote}")}"));
                if (s.Status != SolveStatus.NoSolution)
                {
                    await WriteWeeksAsync(context, p.Before.Lines, p.Weeks);
                }

                foreach (var slack in s.Slacks)
                {
                    await context.Console.Out.WriteLineAsync(string.Create(Inv, $"gave  {slack.Constraint,-17} {slack.Period}: {slack.Amount:N0} — {slack.Explanation}"));
                }

                await WriteFindingsAsync(context, p.Findings, s.Status == SolveStatus.NoSolution ? "No plan." : "The rounded plan meets the policy.");
                await context.Console.Out.WriteLineAsync(p.Adopted ? "Adopted as the plan." : "Not stored (use --adopt to store it).");
            }

            return s.Status == SolveStatus.NoSolution ? ExitCodes.UsageOrInput : s.Slacks.Count > 0 || p.Findings.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    public static Command Stress(CliContext context)
    {
        var product = new PositionalInput("program", "--product", "The program: its product's code or name, the program's name, or an id.", "PROGRAM");
        var scenarios = CliValues.IntOption("--scenarios", "Outage scenarios per cadence (100–1,000,000).", 100, 1_000_000, 10_000);
        var seed = CliValues.IntOption("--seed", "The run's seed: the same seed gives the same result.", int.MinValue, int.MaxValue, 1);
        var json = CommandActions.JsonOption();
        var command = new Command("stress", "Monte Carlo of the primary failing: fill rate, lost units, T90, CVaR95 — today, and with monthly or quarterly warm batches.")
            { scenarios, seed, json };
        product.AddTo(command);
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var id = await ProductAsync(services, product.From(parsed, "stress"), ct);
            var result = await services.GetRequiredService<RunStressTestHandler>().HandleAsync(new RunStressTestRequest(id, parsed.GetValue(scenarios), parsed.GetValue(seed)), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var r = result.Value!;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, new
                {
                    line = r.Line.Name,
                    r.Seed,
                    inputs = r.Inputs,
                    timeToSurviveWeeks = r.Survive.AtLeastHorizon ? (double?)null : r.Survive.Weeks,
                    timeToSurviveAtLeastHorizon = r.Survive.AtLeastHorizon,
                    bridgeInventoryNeeded = r.Assessment.BridgeNeeded,
                    policies = r.Policies.Select(p => new
                    {
                        p.Name,
                        p.Summary.Scenarios,
                        p.Summary.MeanFillRate,
                        p.Summary.ProbabilityOfLoss,
                        p.Summary.MeanLost,
                        p.Summary.MedianLost,
                        p.Summary.ValueAtRisk95,
                        p.Summary.ConditionalValueAtRisk95,
                        p.Summary.ShareReaching90,
                        p.Summary.MedianWeeksTo90,
                        p.Summary.Survival,
                        p.Summary.RecoveryExceedance,
                    }),
                    r.Seconds,
                });
                return ExitCodes.Ok;
            }

            var i = r.Inputs;
            await context.Console.Out.WriteLineAsync(string.Create(Inv,
                $"{r.Line.Name}: demand {i.WeeklyDemand:N0}/week, standing share {i.StandingShare:P0}, surge ceiling {i.SurgeCeiling:N0}/week, bridge inventory {i.FinishedGoods:N0}, component kits {(i.ComponentKits is { } kits ? $"{kits:N0} for {i.ComponentLeadWeeks} weeks" : "not recorded")}, primary back in {i.PrimaryRecoveryP90Weeks:0.#} weeks (P90); seed {r.Seed}"));
            await context.Console.Out.WriteLineAsync(string.Create(Inv,
                $"Time to survive {(r.Survive.AtLeastHorizon ? $"≥ {r.Survive.Weeks:0}" : $"{r.Survive.Weeks:0}")} weeks on today's ramp (LP); the ramp needs a bridge inventory of {r.Assessment.BridgeNeeded:N0}."));
            await CliOutput.WriteTableAsync(context.Console.Out, ["cadence", "fill rate", "P(loss)", "mean lost", "VaR95", "CVaR95", "reach 90 %", "median T90"],
                r.Policies.Select(p => (IReadOnlyList<string>)
                [
                    p.Name, p.Summary.MeanFillRate.ToString("P1", Inv), p.Summary.ProbabilityOfLoss.ToString("P1", Inv), p.Summary.MeanLost.ToString("N0", Inv),
                    p.Summary.ValueAtRisk95.ToString("N0", Inv), p.Summary.ConditionalValueAtRisk95.ToString("N0", Inv), p.Summary.ShareReaching90.ToString("P0", Inv),
                    p.Summary.MedianWeeksTo90 is { } t ? $"{t:0} weeks" : "–",
                ]));
            await context.Console.Out.WriteLineAsync(string.Create(Inv, $"{r.Policies.Sum(p => p.Summary.Scenarios):N0} scenarios in {r.Seconds:0.00} s"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Guid> ProductAsync(IServiceProvider services, string which, CancellationToken ct) =>
        (await CommandActions.ProductAsync(services, which, ct)).Id;

    private static Task WriteWeeksAsync(CliContext context, IReadOnlyList<AllocationLine> lines, IReadOnlyList<PlanWeek> weeks) =>
        CliOutput.WriteTableAsync(context.Console.Out, ["week", "demand", .. lines.Select(l => l.Line.Name), "second share"],
            weeks.Select(w => (IReadOnlyList<string>)
            [
                PlanWeeks.Label(w.Monday), w.Demand.ToString("N0", Inv), .. lines.Select(l => w.Planned(l.Line.Id).ToString("N0", Inv)),
                w.Total > 0 ? (lines.Where(l => l.Line.Role == Domain.Programs.LineRole.SecondSource).Sum(l => w.Planned(l.Line.Id)) / w.Total).ToString("P0", Inv) : "–",
            ]));

    private static async Task WriteFindingsAsync(CliContext context, IReadOnlyList<PlanFinding> findings, string none)
    {
        foreach (var f in findings)
        {
            await context.Console.Out.WriteLineAsync($"{f.Rule,-17} {f.Period}: {f.Message}");
        }

        if (findings.Count == 0)
        {
            await context.Console.Out.WriteLineAsync(none);
        }
    }
}
