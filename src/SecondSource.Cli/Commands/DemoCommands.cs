using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Database;
using SecondSource.Application.Demo;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource demo seed</c>.</summary>
internal static class DemoCommands
{
    public static Command Create(CliContext context)
    {
        var demo = new Command("demo", "The demo installation.");
        var json = CommandActions.JsonOption();
        var seed = new Command("seed", "Migrate, then load the demo program into an empty database and print its sign-ins once.") { json };
        seed.SetScopedAction(context, async (parsed, services, ct) =>
        {
            using var progress = CliProgress.Start(context.Console, "Loading the demo");
            progress.Report("migrating the database");
            await services.GetRequiredService<MigrateDatabaseHandler>().HandleAsync(ct);
            var result = await services.GetRequiredService<SeedDemoHandler>().HandleAsync(ct, progress);
            progress.Dispose();
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var seeded = result.Value!;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, seeded);
                return ExitCodes.Ok;
            }

            foreach (var line in seeded.Summary)
            {
                await context.Console.Out.WriteLineAsync(line);
            }

            await context.Console.Out.WriteLineAsync("Sign-ins (shown this once; keep them):");
            await CliOutput.WriteTableAsync(context.Console.Out, ["Kind", "Role", "Party", "Login", "Secret"],
                seeded.Credentials.Select(c => (IReadOnlyList<string>)[c.Kind, c.Role, c.Party, c.Login, c.Secret]));
            return ExitCodes.Ok;
        });
        demo.Subcommands.Add(seed);
        return demo;
    }
}
