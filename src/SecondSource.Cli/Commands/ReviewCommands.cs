using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Reviews;

namespace SecondSource.Cli.Commands;

/// <summary>
/// <c>secondsource review generate --program P --quarter 2026Q3 [--json]</c>, <c>review list</c> and
/// <c>review costs FILE</c>: quarterly reviews from the command line.
/// </summary>
internal static class ReviewCommands
{
    public static Command Create(CliContext context)
    {
        var review = new Command("review", "Quarterly reviews across both lines: generate one from the data, list them, import quotes and orders.");
        review.Subcommands.Add(Generate(context));
        review.Subcommands.Add(List(context));
        review.Subcommands.Add(Costs(context));
        return review;
    }

    private static Command Generate(CliContext context)
    {
        var program = new Option<string>("--program") { Description = "The program: its id, name, or its product's code or name.", Required = true };
        var quarter = CliValues.QuarterOption("--quarter", "The quarter by the program's calendar", required: true);
        var json = CommandActions.JsonOption();
        var command = new Command("generate", "Generate a new version of a program's review of a quarter. Exit 1 when a difference persists without a root cause.") { program, quarter, json };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<GenerateReviewHandler>().HandleAsync(
                new GenerateReviewRequest((await Resolve.ProgramAsync(services, parsed.GetValue(program)!, ct, "--program")).Id.ToString(), parsed.GetValue(quarter)!, $"cli:{Environment.UserName}"), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var pack = (await services.GetRequiredService<ReviewQueries>().PackAsync(result.Value!.Id, ct))!;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, new
                {
                    review = pack.Review.Id,
                    pack.Review.Quarter,
                    pack.Review.Version,
                    period = new { start = pack.Review.PeriodStart, end = pack.Review.PeriodEnd },
                    pairs = pack.Report.Pairs.Select(p => new
                    {
                        primary = p.PrimaryLine,
                        second = p.SecondLine,
                        items = p.Items.Select(i => new { area = i.Area.ToString(), verdict = i.Verdict.ToString(), i.Finding }),
                    }),
                    findings = pack.Findings.Select(f => new
                    {
                        f.Id, area = f.Area.ToString(), f.Title, state = f.State.ToString(), f.OpenedIn,
                        history = f.History.Select(h => new { quarter = h.Quarter, verdict = h.Verdict.ToString() }),
                        rootCause = f.RootCause, actions = f.Actions.Select(a => new { a.Description, a.Owner, a.Due, status = a.Status.ToString(), a.Overdue }),
                    }),
                });
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"{pack.Report.ProductCode} {pack.Review.Quarter} ({pack.Report.Months}), version {pack.Review.Version}");
                foreach (var pair in pack.Report.Pairs)
                {
                    await context.Console.Out.WriteLineAsync($"{pair.PrimaryLine} against {pair.SecondLine}:");
                    await CliOutput.WriteTableAsync(context.Console.Out, ["Item", "Verdict", "Finding"],
                        pair.Items.Select(i => (IReadOnlyList<string>)[i.Area.ToString(), i.Verdict.ToString(), i.Finding]));
                }

                if (pack.Findings.Count > 0)
                {
                    await context.Console.Out.WriteLineAsync("Findings:");
                    await CliOutput.WriteTableAsync(context.Console.Out, ["Finding", "State", "History"],
                        pack.Findings.Select(f => (IReadOnlyList<string>)[f.Title, f.State.ToString(), string.Join(" ", f.History.Select(h => $"{h.Quarter}:{h.Verdict}"))]));
                }
            }

            return pack.Persistent.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = CommandActions.JsonOption();
        var command = new Command("list", "Every review version, newest quarter first.") { json };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var reviews = await services.GetRequiredService<ReviewQueries>().ListAsync(null, ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, reviews);
            }
            else
            {
                await CliOutput.WriteTableAsync(context.Console.Out, ["Product", "Quarter", "Version", "Held", "Different", "Persistent"],
                    reviews.Select(r => (IReadOnlyList<string>)[r.ProductCode, r.Quarter, r.Version + (r.Latest ? "" : " (superseded)"),
                        r.HeldOn is { } h ? h.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (r.Frozen ? " frozen" : "") : "-",
                        r.Different.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Persistent.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Costs(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A CSV of quotes and orders: product, line, kind, reference, date, quantity, unit_price, currency[, lead_time_days, delivered]." };
        var command = new Command("costs", "Import the lines' quotes and purchase orders (unit cost and lead time). Exit 2 when refused (each error with line and field).") { file };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var path = parsed.GetValue(file)!;
            await using var stream = CommandActions.OpenInput(path);
            var result = await services.GetRequiredService<ImportPurchasesHandler>().HandleAsync(new ImportPurchasesRequest(stream, Path.GetFileName(path), $"cli:{Environment.UserName}"), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"{Path.GetFileName(path)}: {result.Value!.Added} new, {result.Value.Updated} corrected.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
