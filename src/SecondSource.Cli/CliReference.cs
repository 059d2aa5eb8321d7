using System.CommandLine;
using System.Text;

namespace SecondSource.Cli;

/// <summary>
/// The command reference of docs/cli.md, generated from the commands themselves (their descriptions, arguments,
/// options and examples), so the document cannot drift from the tool: a test compares the file with this text.
/// </summary>
public static class CliReference
{
    public const string Marker = "<!-- generated from the commands by CliReference: do not edit below; see 'Keeping this reference current' -->";

    public static string Markdown(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        foreach (var family in root.Subcommands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            text.Append("### ").Append(family.Name).Append("\n\n");
            foreach (var (path, command) in CliExamples.Leaves(family, family.Name))
            {
                if (path != family.Name)
                {
                    text.Append("#### ").Append(path).Append("\n\n");
                }

                var description = command.Description ?? "";
                var cut = description.IndexOf("\n\nExamples:", StringComparison.Ordinal);
                text.Append(cut < 0 ? description : description[..cut]).Append("\n\n");
                text.Append("    secondsource ").Append(path);
                foreach (var argument in command.Arguments.Where(a => !a.Hidden))
                {
                    var name = argument.HelpName ?? argument.Name.ToUpperInvariant();
                    text.Append(argument.Arity.MinimumNumberOfValues == 0 ? $" [{name}]" : $" {name}").Append(argument.Arity.MaximumNumberOfValues > 1 ? "…" : "");
                }

                text.Append(" [options]\n\n");
                var rows = command.Arguments.Where(a => !a.Hidden).Select(a => ($"`{a.HelpName ?? a.Name.ToUpperInvariant()}`", a.Description ?? ""))
                    .Concat(command.Options.Where(o => !o.Hidden && o.Name is not "--help" and not "-h").Select(o =>
                        ($"`{o.Name}{(o.ValueType == typeof(bool) ? "" : " " + (o.HelpName ?? "VALUE"))}`{(o.Required ? " (required)" : "")}", o.Description ?? "")))
                    .ToList();
                if (rows.Count > 0)
                {
                    text.Append("| argument or option | meaning |\n|---|---|\n");
                    foreach (var (name, meaning) in rows)
                    {
                        text.Append("| ").Append(name).Append(" | ").Append(meaning.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)).Append(" |\n");
                    }

                    text.Append('\n');
                }

                if (CliExamples.ByCommand.TryGetValue(path, out var examples))
                {
                    text.Append("Examples:\n\n");
                    foreach (var example in examples)
                    {
                        text.Append("    ").Append(example).Append('\n');
                    }

                    text.Append('\n');
                }
            }
        }

        return text.ToString();
    }
}
