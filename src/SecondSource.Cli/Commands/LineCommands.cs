using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Lines;
using SecondSource.Application.Programs;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource lines list|show</c> and <c>secondsource programs list|show</c>.</summary>
internal static class LineCommands
{
    public static Command Lines(CliContext context)
    {
        var lines = new Command("lines", "Manufacturing lines: capabilities, capacity, certifications.");
        var listJson = CommandActions.JsonOption();
        var list = new Command("list", "Every line, by manufacturer.") { listJson };
        list.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var all = await services.GetRequiredService<LineQueries>().ListAsync(ct);
            if (parsed.GetValue(listJson))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, all);
                return ExitCodes.Ok;
            }

            await CliOutput.WriteTableAsync(context.Console.Out, ["Line", "Manufacturer", "Site", "Zone", "Smallest chip", "BGA pitch", "Layers", "Standing/wk", "Tested surge/wk", "Id"],
                all.Select(l => (IReadOnlyList<string>)
                [
                    l.Name, l.Manufacturer, $"{l.Site}, {l.Country}", l.Zone, l.Capabilities.SmallestPassive.ToString()["Size".Length..],
                    l.Capabilities.FinestBgaPitchMm.ToString("0.###", CultureInfo.InvariantCulture), Number(l.Capabilities.MaxLayers),
                    Number(l.Capacity.StandingUnitsPerWeek), Number(l.Capacity.TestedSurgeUnitsPerWeek), l.Id.ToString(),
                ]));
            return ExitCodes.Ok;
        });

        var which = new Argument<string>("line") { Description = "The line: 'Manufacturer / Line', a unique part of it, or its id." };
        var showJson = CommandActions.JsonOption();
        var show = new Command("show", "One line's whole profile.") { which, showJson };
        show.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var lines = await services.GetRequiredService<LineQueries>().ListAsync(ct);
            var line = Resolve.One("line", "line", parsed.GetValue(which)!, lines, l => [l.Id], l => [l.Name, $"{l.Manufacturer} / {l.Name}"], l => $"{l.Manufacturer} / {l.Name}",
                "'secondsource lines list' shows them");
            if (parsed.GetValue(showJson))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, line);
                return ExitCodes.Ok;
            }

            var o = context.Console.Out;
            var c = line.Capabilities;
            await o.WriteLineAsync($"{line.Name} — {line.Manufacturer}, {line.Site} ({line.Country}, zone {line.Zone})");
            await o.WriteLineAsync($"  smallest chip {c.SmallestPassive.ToString()["Size".Length..]}, finest BGA pitch {c.FinestBgaPitchMm.ToString("0.###", CultureInfo.InvariantCulture)} mm, largest board {c.LargestBoard}, {c.MaxLayers} layers");
            await o.WriteLineAsync($"  tests: {c.Tests}; processes: {c.Processes}");
            await o.WriteLineAsync($"  capacity: {line.Capacity.StandingUnitsPerWeek} units a week standing; " +
                (line.Capacity.TestedSurgeUnitsPerWeek > 0 ? $"{line.Capacity.TestedSurgeUnitsPerWeek} tested on {line.Capacity.SurgeTestedOn:yyyy-MM-dd} ({line.Capacity.SurgeEvidence})" : "surge not tested"));
            foreach (var cert in line.Certifications)
            {
                await o.WriteLineAsync($"  certification: {cert.Standard} until {cert.Expires:yyyy-MM-dd}");
            }

            return ExitCodes.Ok;
        });
        lines.Subcommands.Add(list);
        lines.Subcommands.Add(show);
        return lines;
    }

    public static Command Programs(CliContext context)
    {
        var programs = new Command("programs", "Second-source programs: the product, its lines and their stages.");
        var listJson = CommandActions.JsonOption();
        var list = new Command("list", "Every program with each line's stage.") { listJson };
        list.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var all = await services.GetRequiredService<ProgramQueries>().ListAsync(ct);
            if (parsed.GetValue(listJson))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, all);
                return ExitCodes.Ok;
            }

            await CliOutput.WriteTableAsync(context.Console.Out, ["Program", "Product", "Lines (stage)", "Id"], all.Select(p => (IReadOnlyList<string>)
                [p.Name, p.ProductCode, string.Join("; ", p.Lines.Select(l => $"{l.LineName}, {l.Manufacturer} ({l.Stage})")), p.Id.ToString()]));
            return ExitCodes.Ok;
        });

        var which = new Argument<string>("program") { Description = "The program: its id, its name or its product's code or name (a unique part is enough)." };
        var showJson = CommandActions.JsonOption();
        var show = new Command("show", "One program: its lines, their stages and history.") { which, showJson };
        show.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var program = await Resolve.ProgramAsync(services, parsed.GetValue(which)!, ct);
            if (parsed.GetValue(showJson))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, program);
                return ExitCodes.Ok;
            }

            var o = context.Console.Out;
            await o.WriteLineAsync($"{program.Name} — {program.Product} ({program.ProductCode}), full demand {program.FullDemandUnitsPerWeek} units a week");
            foreach (var line in program.Lines)
            {
                await o.WriteLineAsync($"  {line.LineName}, {line.Manufacturer}: {line.Role}, {line.Stage}");
                foreach (var h in line.History)
                {
                    await o.WriteLineAsync($"    {h.At:yyyy-MM-dd} {(h.From is null ? "" : $"{h.From} -> ")}{h.To} by {h.By}{(h.Note is null ? "" : $": {h.Note}")}");
                }
            }

            return ExitCodes.Ok;
        });
        programs.Subcommands.Add(list);
        programs.Subcommands.Add(show);
        return programs;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
