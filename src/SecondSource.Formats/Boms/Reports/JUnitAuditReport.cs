using System.Globalization;
using System.Xml;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reports;

/// <summary>
/// JUnit XML for CI dashboards: one test case per BOM line, failed when it has a finding at or above the
/// <c>--fail-on</c> severity; lesser findings go to the case's system-out.
/// </summary>
public sealed class JUnitAuditReport(Stream output, FindingSeverity? failOn) : IAuditReport
{
    private readonly List<AuditedLine> _lines = [];
    private BomSourceInfo? _source;

    public void Begin(BomSourceInfo source) => _source = source;

    public void Line(AuditedLine line) => _lines.Add(line);

    public void End(AuditSummary summary, IReadOnlyList<BomDiagnostic> diagnostics, RowAccounting? rows)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var file = Path.GetFileName(_source!.File);
        bool Fails(AuditFinding f) => failOn is { } threshold && f.Severity >= threshold;
        var failures = _lines.Count(l => l.Findings.Any(Fails));
        using var w = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, CloseOutput = false, Encoding = new System.Text.UTF8Encoding(false) });
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteAttributeString("name", "secondsource bom audit");
        w.WriteAttributeString("tests", Count(_lines.Count));
        w.WriteAttributeString("failures", Count(failures));
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", Safe($"bom audit: {file}"));
        w.WriteAttributeString("tests", Count(_lines.Count));
        w.WriteAttributeString("failures", Count(failures));
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("skipped", "0");
        foreach (var line in _lines)
        {
            var l = line.Line;
            w.WriteStartElement("testcase");
            w.WriteAttributeString("classname", Safe($"bom.{file}"));
            var refdes = l.Designators.Count == 0 ? "(no designator)" : string.Join(",", l.Designators.Take(6)) + (l.Designators.Count > 6 ? ",…" : "");
            w.WriteAttributeString("name", Safe($"row {l.Row.ToString(CultureInfo.InvariantCulture)} {refdes}"));
            var failing = line.Findings.Where(Fails).ToList();
            if (failing.Count > 0)
            {
                w.WriteStartElement("failure");
                w.WriteAttributeString("type", Safe(string.Join(" ", failing.Select(f => f.Rule.Id).Distinct())));
                w.WriteAttributeString("message", Safe(failing[0].Message));
                w.WriteString(Safe(string.Join("\n", failing.Select(f => $"{AuditReportText.Severity(f.Severity)} {f.Rule.Id}: {f.Message}"))));
                w.WriteEndElement();
            }

            var other = line.Findings.Where(f => !Fails(f)).ToList();
            if (other.Count > 0)
            {
                w.WriteElementString("system-out", Safe(string.Join("\n", other.Select(f => $"{AuditReportText.Severity(f.Severity)} {f.Rule.Id}: {f.Message}"))));
            }

            w.WriteEndElement();
        }

        if (diagnostics.Count > 0)
        {
            w.WriteElementString("system-err", Safe(string.Join("\n", diagnostics.Select(d =>
                $"{AuditReportText.Severity(d.Severity)}{(d.Row is { } r ? $" row {r}" : "")}{(d.Column is { } c ? $" column '{c}'" : "")}: {d.Message}"))));
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
        w.Flush();
        output.Write("\n"u8);
    }

    public void Dispose()
    {
    }

    /// <summary>Characters XML 1.0 cannot carry (control characters from a damaged file) become U+FFFD.</summary>
    private static string Safe(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return new string(text.Select(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch) ? ch : '\uFFFD').ToArray());
            }
        }

        return text;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
