using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using NJsonSchema;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Formats.Boms.Reports;
using SecondSource.Testing;

namespace SecondSource.Formats.Tests.Boms;

/// <summary>The reports of one audit, run over a real file: the JSON contract, SARIF 2.1.0, JUnit, Markdown, text.</summary>
public sealed class AuditReportTests
{
    /// <summary>The SARIF 2.1.0 schema ships in an npm package that .ci/run installs; locally it may be absent.</summary>
    private const string SchemaInPackage = "artifacts/tools/sarif/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";

    private static string Run(string sample, Func<Stream, TextWriter, IAuditReport> create, BomReadOptions? options = null)
    {
        using var bytes = new MemoryStream();
        using var text = new StringWriter();
        using (var stream = File.OpenRead(Samples.RealBom(sample)))
        using (var report = create(bytes, text))
        {
            var document = BomReader.Open(Samples.RealBom(sample), stream, options ?? new BomReadOptions());
            var auditor = new BomAuditor(CriticalityPolicy.Default);
            report.Begin(document.Info);
            foreach (var line in document.ReadLines())
            {
                report.Line(auditor.Audit(line));
            }

            report.End(auditor.Summary, document.Diagnostics, document.Rows);
        }

        return bytes.Length > 0 ? Encoding.UTF8.GetString(bytes.ToArray()) : text.ToString();
    }

    [Fact]
    public void The_json_report_follows_the_documented_contract()
    {
        var json = Run("pocketbeagle_PocketBeagle_BOM.csv", (s, _) => new JsonAuditReport(s));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        root.EnumerateObject().Select(p => p.Name).ShouldBe(["schemaVersion", "source", "lines", "findings", "diagnostics", "summary", "rows"]);
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        var source = root.GetProperty("source");
        source.EnumerateObject().Select(p => p.Name).ShouldBe(["file", "format", "encoding", "delimiter", "headerRow", "columns", "columnRoles"]);
        source.GetProperty("columns").GetProperty("refdes").GetString().ShouldBe("Designator");
        var combined = source.GetProperty("columnRoles")[1];
        combined.EnumerateObject().Select(p => p.Name).ShouldBe(["column", "header", "field", "evidence", "confidence", "decidedBy", "samples"]);
        combined.GetProperty("field").GetString().ShouldBe("manufacturer-mpn");
        combined.GetProperty("evidence").GetString()!.ShouldContain("21 of 21 values are a maker's name followed by a part number");
        var lines = root.GetProperty("lines").EnumerateArray().ToList();
        lines.Count.ShouldBe(20);
        var u2 = lines.Single(l => l.GetProperty("refdes").EnumerateArray().Any(r => r.GetString() == "U2"));
        u2.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["row", "refdes", "quantity", "dnp", "critical", "criticality", "generic", "internalPartNumber", "description", "value", "footprint", "sources", "distinctManufacturers", "findings"]);
        u2.GetProperty("row").GetInt32().ShouldBe(17);
        u2.GetProperty("critical").GetBoolean().ShouldBeTrue();
        u2.GetProperty("distinctManufacturers").GetInt32().ShouldBe(2);
        u2.GetProperty("sources")[1].GetProperty("mpn").GetString().ShouldBe("74LVC1G07GV,125");
        u2.GetProperty("sources")[1].GetProperty("manufacturerKey").GetString().ShouldBe("nexperia");
        u2.GetProperty("sources")[1].GetProperty("recognised").GetBoolean().ShouldBeTrue();
        var x2 = lines.Single(l => l.GetProperty("refdes").EnumerateArray().Any(r => r.GetString() == "X2"));
        x2.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("recognised").GetBoolean()).ShouldBe([false, false], "MTCONN and Suntech are in no catalogue");
        x2.GetProperty("distinctManufacturers").GetInt32().ShouldBe(0);
        var finding = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "single-source-critical");
        finding.EnumerateObject().Select(p => p.Name).ShouldBe(["rule", "severity", "row", "refdes", "message"]);
        finding.GetProperty("severity").GetString().ShouldBe("error");
        root.GetProperty("diagnostics")[0].EnumerateObject().Select(p => p.Name).ShouldBe(["severity", "row", "column", "message"]);
        var summary = root.GetProperty("summary");
        summary.GetProperty("lines").GetInt32().ShouldBe(20);
        summary.GetProperty("criticalLines").GetInt32().ShouldBe(8);
        summary.GetProperty("findings").GetProperty("single-source-critical").GetInt32().ShouldBe(6);
        summary.GetProperty("findings").GetProperty("unverified-manufacturer").GetInt32().ShouldBe(3);
        summary.GetProperty("worstSeverity").GetString().ShouldBe("error");
        summary.GetProperty("dualSourcingRule").GetString()!.ShouldStartWith("A line is dual-sourced only with two distinct manufacturers that are recognised");
        var rows = root.GetProperty("rows");
        rows.GetProperty("total").GetInt32().ShouldBe(22);
        rows.GetProperty("counts").GetProperty("line").GetInt32().ShouldBe(20);
        rows.GetProperty("counts").GetProperty("continuation").GetInt32().ShouldBe(1);
        rows.GetProperty("ranges").EnumerateArray().Select(r => $"{r.GetProperty("from").GetInt32()}-{r.GetProperty("to").GetInt32()} {r.GetProperty("kind").GetString()}")
            .ShouldBe(["1-1 header", "2-17 line", "18-18 continuation", "19-22 line"]);
    }

    [Fact]
    public void The_json_findings_list_equals_the_findings_named_on_the_lines()
    {
        var json = Run("glasgow_revC3_bom.csv", (s, _) => new JsonAuditReport(s));
        using var doc = JsonDocument.Parse(json);

        var onLines = doc.RootElement.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("findings").GetArrayLength());
        doc.RootElement.GetProperty("findings").GetArrayLength().ShouldBe(onLines);
    }

    [Fact]
    public async Task The_sarif_report_validates_against_the_sarif_2_1_0_schema()
    {
        var schemaPath = Environment.GetEnvironmentVariable("SECONDSOURCE_SARIF_SCHEMA") is { Length: > 0 } configured ? configured : TestPaths.InRepository(SchemaInPackage);
        if (!File.Exists(schemaPath))
        {
            Assert.Skip($"The SARIF 2.1.0 schema is not installed ({schemaPath}); .ci/run installs it with npm (@microsoft/jest-sarif).");
        }

        var schema = await JsonSchema.FromFileAsync(schemaPath);
        var sarif = Run("timecard_V0_BOM_digikey.csv", (s, _) => new SarifAuditReport(s, "1.2.3"));

        var errors = schema.Validate(sarif);

        errors.Select(e => $"{e.Path}: {e.Kind}").ShouldBeEmpty();
        schema.Validate(sarif.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal))
            .ShouldNotBeEmpty("the validator must notice a level the schema does not allow");
        using var doc = JsonDocument.Parse(sarif);
        var run = doc.RootElement.GetProperty("runs")[0];
        run.GetProperty("results").GetArrayLength().ShouldBeGreaterThan(10);
        run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBeGreaterThan(0);
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().ShouldBe(BomAuditRules.All.Count);
    }

    [Fact]
    public void The_junit_report_is_well_formed_with_one_case_per_line_and_failures_at_the_threshold()
    {
        var xml = Run("pocketbeagle_PocketBeagle_BOM.csv", (s, _) => new JUnitAuditReport(s, FindingSeverity.Error));

        var doc = XDocument.Parse(xml);
        var suite = doc.Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.ShouldBe("20");
        suite.Attribute("failures")!.Value.ShouldBe("6");
        suite.Elements("testcase").Count().ShouldBe(20);
        suite.Elements("testcase").Single(c => c.Attribute("name")!.Value == "row 16 U1").Element("failure")!.Attribute("type")!.Value.ShouldBe("single-source-critical");
    }

    [Fact]
    public void The_markdown_report_has_the_totals_and_a_row_per_error()
    {
        var markdown = Run("pocketbeagle_PocketBeagle_BOM.csv", (_, w) => new MarkdownAuditReport(w));

        markdown.ShouldStartWith("## BOM audit: `pocketbeagle_PocketBeagle_BOM.csv`");
        markdown.ShouldContain("| `single-source-critical` | error | 6 |");
        markdown.Split('\n').Count(l => l.StartsWith("| error | `single-source-critical`", StringComparison.Ordinal)).ShouldBe(6);
        markdown.ShouldContain("rows read 22: 20 lines, 1 header, 1 continuation (another source for the line above).");
    }

    [Fact]
    public void The_text_report_is_plain_without_a_terminal_and_coloured_with_one()
    {
        var plain = Run("tillitis_tk1_bom.csv", (_, w) => new TextAuditReport(w, color: false));
        var colour = Run("tillitis_tk1_bom.csv", (_, w) => new TextAuditReport(w, color: true));

        plain.ShouldNotContain("\u001b[");
        plain.ShouldContain("U6 is critical and single-sourced: only Lattice ICE40UP5K-SG48ITR.");
        plain.ShouldContain("20 lines (20 populated), 11 critical, 0 of them with two or more manufacturers; 11 error(s), 1 warning(s).");
        plain.ShouldContain("U10 is critical and has no recognised manufacturer; 'PinTeng' unverified.");
        plain.TrimEnd().Split('\n')[^1].ShouldBe("rows read 26: 20 lines, 1 header, 5 preamble.");
        colour.ShouldContain("\u001b[31merror");
    }
}
