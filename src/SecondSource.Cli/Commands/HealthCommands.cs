using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Health;
using SecondSource.Domain.Health;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource health [--program P] [--json] [--fail-on pitfall|attention|never]</c>: the scorecard, for a schedule.</summary>
internal static class HealthCommands
{
    public static Command Create(CliContext context)
    {
        var program = new Option<string?>("--program") { Description = "One program: its id, name, or its product's code or name." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a check is at or above: problem (default; the guide calls these pitfalls), attention, never.", DefaultValueFactory = _ => "problem" };
        var json = CommandActions.JsonOption();
        var command = new Command("health", "The program health scorecard: the guide's good practices and pitfalls judged from the data.") { program, failOn, json };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            HealthStatus? threshold = parsed.GetValue(failOn)!.Trim().ToLowerInvariant() switch
            {
                "pitfall" or "problem" => HealthStatus.Problem,
                "attention" => HealthStatus.Attention,
                "never" => null,
                var other => throw new CliUsageException($"--fail-on '{other}' is not problem, attention or never."),
            };
            var which = parsed.GetValue(program) is { } named ? (await Resolve.ProgramAsync(services, named, ct, "--program")).Id.ToString() : null;
            var cards = await services.GetRequiredService<HealthQueries>().ScorecardsAsync(which, ct);

            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, cards.Select(c => new
                {
                    program = c.ProgramId,
                    product = c.ProductCode,
                    overall = c.Overall.ToString(),
                    overallAtLastReview = c.OverallAtLastReview?.ToString(),
                    checks = c.Checks.Select(k => new { k.Key, k.Title, status = k.Status.ToString(), k.Finding, k.Evidence }),
                }));
            }
            else
            {
                foreach (var card in cards)
                {
                    await context.Console.Out.WriteLineAsync($"{card.ProductCode} ({card.ProductName}): {card.Overall}");
                    await CliOutput.WriteTableAsync(context.Console.Out, ["Check", "Status", "Finding"],
                        card.Checks.Select(k => (IReadOnlyList<string>)[k.Title, k.Status.ToString(), k.Finding]));
                }
            }

            var failing = threshold is { } t && cards.SelectMany(c => c.Checks).Any(k => k.Status != HealthStatus.NoData && k.Status >= t);
            return failing ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
