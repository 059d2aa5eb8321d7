using System.CommandLine;

namespace SecondSource.Cli;

/// <summary>
/// The main object of a command, given positionally as docs/cli.md's grammar says (<c>user disable EMAIL</c>,
/// <c>bom export PRODUCT REVISION</c>); the option older scripts used (<c>--email</c>) is still read, hidden from help.
/// Both with different values, or neither, is a usage error naming the form.
/// </summary>
public sealed class PositionalInput(string name, string option, string description, string placeholder)
{
    public Argument<string?> Argument { get; } = new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne, HelpName = placeholder };

    public Option<string?> Option { get; } = new(option) { Description = $"The same as {placeholder}.", Hidden = true };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(Argument);
        command.Options.Add(Option);
        command.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(Argument)) && string.IsNullOrWhiteSpace(result.GetValue(Option)))
            {
                result.AddError($"Give {placeholder}: {Usage(result.Command)} {placeholder}.");
            }
        });
    }

    private static string Usage(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            names.Insert(0, c is RootCommand ? "secondsource" : c.Name);
        }

        return string.Join(' ', names);
    }

    public string From(ParseResult parsed, string usage)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var positional = parsed.GetValue(Argument);
        var named = parsed.GetValue(Option);
        if (positional is not null && named is not null && !string.Equals(positional.Trim(), named.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"{placeholder} was given twice ('{positional}' and {option} '{named}'); give it once: secondsource {usage} {placeholder}.");
        }

        return (positional ?? named) is { Length: > 0 } value && value.Trim().Length > 0
            ? value.Trim()
            : throw new CliUsageException($"Give {placeholder}: secondsource {usage} {placeholder}.");
    }
}
