using System.Collections;
using System.CommandLine;
using SecondSource.Application.Persistence;
using SecondSource.Cli.Commands;
using SecondSource.Domain.Common;
using SecondSource.Formats.Boms;

namespace SecondSource.Cli;

/// <summary>
/// The <c>secondsource</c> command: verb groups per feature, one translation of failures into exit codes
/// (0 ok, 1 findings, 2 usage or input, 3 unexpected), messages on stderr, results on stdout.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(console);
        var context = new CliContext(console, environment);
        CliOutput.Width = console.Width;
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync($"secondsource: {ParseErrors.Explain(error.Message, parsed.CommandResult.Command)}");
            }

            await console.Error.WriteLineAsync($"Run '{string.Join(' ', CommandPath(parsed))} --help' for usage.");
            return ExitCodes.UsageOrInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex) when (ex is DatabaseConfigurationException or DomainException or CliUsageException or BomFileException or Formats.TestData.TestLogException)
        {
            await console.Error.WriteLineAsync($"secondsource: {ex.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (Exception ex) when (context.Settings is { } settings && DatabaseErrors.TryExplain(ex, settings, out var message))
        {
            await console.Error.WriteLineAsync($"secondsource: {message}");
            return DatabaseErrors.IsConfigurationProblem(ex) ? ExitCodes.UsageOrInput : ExitCodes.Unexpected;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("secondsource: cancelled.");
            return ExitCodes.Unexpected;
        }
        catch (Exception ex)
        {
            await console.Error.WriteLineAsync($"secondsource: unexpected failure: {ex.Message} This is not your input's fault; please report it with the command you ran.");
            return ExitCodes.Unexpected;
        }
    }

    /// <summary>Every command, with its options, examples and completion: the grammar docs/cli.md describes.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("SecondSource: run a second-source manufacturing program (dual-AVL, transfer, pilot, allocation, reviews).");
        context.GlobalOptions.AddTo(root);
        root.Subcommands.Add(DbCommands.Create(context));
        root.Subcommands.Add(UserCommands.Create(context));
        root.Subcommands.Add(PartyCommands.Create(context));
        root.Subcommands.Add(ApiKeyCommands.Create(context));
        root.Subcommands.Add(DemoCommands.Create(context));
        root.Subcommands.Add(BomCommands.Create(context));
        root.Subcommands.Add(AvlCommands.Create(context));
        root.Subcommands.Add(VaultCommands.Vault(context));
        root.Subcommands.Add(VaultCommands.Audit(context));
        root.Subcommands.Add(TestDataCommands.Create(context));
        root.Subcommands.Add(LineCommands.Lines(context));
        root.Subcommands.Add(LineCommands.Programs(context));
        root.Subcommands.Add(PlanCommands.Plan(context));
        root.Subcommands.Add(PlanCommands.Stress(context));
        root.Subcommands.Add(ProvisioningCommands.Keys(context));
        root.Subcommands.Add(ProvisioningCommands.Firmware(context));
        root.Subcommands.Add(ProvisioningCommands.Certs(context));
        root.Subcommands.Add(HealthCommands.Create(context));
        root.Subcommands.Add(ReviewCommands.Create(context));
        root.Subcommands.Add(CompletionCommands.Create(context));
        CliExamples.AddTo(root);
        return root;
    }

    private static Stack<string> CommandPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Command is RootCommand ? "secondsource" : result.Command.Name);
        }

        return names;
    }
}

/// <summary>A usage mistake found after parsing (a missing option that depends on another); exit code 2.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException(string message) : base(message)
    {
    }

    public CliUsageException()
    {
    }

    public CliUsageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
