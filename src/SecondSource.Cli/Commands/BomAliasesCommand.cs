using System.CommandLine;
using System.Text;
using SecondSource.Application.Boms;

namespace SecondSource.Cli.Commands;

/// <summary><c>bom aliases add</c>: confirms a maker name for file audits by writing it to the user's aliases file.</summary>
internal static class BomAliasesCommand
{
    public static Command Create(CliContext context)
    {
        var aliases = new Command("aliases", "The manufacturer aliases file a file audit reads with --aliases.");
        var name = new Argument<string>("name") { Description = "The name as the BOM writes it (an unverified maker the audit listed)." };
        var sameAs = new Option<string?>("--same-as") { Description = "The maker it is another name of (one the catalogue or the file knows); without it the name is a maker of its own." };
        var file = new Option<string>("--file") { Description = "The aliases file to add the line to (created when missing).", Required = true };
        var add = new Command("add", "Confirm a maker name: append 'NAME = Maker' to the aliases file, after checking it against the catalogue.") { name, sameAs, file };
        add.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            string[] lines;
            try
            {
                lines = File.Exists(path) ? await File.ReadAllLinesAsync(path, ct) : [];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--file {path}: {ex.Message}");
            }

            var result = new AddAliasToFileHandler().Handle(new AddAliasToFileRequest(lines, Path.GetFileName(path), parsed.GetValue(name)!, parsed.GetValue(sameAs)));
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var confirmed = result.Value!;
            if (confirmed.Line is null)
            {
                await context.Console.Out.WriteLineAsync($"'{parsed.GetValue(name)!.Trim()}' is already recognised as {confirmed.Maker}; {path} is unchanged.");
                return ExitCodes.Ok;
            }

            try
            {
                var text = new StringBuilder();
                if (lines.Length == 0)
                {
                    text.Append("# Manufacturer aliases for secondsource bom audit --aliases: 'name as written = maker'.\n");
                }
                else if (new FileInfo(path).Length > 0 && !EndsWithNewline(path))
                {
                    text.Append('\n');
                }

                text.Append(confirmed.Line).Append('\n');
                await File.AppendAllTextAsync(path, text.ToString(), new UTF8Encoding(false), ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--file {path}: {ex.Message}");
            }

            await context.Console.Out.WriteLineAsync($"Added to {path}: {confirmed.Line}");
            return ExitCodes.Ok;
        });
        aliases.Subcommands.Add(add);
        return aliases;
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}
