using System.CommandLine;
using System.Reflection;
using SecondSource.Application.Boms;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Formats.Boms.Reports;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource bom audit</c>: the dual-AVL audit of a BOM file, without a database.</summary>
internal static class BomCommands
{
    public static Command Create(CliContext context)
    {
        var bom = new Command("bom", "Bills of materials: read, audit.");
        var file = new Argument<string>("file") { Description = "The BOM: CSV/TSV, XLSX, or IPC-2581 XML (KiCad, Altium, EMS and distributor exports)." };
        var format = new Option<string>("--format") { Description = "auto (from the content), csv, tsv, xlsx or ipc2581.", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong("auto", "csv", "tsv", "xlsx", "ipc2581");
        var encoding = new Option<string?>("--encoding") { Description = "The text encoding when it is not UTF-8 or UTF-16 with a mark: gbk, windows-1252, shift_jis, ..." };
        var sheet = new Option<string?>("--sheet") { Description = "The XLSX sheet to read (default: the first)." };
        var map = new Option<string[]>("--map")
        {
            Description = "field=Column: read a field from the named column (or #N for the Nth). Fields: refdes, quantity, manufacturer[:N], mpn[:N], manufacturer-mpn[:N], dnp, populate, internal-part-number, description, value, footprint, critical. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var policy = new Option<string?>("--policy") { Description = "A criticality policy file (docs/bom-audit.md); default: passives, test points, fiducials and holes are not critical." };
        var aliases = new Option<string?>("--aliases") { Description = "A file of manufacturer aliases, 'alias = Canonical Name' per line, added to the built-in table." };
        var output = new Option<string>("--output") { Description = "table (people), json (the documented contract), markdown, sarif (2.1.0) or junit.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json", "markdown", "sarif", "junit");
        var failOn = new Option<string>("--fail-on") { Description = "Exit with code 1 when a finding is at or above: error (default), warning, or never.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "never");

        var audit = new Command("audit", "Audit a BOM for single-source critical parts and other dual-AVL gaps. Works on the file alone.")
        {
            file, format, encoding, sheet, map, policy, aliases, output, failOn,
        };
        audit.SetAction((parsed, ct) =>
        {
            var threshold = parsed.GetValue(failOn) switch
            {
                "warning" => FindingSeverity.Warning,
                "never" => (FindingSeverity?)null,
                _ => FindingSeverity.Error,
            };
            var catalog = ManufacturerCatalog.CreateDefault();
            if (parsed.GetValue(aliases) is { } aliasFile)
            {
                catalog.AddAliases(ReadSideFile(aliasFile, "--aliases"), Path.GetFileName(aliasFile));
            }

            var criticality = parsed.GetValue(policy) is { } policyFile
                ? CriticalityPolicy.Parse(ReadSideFile(policyFile, "--policy"), Path.GetFileName(policyFile))
                : CriticalityPolicy.Default;
            var readOptions = new BomReadOptions
            {
                Format = Enum.Parse<BomFileFormat>(parsed.GetValue(format)!, ignoreCase: true),
                Encoding = parsed.GetValue(encoding),
                Sheet = parsed.GetValue(sheet),
                Map = ParseMap(parsed.GetValue(map) ?? []),
                Manufacturers = catalog,
            };

            var console = context.Console;
            using var raw = console.RawOut is null ? new TextWriterStream(console.Out) : null;
            var bytes = console.RawOut ?? raw!;
            using IAuditReport report = parsed.GetValue(output) switch
            {
                "json" => new JsonAuditReport(bytes),
                "sarif" => new SarifAuditReport(bytes, Version()),
                "junit" => new JUnitAuditReport(bytes, threshold),
                "markdown" => new MarkdownAuditReport(console.Out),
                _ => new TextAuditReport(console.Out, console.OutputIsTerminal),
            };
            var result = new AuditBomFileHandler().Handle(new AuditBomFileRequest(parsed.GetValue(file)!, readOptions, criticality), report);
            console.Out.Flush();
            bytes.Flush();
            return Task.FromResult(threshold is { } t && result.Summary.HasFindingsAtOrAbove(t) ? ExitCodes.Findings : ExitCodes.Ok);
        });
        bom.Subcommands.Add(audit);
        return bom;
    }

    private static Dictionary<string, string> ParseMap(string[] entries)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == entry.Length - 1)
            {
                throw new CliUsageException($"--map '{entry}': write field=Column, e.g. --map mpn=\"Mfr. Part #\".");
            }

            map[entry[..eq].Trim()] = entry[(eq + 1)..].Trim();
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
}
