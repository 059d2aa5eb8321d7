using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Parties;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource party list | add-manufacturer</c>.</summary>
internal static class PartyCommands
{
    public static Command Create(CliContext context)
    {
        var party = new Command("party", "The buyer and the manufacturers.");

        var json = CommandActions.JsonOption();
        var list = new Command("list", "The buyer and every manufacturer, with their people and active API keys.") { json };
        list.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var parties = await services.GetRequiredService<PartyQueries>().ListAsync(ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, parties);
                return ExitCodes.Ok;
            }

            await CliOutput.WriteTableAsync(context.Console.Out, ["Name", "Kind", "People", "Active keys", "Id"], parties.Select(p => (IReadOnlyList<string>)
                [p.Name, p.Kind.ToString(), p.Users.ToString(CultureInfo.InvariantCulture), p.ActiveApiKeys.ToString(CultureInfo.InvariantCulture), p.Id.ToString()]));
            return ExitCodes.Ok;
        });

        var name = new Argument<string>("name") { Description = "The manufacturer's company name." };
        var add = new Command("add-manufacturer", "Add a contract manufacturer.") { name };
        add.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<CreateManufacturerHandler>().HandleAsync(new CreateManufacturerRequest(parsed.GetValue(name)!), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Added the manufacturer '{result.Value!.Name}' ({result.Value.Id}).");
            return ExitCodes.Ok;
        });

        party.Subcommands.Add(list);
        party.Subcommands.Add(add);
        return party;
    }
}
