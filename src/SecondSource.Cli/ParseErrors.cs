using System.CommandLine;
using System.Text.RegularExpressions;

namespace SecondSource.Cli;

/// <summary>
/// Parse errors in the user's words: no .NET type names ("System.Int32" becomes "a whole number"), and the nearest
/// command or option for a word that was not recognised ("did you mean").
/// </summary>
public static partial class ParseErrors
{
    public static string Explain(string message, Command command)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(command);
        var typed = CannotParse().Match(message);
        if (typed.Success)
        {
            return $"{typed.Groups["symbol"].Value} '{typed.Groups["token"].Value}' is not {Friendly(typed.Groups["type"].Value)}.";
        }

        var unknown = Unrecognised().Match(message);
        if (unknown.Success && unknown.Groups["token"].Value.TrimStart('-').Length >= 3 && Nearest(unknown.Groups["token"].Value, command) is { } nearest)
        {
            return $"{message} Did you mean '{nearest}'?";
        }

        return message;
    }

    /// <summary>The subcommand or option of <paramref name="command"/> closest to <paramref name="word"/>, when close enough.</summary>
    public static string? Nearest(string word, Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.Where(o => !o.Hidden && o.Name is not "--help" and not "--version").SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive && !o.Hidden).Select(o => o.Name)));
        return names.Select(n => (Name: n, Distance: Resolve.Distance(n.TrimStart('-').ToLowerInvariant(), word.TrimStart('-').ToLowerInvariant())))
            .Where(n => n.Distance <= Math.Max(1, Math.Min(3, word.TrimStart('-').Length / 3)))
            .OrderBy(n => n.Distance).Select(n => n.Name).FirstOrDefault();
    }

    private static string Friendly(string type) => type switch
    {
        "System.Boolean" => "true or false",
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "a whole number",
        "System.Double" or "System.Decimal" or "System.Nullable`1[System.Double]" => "a number (with a point for decimals, e.g. 0.05)",
        "System.Guid" or "System.Nullable`1[System.Guid]" => "an id (the 32 hex digits a list shows)",
        "System.DateOnly" or "System.DateTime" or "System.DateTimeOffset" => $"a date ({CliValues.DayForm})",
        _ => "a value this option takes",
    };

    [GeneratedRegex(@"^Cannot parse argument '(?<token>.*)' for (?:option|command|argument) '(?<symbol>[^']*)' as expected type '(?<type>[^']*)'\.?$")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>[^']*)'\.?$")]
    private static partial Regex Unrecognised();
}
