using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Parties;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource apikey create | list | revoke</c>.</summary>
internal static class ApiKeyCommands
{
    public static Command Create(CliContext context)
    {
        var apikey = new Command("apikey", "API keys for machines: CM test stations, CI jobs.");
        apikey.Subcommands.Add(CreateKey(context));
        apikey.Subcommands.Add(List(context));
        apikey.Subcommands.Add(Revoke(context));
        return apikey;
    }

    private static Command CreateKey(CliContext context)
    {
        var party = new Option<string>("--party") { Description = "The organisation the key acts for: its name (a unique part is enough) or id.", Required = true };
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. \"ICT station 2, line 1\".", Required = true };
        var expires = CliValues.DayOption("--expires", "Expiry date, UTC; default: none");
        var line = new Option<string?>("--line") { Description = "Bind a station's key to one of the party's lines (its id, or a unique part of '<manufacturer> / <line>'): test data for that line only." };
        var json = CommandActions.JsonOption();
        var create = new Command("create", "Create a key and print it once; only its hash is stored.") { party, name, expires, line, json };
        create.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var found = await Resolve.PartyAsync(services, parsed.GetValue(party)!, ct);
            DateTimeOffset? expiresAt = parsed.GetValue(expires) is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

            Guid? lineId = parsed.GetValue(line) is { } which ? (await TestDataCommands.LineAsync(services, which, ct, found.Id)).Id : null;

            var result = await services.GetRequiredService<CreateApiKeyHandler>().HandleAsync(
                new CreateApiKeyRequest(found.Id, parsed.GetValue(name)!, $"cli:{Environment.UserName}", expiresAt, lineId), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var key = result.Value!;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, key);
                return ExitCodes.Ok;
            }

            await context.Console.Error.WriteLineAsync($"Created '{key.Name}' for {key.PartyName}. The key follows; it is shown this once.");
            await context.Console.Out.WriteLineAsync(key.Token);
            return ExitCodes.Ok;
        });
        return create;
    }

    private static Command List(CliContext context)
    {
        var json = CommandActions.JsonOption();
        var list = new Command("list", "All keys (never their secrets).") { json };
        list.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var keys = await services.GetRequiredService<ApiKeyQueries>().ListAsync(ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, keys);
                return ExitCodes.Ok;
            }

            await CliOutput.WriteTableAsync(context.Console.Out, ["Prefix", "Name", "Organisation", "Created", "Last used", "Status"], keys.Select(k => (IReadOnlyList<string>)
                [k.Prefix, k.Name, k.PartyName, k.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                 k.LastUsedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never",
                 k.RevokedAt is not null ? "revoked" : k.IsActive ? "active" : "expired"]));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Revoke(CliContext context)
    {
        var key = new Argument<string>("key") { Description = "The key's id or its prefix (as 'apikey list' shows)." };
        var revoke = new Command("revoke", "Revoke a key; it stops working at its next request.") { key };
        revoke.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<RevokeApiKeyHandler>().HandleAsync(new RevokeApiKeyRequest(parsed.GetValue(key)!, $"cli:{Environment.UserName}"), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Revoked '{result.Value!.Name}' ({result.Value.Prefix}).");
            return ExitCodes.Ok;
        });
        return revoke;
    }
}
