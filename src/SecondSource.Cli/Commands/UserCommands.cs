using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Parties;
using SecondSource.Domain.Parties;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource user add | list | set-password | disable | enable</c>.</summary>
internal static class UserCommands
{
    public static Command Create(CliContext context)
    {
        var user = new Command("user", "People who sign in to the web app.");
        user.Subcommands.Add(Add(context));
        user.Subcommands.Add(List(context));
        user.Subcommands.Add(SetPassword(context));
        user.Subcommands.Add(SetDisabled(context, "disable", disabled: true));
        user.Subcommands.Add(SetDisabled(context, "enable", disabled: false));
        return user;
    }

    private static PositionalInput Email() => new("email", "--email", "The person's e-mail, used to sign in.", "EMAIL");

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from the first line of standard input instead of prompting." };

    private static Command Add(CliContext context)
    {
        var email = Email();
        var admin = new Option<bool>("--admin") { Description = "A buyer administrator (same as --role Admin)." };
        var role = new Option<string?>("--role") { Description = "Admin, Engineer or Viewer (buyer), or Member (manufacturer)." };
        var manufacturer = new Option<string?>("--manufacturer") { Description = "The manufacturer a Member belongs to (its name)." };
        var name = new Option<string?>("--name") { Description = "Display name, e.g. \"Jonas Berg (component engineer)\"." };
        var organization = new Option<string?>("--organization") { Description = "The buyer's name, when this first user creates the buyer (default: the e-mail domain)." };
        var stdin = PasswordStdin();
        var json = CommandActions.JsonOption();
        var add = new Command("add", "Add a person. The first admin is created this way: secondsource user add you@example.com --admin")
        {
            admin, role, manufacturer, name, organization, stdin, json,
        };
        email.AddTo(add);
        add.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var address = email.From(parsed, "user add");
            var chosenRole = parsed.GetValue(admin) ? Role.Admin
                : parsed.GetValue(role) is { } text ? Roles.Parse(text)
                : parsed.GetValue(manufacturer) is not null ? Role.Member
                : throw new CliUsageException("Say what the person is: --admin, --role Engineer|Viewer, or --manufacturer NAME for a Member.");
            if (parsed.GetValue(admin) && parsed.GetValue(role) is { } other && Roles.Parse(other) != Role.Admin)
            {
                throw new CliUsageException($"--admin and --role {other} contradict each other.");
            }

            PartyId? manufacturerId = null;
            if (parsed.GetValue(manufacturer) is { } manufacturerName)
            {
                var manufacturers = (await services.GetRequiredService<PartyQueries>().ListAsync(ct)).Where(p => p.Kind == PartyKind.Manufacturer).ToList();
                manufacturerId = Resolve.One("manufacturer", "--manufacturer", manufacturerName, manufacturers, p => [p.Id.Value], p => [p.Name], p => p.Name,
                    "'secondsource party list' shows them; 'secondsource party add-manufacturer NAME' adds one").Id;
            }

            if (parsed.GetValue(organization) is not null && await services.GetRequiredService<PartyQueries>().FindBuyerAsync(ct) is { } buyer)
            {
                await context.Console.Error.WriteLineAsync($"secondsource: warning: --organization had no effect: the buyer '{buyer.Name}' exists already.");
            }

            var password = await PasswordInput.ReadAsync(context.Console, parsed.GetValue(stdin));
            var result = await services.GetRequiredService<AddUserHandler>().HandleAsync(
                new AddUserRequest(address, parsed.GetValue(name), chosenRole, password, manufacturerId, parsed.GetValue(organization)), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var added = result.Value!;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, added);
            }
            else
            {
                if (added.CreatedBuyer)
                {
                    await context.Console.Out.WriteLineAsync($"Created the buyer party '{added.PartyName}'.");
                }

                await context.Console.Out.WriteLineAsync($"Added {added.Email} to {added.PartyName} as {added.Role}.");
            }

            return ExitCodes.Ok;
        });
        return add;
    }

    private static Command List(CliContext context)
    {
        var json = CommandActions.JsonOption();
        var list = new Command("list", "Everyone who can sign in, by organisation.") { json };
        list.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var people = await services.GetRequiredService<UserQueries>().ListAsync(ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, people);
                return ExitCodes.Ok;
            }

            await CliOutput.WriteTableAsync(context.Console.Out, ["E-mail", "Name", "Organisation", "Role", "Status"], people.Select(p => (IReadOnlyList<string>)
                [p.Email, p.DisplayName, p.PartyName, p.Role.ToString(), p.IsDisabled ? "disabled" : p.LockedOutUntil is not null ? "locked" : "active"]));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command SetPassword(CliContext context)
    {
        var email = Email();
        var stdin = PasswordStdin();
        var command = new Command("set-password", "Set a person's password (clears a lockout, ends their sessions).") { stdin };
        email.AddTo(command);
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var password = await PasswordInput.ReadAsync(context.Console, parsed.GetValue(stdin));
            var result = await services.GetRequiredService<ResetPasswordHandler>().HandleAsync(new ResetPasswordRequest(email.From(parsed, "user set-password"), password), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Password set for {result.Value!.Email}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetDisabled(CliContext context, string verb, bool disabled)
    {
        var email = Email();
        var command = new Command(verb, disabled ? "Disable a person: they cannot sign in and their sessions end." : "Enable a disabled person again.");
        email.AddTo(command);
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var address = email.From(parsed, $"user {verb}");
            var id = await services.GetRequiredService<UserQueries>().FindIdByEmailAsync(address, ct)
                ?? throw new CliUsageException($"There is no user with the e-mail {address}; 'secondsource user list' shows them.");

            var result = await services.GetRequiredService<SetUserDisabledHandler>().HandleAsync(new SetUserDisabledRequest(id, disabled, ActingUserId: null), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"{result.Value!.Email} is {(disabled ? "disabled" : "enabled")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
