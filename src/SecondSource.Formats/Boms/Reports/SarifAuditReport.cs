using System.Text.Encodings.Web;
using System.Text.Json;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning views: one run, the audit rules as the tool's rules, a result per finding
/// located at the file and (for text formats) the line, the reader's diagnostics as tool notifications. The file's
/// location is <paramref name="artifactUri"/> — a URI relative to the <c>SRCROOT</c> base (the repository or working
/// folder), as code-scanning tools map results to files — else the file name alone.
/// </summary>
public sealed class SarifAuditReport(Stream output, string toolVersion, string? artifactUri = null) : IAuditReport
{
    /// <summary>The base the artifact URIs are relative to (SARIF §3.4.4; GitHub code scanning's convention).</summary>
    public const string BaseId = "SRCROOT";

    private readonly List<(AuditFinding Finding, int? TextLine)> _findings = [];
    private BomSourceInfo? _source;

    public void Begin(BomSourceInfo source) => _source = source;

    public void Line(AuditedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var finding in line.Findings)
        {
            _findings.Add((finding, _source!.Format == BomFileFormat.Xlsx ? null : line.Line.TextLine ?? line.Line.Row));
        }
    }

    public void End(AuditSummary summary, IReadOnlyList<BomDiagnostic> diagnostics, RowAccounting? rows)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var uri = artifactUri ?? Uri.EscapeDataString(Path.GetFileName(_source!.File.Replace('\\', '/')));
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "secondsource bom audit");
        w.WriteString("semanticVersion", toolVersion);
        w.WriteString("informationUri", "https://example.invalid/secondsource/docs/bom-audit");
        w.WriteStartArray("rules");
        foreach (var rule in BomAuditRules.All)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", ToPascal(rule.Id));
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Title);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.Help);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.Severity));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("artifacts");
        w.WriteStartObject();
        w.WriteStartObject("location");
        w.WriteString("uri", uri);
        w.WriteString("uriBaseId", BaseId);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        w.WriteStartArray("toolExecutionNotifications");
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("level", Level(d.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", d.Column is null ? d.Message : $"column '{d.Column}': {d.Message}");
            w.WriteEndObject();
            WriteLocations(w, uri, _source!.Format == BomFileFormat.Xlsx ? null : d.Row, d.Row);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("results");
        var ruleIndex = BomAuditRules.All.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        foreach (var (finding, textLine) in _findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", finding.Rule.Id);
            w.WriteNumber("ruleIndex", ruleIndex[finding.Rule.Id]);
            w.WriteString("level", Level(finding.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", finding.Message);
            w.WriteEndObject();
            WriteLocations(w, uri, textLine, finding.Row);
            w.WriteStartObject("properties");
            w.WriteNumber("row", finding.Row);
            w.WriteStartArray("refdes");
            foreach (var d in finding.Designators)
            {
                w.WriteStringValue(d);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    public void Dispose()
    {
    }

    private static void WriteLocations(Utf8JsonWriter w, string uri, int? textLine, int? row)
    {
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", uri);
        w.WriteString("uriBaseId", BaseId);
        w.WriteNumber("index", 0);
        w.WriteEndObject();
        if (textLine is { } line && line >= 1)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", line);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (row is { } r)
        {
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("name", $"row {r}");
            w.WriteString("kind", "element");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };

    private static string ToPascal(string id) =>
        string.Concat(id.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
