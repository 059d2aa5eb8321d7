using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using System.Reflection;
using SecondSource.Application.Boms;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Formats.Boms.Reports;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource bom audit|import|revisions|export</c>: the dual-AVL audit of a BOM file (no database), and BOM revisions of products.</summary>
internal static class BomCommands
{
    public static Command Create(CliContext context)
    {
        var bom = new Command("bom", "Bills of materials: audit a file, import revisions of a product.");
        var file = new Argument<string?>("file") { Description = "The BOM: CSV/TSV, XLSX, or IPC-2581 XML (KiCad, Altium, EMS and distributor exports).", Arity = ArgumentArity.ZeroOrOne };
        var product = new Option<string?>("--product") { Description = "Audit a stored revision instead of a file: the product's code or id (with --revision)." };
        var revision = new Option<string?>("--revision") { Description = "The stored revision's label or id (with --product)." };
        var format = new Option<string>("--format") { Description = "auto (from the content), csv, tsv, xlsx or ipc2581.", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong("auto", "csv", "tsv", "xlsx", "ipc2581");
        var encoding = new Option<string?>("--encoding") { Description = "The text encoding when it is not UTF-8 or UTF-16 with a mark: gbk, windows-1252, shift_jis, ..." };
        var sheet = new Option<string?>("--sheet") { Description = "The XLSX sheet to read (default: the first)." };
        var map = new Option<string[]>("--map")
        {
            Description = "field=Column: read a field from the named column (or #N for the Nth, for files without a header). Fields: " +
                $"{string.Join(", ", ColumnRoles.Fields)} (manufacturer, mpn and manufacturer-mpn take :N for the Nth source; ignore reads the column for nothing). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var limit = new Option<string[]>("--limit")
        {
            Description = $"NAME=N: raise (or lower) a limit of the reader's work budget: {string.Join(", ", BomReadOptions.LimitNames)} " +
                $"(defaults {new BomReadOptions().MaxRows:N0} rows, {new BomReadOptions().MaxCellChars:N0} characters a cell, {new BomReadOptions().MaxExpandedBytes:N0} bytes for a whole XLSX, {new BomReadOptions().MaxExpansionRatio} times a part's compressed size). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Also print how the file was read: every column's role with its evidence, confidence and samples, what each row became, and the makers nobody has confirmed (to stderr for json, sarif and junit).",
        };
        var policy = new Option<string?>("--policy") { Description = "A criticality policy file (docs/bom-audit.md); default: passives, test points, fiducials and holes are not critical." };
        var aliases = new Option<string?>("--aliases") { Description = "A file of manufacturer aliases, 'alias = Canonical Name' per line, added to the built-in table." };
        var output = new Option<string>("--output") { Description = "table (people), json (the documented contract), markdown, sarif (2.1.0) or junit.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json", "markdown", "sarif", "junit");
        var sarifRoot = new Option<string?>("--sarif-root") { Description = "With --output sarif: the folder the file's URI is written relative to (uriBaseId SRCROOT), e.g. the repository's root. Default: the working directory." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with code 1 when a finding is at or above: error (default), warning, or never.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "never");

        var audit = new Command("audit", "Audit a BOM for single-source critical parts and other dual-AVL gaps: a file (no database needed), or a stored revision with --product and --revision.")
        {
            file, product, revision, format, encoding, sheet, map, limit, policy, aliases, output, sarifRoot, failOn, explain,
        };
        audit.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file);
            var (productName, revisionName) = (parsed.GetValue(product), parsed.GetValue(revision));
            if ((path is null) == (productName is null) || (productName is null) != (revisionName is null))
            {
                throw new CliUsageException("Give a BOM file, or --product and --revision for a stored revision (not both).");
            }

            if (parsed.GetValue(sarifRoot) is not null && parsed.GetValue(output) != "sarif")
            {
                await context.Console.Error.WriteLineAsync("secondsource: warning: --sarif-root had no effect: it applies to --output sarif.");
            }

            if (path is null && parsed.GetValue(explain))
            {
                throw new CliUsageException("--explain explains how a file is read; a stored revision keeps its lines, not its file's columns. Audit the file with --explain.");
            }

            var threshold = parsed.GetValue(failOn) switch
            {
                "warning" => FindingSeverity.Warning,
                "never" => (FindingSeverity?)null,
                _ => FindingSeverity.Error,
            };
            var criticality = Policy(parsed, policy);

            var console = context.Console;
            using var raw = console.RawOut is null ? new TextWriterStream(console.Out) : null;
            var bytes = console.RawOut ?? raw!;
            var reportFormat = parsed.GetValue(output);
            await using var spool = new ReportSpool();
            IAuditReport chosen = reportFormat switch
            {
                "json" => new JsonAuditReport(spool.Bytes),
                "sarif" => new SarifAuditReport(spool.Bytes, Version(), path is null ? null : SarifUri(path, parsed.GetValue(sarifRoot))),
                "junit" => new JUnitAuditReport(spool.Bytes, threshold),
                "markdown" => new MarkdownAuditReport(spool.Text),
                _ => new TextAuditReport(spool.Text, console.OutputIsTerminal, path is null ? TextAuditReport.LibraryConfirmHint : TextAuditReport.FileConfirmHint),
            };
            using IAuditReport report = parsed.GetValue(explain)
                ? new ReadingExplanation(chosen, reportFormat is "table" or "markdown" ? spool.Text : console.Error, TextAuditReport.FileConfirmHint)
                : chosen;
            AuditSummary summary;
            if (path is not null)
            {
                summary = new AuditBomFileHandler().Handle(new AuditBomFileRequest(path, ReadOptions(parsed, format, encoding, sheet, map, aliases, limit), criticality), report).Summary;
            }
            else
            {
                await using var services = context.BuildServices(parsed);
                await using var scope = services.CreateAsyncScope();
                var stored = await scope.ServiceProvider.GetRequiredService<AuditBomRevisionHandler>()
                    .HandleAsync(new AuditBomRevisionRequest(productName!, revisionName!, criticality), report, ct);
                if (stored.Failure is { } failure)
                {
                    return await context.FailAsync(failure);
                }

                summary = stored.Value!;
            }

            await spool.CopyToAsync(bytes, ct);
            await console.Out.FlushAsync(ct);
            return threshold is { } t && summary.HasFindingsAtOrAbove(t) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        bom.Subcommands.Add(audit);
        bom.Subcommands.Add(Import(context, format, encoding, sheet, map, limit, aliases, policy));
        bom.Subcommands.Add(Revisions(context));
        bom.Subcommands.Add(BomLifecycleCommands.Release(context));
        bom.Subcommands.Add(BomLifecycleCommands.Delete(context));
        bom.Subcommands.Add(BomLifecycleCommands.Diff(context));
        bom.Subcommands.Add(BomExportCommand.Create(context));
        bom.Subcommands.Add(BomAliasesCommand.Create(context));
        return bom;
    }

    /// <summary><c>bom import</c>: stores a BOM file as a revision of a product, whole or not at all, and prints its audit summary.</summary>
    private static Command Import(CliContext context, Option<string> format, Option<string?> encoding, Option<string?> sheet, Option<string[]> map, Option<string[]> limit, Option<string?> aliases, Option<string?> policy)
    {
        var product = new Argument<string>("product") { Description = "The product: its code (e.g. AUR-VSM200), its name or id (a unique part is enough)." };
        var file = new Argument<string>("file") { Description = "The BOM file, in any format 'bom audit' reads." };
        var label = new Option<string>("--label") { Description = "The revision as people name it (Rev C, 2026-11 build).", Required = true };
        var release = new Option<string?>("--release") { Description = "Release the revision at once, with this note (who and when are recorded); without it the revision is a draft until 'bom release'." };
        var json = CommandActions.JsonOption();
        var import = new Command("import", "Import a BOM file as a draft revision of a product (the same file twice is one revision); --release releases it too.")
        {
            product, file, label, release, format, encoding, sheet, map, limit, aliases, policy, json,
        };
        import.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var queries = services.GetRequiredService<BomRevisionQueries>();
            var target = await CommandActions.ProductAsync(services, parsed.GetValue(product)!, ct);
            var path = parsed.GetValue(file)!;
            string sha;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                sha = await services.GetRequiredService<ImportStaging>().StageAsync(stream, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"{path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "there is no such file." : ex.Message)}");
            }

            var result = await services.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
                new ImportBomRevisionRequest(target.Id, sha, Path.GetFileName(path), parsed.GetValue(label)!, ReadOptions(parsed, format, encoding, sheet, map, aliases, limit), $"cli:{Environment.UserName}"), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            if (parsed.GetValue(release) is { } note && !result.Value!.AlreadyImported)
            {
                var released = await services.GetRequiredService<ReleaseBomRevisionHandler>().HandleAsync(
                    new ReleaseBomRevisionRequest(result.Value.RevisionId, note, new Application.Vault.Actor($"cli:{Environment.UserName}", "command line", null)), ct);
                if (released.Failure is { } refused)
                {
                    return await context.FailAsync(refused with { Message = $"Imported as a draft, but not released: {refused.Message}" });
                }
            }

            var audit = (await queries.AuditAsync(result.Value!.RevisionId, Policy(parsed, policy), ct))!;
            var summary = audit.Summary;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, new
                {
                    audit.Revision,
                    result.Value.AlreadyImported,
                    Audit = new { summary.Lines, summary.PopulatedLines, summary.CriticalLines, summary.DualSourcedCriticalLines, summary.FindingsPerRule },
                });
                return ExitCodes.Ok;
            }

            var o = context.Console.Out;
            await o.WriteLineAsync(result.Value.AlreadyImported
                ? $"{audit.Revision.FileName} was already imported for {target.Code} as '{audit.Revision.Label}' on {audit.Revision.ImportedAt:yyyy-MM-dd}; nothing changed."
                : $"Imported {audit.Revision.FileName} as '{audit.Revision.Label}' of {target.Code}: {summary.Lines} lines, " +
                  (audit.Revision.IsDraft ? $"a draft (release it with: secondsource bom release {target.Code} \"{audit.Revision.Label}\" --note ...)." : "released."));
            await o.WriteLineAsync($"  critical lines {summary.CriticalLines}, dual-sourced {summary.DualSourcedCriticalLines}; revision {audit.Revision.Id}");
            return ExitCodes.Ok;
        });
        return import;
    }

    /// <summary><c>bom revisions</c>: a product's imported revisions, newest first.</summary>
    private static Command Revisions(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code (e.g. AUR-VSM200), its name or id (a unique part is enough)." };
        var json = CommandActions.JsonOption();
        var revisions = new Command("revisions", "A product's imported BOM revisions, newest first.") { product, json };
        revisions.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var queries = services.GetRequiredService<BomRevisionQueries>();
            var target = await CommandActions.ProductAsync(services, parsed.GetValue(product)!, ct);
            var all = await queries.ListAsync(target.Id, ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, all);
                return ExitCodes.Ok;
            }

            await CliOutput.WriteTableAsync(context.Console.Out, ["Revision", "State", "File", "Lines", "Imported", "By", "Released", "SHA-256", "Id"], all.Select(r => (IReadOnlyList<string>)
                [r.Label, r.Status, r.FileName, r.Lines.ToString(CultureInfo.InvariantCulture),
                 r.ImportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z", r.ImportedBy,
                 r.ReleasedAt is { } at ? $"{at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z by {r.ReleasedBy}" : "", r.Sha256[..12], r.Id.ToString()]));
            return ExitCodes.Ok;
        });
        return revisions;
    }


    private static BomReadOptions ReadOptions(ParseResult parsed, Option<string> format, Option<string?> encoding, Option<string?> sheet, Option<string[]> map, Option<string?> aliases, Option<string[]> limit)
    {
        var catalog = ManufacturerCatalog.CreateDefault();
        if (parsed.GetValue(aliases) is { } aliasFile)
        {
            catalog.AddAliases(ReadSideFile(aliasFile, "--aliases"), Path.GetFileName(aliasFile));
        }

        var options = new BomReadOptions
        {
            Format = Enum.Parse<BomFileFormat>(parsed.GetValue(format)!, ignoreCase: true),
            Encoding = parsed.GetValue(encoding),
            Sheet = parsed.GetValue(sheet),
            Map = ParseMap(parsed.GetValue(map) ?? []),
            Manufacturers = catalog,
            LimitHint = "--limit {0}=N",
        };
        foreach (var entry in parsed.GetValue(limit) ?? [])
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            try
            {
                options = eq <= 0 ? throw new ArgumentException($"write NAME=N, e.g. max-rows=200000 (not '{entry}').") : options.WithLimit(entry[..eq], entry[(eq + 1)..]);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException($"--limit {entry}: {ex.Message}");
            }
        }

        return options;
    }

    private static CriticalityPolicy Policy(ParseResult parsed, Option<string?> policy) =>
        parsed.GetValue(policy) is { } policyFile
            ? CriticalityPolicy.Parse(ReadSideFile(policyFile, "--policy"), Path.GetFileName(policyFile))
            : CriticalityPolicy.Default;

    // In the order given: a later choice for the same column wins, and "ignore" may be given for several columns.
    private static List<KeyValuePair<string, string>> ParseMap(string[] entries)
    {
        var map = new List<KeyValuePair<string, string>>();
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == entry.Length - 1)
            {
                throw new CliUsageException($"--map '{entry}': write field=Column, e.g. --map mpn=\"Mfr. Part #\" or --map refdes=#2.");
            }

            map.Add(new(entry[..eq].Trim(), entry[(eq + 1)..].Trim()));
        }

        return map;
    }

    private static string[] ReadSideFile(string path, string option)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{option} {path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "there is no such file." : ex.Message)}");
        }
    }

    private static string Version() =>
        typeof(BomCommands).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// The file's SARIF URI: relative to <paramref name="root"/> (default: the working directory), forward slashes,
    /// percent-encoded — never the absolute path, which would leak the machine's folders and match no repository file.
    /// </summary>
    internal static string SarifUri(string path, string? root)
    {
        var baseFolder = Path.GetFullPath(root ?? Directory.GetCurrentDirectory());
        if (root is not null && !Directory.Exists(baseFolder))
        {
            throw new CliUsageException($"--sarif-root {root}: there is no such folder.");
        }

        var relative = Path.GetRelativePath(baseFolder, Path.GetFullPath(path));
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new CliUsageException($"{path} is outside {(root is null ? "the working directory" : "--sarif-root " + root)}; SARIF locations are relative to it. Give --sarif-root with a folder that holds the file.");
        }

        return string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
    }
}
