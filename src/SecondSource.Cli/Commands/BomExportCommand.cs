using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Avl;

namespace SecondSource.Cli.Commands;

/// <summary><c>bom export</c>: a stored revision flagged for one manufacturing line, as CSV, XLSX or IPC-2581.</summary>
internal static class BomExportCommand
{
    public static Command Create(CliContext context)
    {
        var product = new PositionalInput("product", "--product", "The product: its code (e.g. AUR-VSM200), name or id.", "PRODUCT");
        var revision = new PositionalInput("revision", "--revision", "The revision's label or id.", "REVISION");
        var line = new Option<string>("--line") { Description = "The manufacturing line: its id, or a unique part of '<manufacturer> / <line>'.", Required = true };
        var format = new Option<string?>("--format") { Description = "csv, xlsx or ipc2581 (default: from --out's extension, .csv, .xlsx or .xml; else ipc2581)." };
        var output = new Option<string?>("--out") { Description = "The file to write (default: the export's own name in the current folder)." };
        var export = new Command("export", "Export a stored BOM revision for one manufacturing line: the sources approved for that line, the others flagged.")
        {
            line, format, output,
        };
        product.AddTo(export);
        revision.AddTo(export);
        export.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var chosen = FormatOf(parsed.GetValue(format), parsed.GetValue(output));
            var found = await CommandActions.RevisionAsync(services, product.From(parsed, "bom export"), revision.From(parsed, "bom export PRODUCT"), ct);
            if (found.Failure is { } notFound)
            {
                return await context.FailAsync(notFound);
            }

            var lines = await services.GetRequiredService<PartLibrary>().BuildLinesAsync([found.Value.Product.Id], ct);
            var chosenLine = Resolve.One("line", "--line", parsed.GetValue(line)!, lines, l => [l.Id], l => [l.Name], l => l.Name,
                lines.Count == 0 ? "no line builds it yet" : "'secondsource programs show " + found.Value.Product.Code + "' shows its lines");

            var result = await services.GetRequiredService<ExportFlaggedBomHandler>().HandleAsync(
                new ExportFlaggedBomRequest(found.Value.Revision.Id, chosenLine.Id, chosen, $"cli:{Environment.UserName}"), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var target = parsed.GetValue(output) ?? result.Value!.FileName;
            try
            {
                await File.WriteAllBytesAsync(target, result.Value!.Content, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"{target}: {ex.Message}");
            }

            await context.Console.Out.WriteLineAsync($"Wrote {target}: {found.Value.Product.Code} {found.Value.Revision.Label} for {chosenLine.Name} ({result.Value.Content.Length} bytes).");
            return ExitCodes.Ok;
        });
        return export;
    }

    /// <summary>
    /// The export's format: --format when given, else --out's extension (.csv, .xlsx, .xml), else IPC-2581. A format
    /// that contradicts the extension, or an extension that names none, is refused rather than writing XML into a .csv.
    /// </summary>
    internal static FlaggedBomFormat FormatOf(string? format, string? output)
    {
        FlaggedBomFormat? named = format?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "csv" => FlaggedBomFormat.Csv,
            "xlsx" => FlaggedBomFormat.Xlsx,
            "ipc2581" or "ipc-2581" or "xml" => FlaggedBomFormat.Ipc2581,
            _ => throw new CliUsageException($"--format '{format}' is not csv, xlsx or ipc2581."),
        };
        var extension = output is null ? "" : Path.GetExtension(output).ToLowerInvariant();
        FlaggedBomFormat? implied = extension switch
        {
            ".csv" => FlaggedBomFormat.Csv,
            ".xlsx" => FlaggedBomFormat.Xlsx,
            ".xml" => FlaggedBomFormat.Ipc2581,
            _ => null,
        };
        if (named is { } n && implied is { } i && n != i)
        {
            throw new CliUsageException($"--format {format} contradicts --out {output} (a {extension} file); change one of them.");
        }

        if (named is null && implied is null && output is not null)
        {
            throw new CliUsageException($"--out {output}: the format cannot be told from '{(extension.Length == 0 ? "no extension" : extension)}'; name the file .csv, .xlsx or .xml, or give --format.");
        }

        return named ?? implied ?? FlaggedBomFormat.Ipc2581;
    }
}
