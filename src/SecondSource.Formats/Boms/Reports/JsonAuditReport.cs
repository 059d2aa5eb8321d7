using System.Text.Encodings.Web;
using System.Text.Json;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reports;

/// <summary>
/// The JSON report, a contract for CI scripts (docs/bom-audit-json.md, schemaVersion 1). Lines are written as
/// they arrive; findings are spooled (to memory, then to a temporary file past a few megabytes) and written after
/// them, so memory stays flat whatever the size of the BOM.
/// </summary>
public sealed class JsonAuditReport : IAuditReport
{
    public const int SchemaVersion = 1;
    private const int SpillBytes = 8 << 20;

    // Structure is fixed by this class (and covered by tests), so the per-token validation is skipped on this hot path.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // Property names written once per line or finding, encoded once.
    private static readonly JsonEncodedText PCritical = JsonEncodedText.Encode("critical");
    private static readonly JsonEncodedText PCriticality = JsonEncodedText.Encode("criticality");
    private static readonly JsonEncodedText PDescription = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText PDistinctManufacturers = JsonEncodedText.Encode("distinctManufacturers");
    private static readonly JsonEncodedText PDnp = JsonEncodedText.Encode("dnp");
    private static readonly JsonEncodedText PFindings = JsonEncodedText.Encode("findings");
    private static readonly JsonEncodedText PFootprint = JsonEncodedText.Encode("footprint");
    private static readonly JsonEncodedText PGeneric = JsonEncodedText.Encode("generic");
    private static readonly JsonEncodedText PInternalPartNumber = JsonEncodedText.Encode("internalPartNumber");
    private static readonly JsonEncodedText PManufacturer = JsonEncodedText.Encode("manufacturer");
    private static readonly JsonEncodedText PManufacturerKey = JsonEncodedText.Encode("manufacturerKey");
    private static readonly JsonEncodedText PMessage = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText PMpn = JsonEncodedText.Encode("mpn");
    private static readonly JsonEncodedText PQuantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText PRecognised = JsonEncodedText.Encode("recognised");
    private static readonly JsonEncodedText PRefdes = JsonEncodedText.Encode("refdes");
    private static readonly JsonEncodedText PRow = JsonEncodedText.Encode("row");
    private static readonly JsonEncodedText PRule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText PSeverity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText PSources = JsonEncodedText.Encode("sources");
    private static readonly JsonEncodedText PTextLine = JsonEncodedText.Encode("textLine");
    private static readonly JsonEncodedText PValue = JsonEncodedText.Encode("value");

    private static readonly JsonEncodedText[] RuleIds = [.. BomAuditRules.All.Select(r => JsonEncodedText.Encode(r.Id, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))];
    private static readonly JsonEncodedText[] Severities = [.. Enum.GetValues<FindingSeverity>().Select(v => JsonEncodedText.Encode(AuditReportText.Severity(v)))];

    // Criticality verdicts are shared objects (one per prefix), so their encoded reason is cached by reference.
    private readonly Dictionary<Criticality, JsonEncodedText> _reasons = new(ReferenceEqualityComparer.Instance);

    private readonly Stream _output;
    private readonly Utf8JsonWriter _writer;
    private readonly SpillStream _spool = new(SpillBytes);
    private readonly Utf8JsonWriter _findingWriter;

    public JsonAuditReport(Stream output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(output, WriterOptions);
        _findingWriter = new Utf8JsonWriter(_spool, WriterOptions);
        _findingWriter.WriteStartArray();
    }

    public void Begin(BomSourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _writer.WriteStartObject();
        _writer.WriteNumber("schemaVersion", SchemaVersion);
        _writer.WriteStartObject("source");
        _writer.WriteString("file", source.File);
        _writer.WriteString("format", AuditReportText.Format(source.Format));
        WriteOptional("encoding", source.Encoding);
        WriteOptional("delimiter", source.Delimiter);
        WriteOptional("sheet", source.Sheet);
        if (source.HeaderRow is { } header)
        {
            _writer.WriteNumber("headerRow", header);
        }
        else
        {
            _writer.WriteNull("headerRow");
        }

        _writer.WriteStartObject("columns");
        foreach (var (field, column) in source.Columns)
        {
            _writer.WriteString(field, column);
        }

        _writer.WriteEndObject();
        _writer.WriteStartArray("columnRoles");
        foreach (var c in source.ColumnRoles)
        {
            _writer.WriteStartObject();
            _writer.WriteNumber("column", c.Index + 1);
            _writer.WriteString("header", c.Header);
            _writer.WriteString("field", c.Field);
            _writer.WriteString("evidence", c.Evidence);
            _writer.WriteString("confidence", c.Confidence.ToString().ToLowerInvariant());
            _writer.WriteString("decidedBy", c.DecidedBy);
            _writer.WriteStartArray("samples");
            foreach (var sample in c.Samples)
            {
                _writer.WriteStringValue(sample);
            }

            _writer.WriteEndArray();
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteStartArray("lines");
    }

    public void Line(AuditedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var l = line.Line;
        _writer.WriteStartObject();
        _writer.WriteNumber(PRow, l.Row);
        if (l.TextLine is { } textLine)
        {
            _writer.WriteNumber(PTextLine, textLine);
        }

        _writer.WriteStartArray(PRefdes);
        foreach (var d in l.Designators)
        {
            _writer.WriteStringValue(d);
        }

        _writer.WriteEndArray();
        if (l.Quantity is { } q)
        {
            _writer.WriteNumber(PQuantity, q);
        }
        else
        {
            _writer.WriteNull(PQuantity);
        }

        _writer.WriteBoolean(PDnp, l.Dnp);
        _writer.WriteBoolean(PCritical, line.Criticality.Critical);
        if (!_reasons.TryGetValue(line.Criticality, out var reason))
        {
            reason = JsonEncodedText.Encode(line.Criticality.Reason, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            if (_reasons.Count < 10_000)
            {
                _reasons[line.Criticality] = reason;
            }
        }

        _writer.WriteString(PCriticality, reason);
        _writer.WriteBoolean(PGeneric, l.Generic);
        WriteOptional(PInternalPartNumber, l.InternalPartNumber, writeNull: true);
        WriteOptional(PDescription, l.Description, writeNull: true);
        WriteOptional(PValue, l.Value, writeNull: true);
        WriteOptional(PFootprint, l.Footprint, writeNull: true);
        _writer.WriteStartArray(PSources);
        foreach (var s in l.Sources)
        {
            _writer.WriteStartObject();
            _writer.WriteString(PManufacturer, s.Manufacturer);
            if (s.ManufacturerKey is { } key)
            {
                _writer.WriteString(PManufacturerKey, key);
            }
            else
            {
                _writer.WriteNull(PManufacturerKey);
            }

            _writer.WriteString(PMpn, s.Mpn);
            _writer.WriteBoolean(PRecognised, s.ManufacturerKey is not null);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteNumber(PDistinctManufacturers, line.DistinctManufacturers);
        _writer.WriteStartArray(PFindings);
        foreach (var f in line.Findings)
        {
            _writer.WriteStringValue(RuleIds[f.Rule.Index]);
            Spool(f);
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        if (_writer.BytesPending > 1 << 16)
        {
            _writer.Flush();
        }
    }

    public void End(AuditSummary summary, IReadOnlyList<BomDiagnostic> diagnostics, RowAccounting? rows)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(diagnostics);
        _writer.WriteEndArray();
        _writer.Flush();

        // The spooled findings array goes in as raw JSON; the writer then adds the comma before "diagnostics" itself.
        _findingWriter.WriteEndArray();
        _findingWriter.Flush();
        _output.Write(",\"findings\":"u8);
        _spool.Position = 0;
        _spool.CopyTo(_output);

        _writer.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            _writer.WriteStartObject();
            _writer.WriteString("severity", AuditReportText.Severity(d.Severity));
            if (d.Row is { } row)
            {
                _writer.WriteNumber("row", row);
            }
            else
            {
                _writer.WriteNull("row");
            }

            WriteOptional("column", d.Column, writeNull: true);
            _writer.WriteString("message", d.Message);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteStartObject("summary");
        _writer.WriteNumber("lines", summary.Lines);
        _writer.WriteNumber("populatedLines", summary.PopulatedLines);
        _writer.WriteNumber("criticalLines", summary.CriticalLines);
        _writer.WriteNumber("dualSourcedCriticalLines", summary.DualSourcedCriticalLines);
        _writer.WriteStartObject("findings");
        foreach (var rule in BomAuditRules.All)
        {
            _writer.WriteNumber(rule.Id, summary.FindingsPerRule[rule.Id]);
        }

        _writer.WriteEndObject();
        WriteOptional("worstSeverity", summary.WorstSeverity is { } worst ? AuditReportText.Severity(worst) : null, writeNull: true);
        _writer.WriteString("dualSourcingRule", AuditReportText.DualSourcingRule);
        _writer.WriteEndObject();
        WriteRows(rows);
        _writer.WriteEndObject();
        _writer.Flush();
        _output.Write("\n"u8);
        _output.Flush();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _findingWriter.Dispose();
        _spool.Dispose();
    }

    /// <summary>What each row of the file became, as runs of rows; null for a stored revision.</summary>
    private void WriteRows(RowAccounting? rows)
    {
        if (rows is null)
        {
            _writer.WriteNull("rows");
            return;
        }

        _writer.WriteStartObject("rows");
        _writer.WriteNumber("total", rows.Total);
        _writer.WriteStartObject("counts");
        foreach (var kind in Enum.GetValues<RowKind>())
        {
            _writer.WriteNumber(RowRange.KindName(kind), rows.Count(kind));
        }

        _writer.WriteEndObject();
        _writer.WriteStartArray("ranges");
        foreach (var range in rows.Ranges)
        {
            _writer.WriteStartObject();
            _writer.WriteNumber("from", range.From);
            _writer.WriteNumber("to", range.To);
            _writer.WriteString("kind", RowRange.KindName(range.Kind));
            WriteOptional("note", range.Note, writeNull: true);
            if (range.TextLines is { } lines)
            {
                _writer.WriteStartArray("textLines");
                _writer.WriteNumberValue(lines.First);
                _writer.WriteNumberValue(lines.Last);
                _writer.WriteEndArray();
            }

            _writer.WriteEndObject();
            if (_writer.BytesPending > 1 << 16)
            {
                _writer.Flush();
            }
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
    }

    private void Spool(AuditFinding finding)
    {
        _findingWriter.WriteStartObject();
        _findingWriter.WriteString(PRule, RuleIds[finding.Rule.Index]);
        _findingWriter.WriteString(PSeverity, Severities[(int)finding.Severity]);
        _findingWriter.WriteNumber(PRow, finding.Row);
        _findingWriter.WriteStartArray(PRefdes);
        foreach (var d in finding.Designators)
        {
            _findingWriter.WriteStringValue(d);
        }

        _findingWriter.WriteEndArray();
        _findingWriter.WriteString(PMessage, finding.Message);
        _findingWriter.WriteEndObject();
        if (_findingWriter.BytesPending > 1 << 16)
        {
            _findingWriter.Flush();
        }
    }

    private void WriteOptional(JsonEncodedText name, string? value, bool writeNull = false)
    {
        if (value is not null)
        {
            _writer.WriteString(name, value);
        }
        else if (writeNull)
        {
            _writer.WriteNull(name);
        }
    }

    private void WriteOptional(string name, string? value, bool writeNull = false)
    {
        if (value is not null)
        {
            _writer.WriteString(name, value);
        }
        else if (writeNull)
        {
            _writer.WriteNull(name);
        }
    }
}
