using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Avl;
using SecondSource.Application.Boms;

namespace SecondSource.Cli.Commands;

/// <summary><c>bom export</c>: a stored revision flagged for one manufacturing line, as CSV, XLSX or IPC-2581.</summary>
internal static class BomExportCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product's code (e.g. AUR-VSM200) or id.", Required = true };
        var revision = new Option<string>("--revision") { Description = "The revision's label or id.", Required = true };
        var line = new Option<string>("--line") { Description = "The manufacturing line: its id, or a unique part of '<manufacturer> / <line>'.", Required = true };
        var format = new Option<string>("--format") { Description = "csv, xlsx or ipc2581.", DefaultValueFactory = _ => "ipc2581" };
        var output = new Option<string?>("--out") { Description = "The file to write (default: the export's own name in the current folder)." };
        var export = new Command("export", "Export a stored BOM revision for one manufacturing line: the sources approved for that line, the others flagged.")
        {
            product, revision, line, format, output,
        };
        export.SetScopedAction(context, async (parsed, services, ct) =>
        {
            FlaggedBomFormat chosen = parsed.GetValue(format)!.ToLowerInvariant() switch
            {
                "csv" => FlaggedBomFormat.Csv,
                "xlsx" => FlaggedBomFormat.Xlsx,
                "ipc2581" or "ipc-2581" => FlaggedBomFormat.Ipc2581,
                var other => throw new CliUsageException($"--format '{other}' is not csv, xlsx or ipc2581."),
            };
            var found = await services.GetRequiredService<BomRevisionQueries>().FindRevisionAsync(parsed.GetValue(product)!, parsed.GetValue(revision)!, ct);
            if (found.Failure is { } notFound)
            {
                return await context.FailAsync(notFound);
            }

            var lines = await services.GetRequiredService<PartLibrary>().BuildLinesAsync([found.Value.Product.Id], ct);
            var which = parsed.GetValue(line)!;
            var matching = Guid.TryParse(which, out var id)
                ? lines.Where(l => l.Id == id).ToList()
                : lines.Where(l => l.Name.Contains(which.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (matching.Count != 1)
            {
                throw new CliUsageException($"--line '{which}' matches {(matching.Count == 0 ? "no" : matching.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} line building {found.Value.Product.Code}; "
                    + (lines.Count == 0 ? "no line builds it yet." : $"they are: {string.Join("; ", lines.Select(l => l.Name))}."));
            }

            var result = await services.GetRequiredService<ExportFlaggedBomHandler>().HandleAsync(
                new ExportFlaggedBomRequest(found.Value.Revision.Id, matching[0].Id, chosen, $"cli:{Environment.UserName}"), ct);
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

            await context.Console.Out.WriteLineAsync($"Wrote {target}: {found.Value.Product.Code} {found.Value.Revision.Label} for {matching[0].Name} ({result.Value.Content.Length} bytes).");
            return ExitCodes.Ok;
        });
        return export;
    }
}
