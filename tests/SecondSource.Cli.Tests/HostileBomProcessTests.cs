using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>
/// The hostile tester's workbooks, generated here, through <c>secondsource bom audit</c> run as a process (security round
/// 2, finding 1): each bomb is refused with the limit it broke and how to raise it, a large file within the limits is
/// read, and the process's peak memory (VmHWM) stays under 400 MB for all of them. Before the work budget a 608 KB
/// workbook whose 30,000 rows each point at one shared string of 32,000 characters wrote 976 MB to stdout (and the
/// web's import would have stored it), and 300,000 rows of 1,000 characters were accepted whole.
/// </summary>
public sealed class HostileBomProcessTests
{
    private const long PeakBudgetKb = 400 * 1024;

    [Fact]
    public async Task Each_bomb_is_refused_by_its_limit_and_a_large_workbook_within_the_limits_is_read_in_bounded_memory()
    {
        using var folder = new TempFolder("bombs");
        var sharedStringBomb = folder.File("shared-string-bomb.xlsx");
        Workbook(sharedStringBomb, 30_000, row => $"<c r=\"D{row}\" t=\"s\"><v>4</v></c>", new string('A', 32_000));
        var rowsBomb = folder.File("rows-bomb.xlsx");
        Workbook(rowsBomb, 300_000, row => $"<c r=\"D{row}\" t=\"inlineStr\"><is><t>{new string('A', 1_000)}</t></is></c>");
        var large = folder.File("large-within-limits.xlsx");
        Workbook(large, 99_000, row => $"<c r=\"D{row}\" t=\"inlineStr\"><is><t>{new string('A', 100)}</t></is></c>");

        var shared = await AuditAsync(sharedStringBomb);
        shared.ExitCode.ShouldBe(2);
        shared.Error.ShouldBe("secondsource: shared-string-bomb.xlsx, row 2, column 'Description': a cell of 32,000 characters; more than 10,000 is refused (raise the limit with --limit max-cell-chars=N).");
        shared.PeakKb.ShouldBeLessThan(PeakBudgetKb);

        var rows = await AuditAsync(rowsBomb);
        rows.ExitCode.ShouldBe(2);
        rows.Error.ShouldStartWith("secondsource: rows-bomb.xlsx: the part xl/worksheets/sheet1.xml would expand to ");
        rows.Error.ShouldContain("raise them with --limit max-expanded-bytes=N or --limit max-expansion-ratio=N");
        rows.PeakKb.ShouldBeLessThan(PeakBudgetKb);

        var read = await AuditAsync(large);
        read.ExitCode.ShouldBe(0, read.Error);
        read.OutBytes.ShouldBeGreaterThan(10_000_000);
        read.PeakKb.ShouldBeLessThan(PeakBudgetKb);
    }

    private sealed record Run(int ExitCode, string Error, long OutBytes, long PeakKb);

    /// <summary>Runs the CLI as a process, counting (not keeping) its output, and reads its peak resident memory before it exits.</summary>
    private static async Task<Run> AuditAsync(string file)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "secondsource.dll"), "bom", "audit", file, "--output", "json", "--fail-on", "never" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var peak = 0L;
        var status = $"/proc/{process.Id}/status";
        var error = process.StandardError.ReadToEndAsync();
        var counted = Task.Run(async () =>
        {
            var buffer = new char[1 << 16];
            long total = 0;
            int n;
            while ((n = await process.StandardOutput.ReadAsync(buffer)) > 0)
            {
                total += n;
            }

            return total;
        });
        while (!process.HasExited)
        {
            try
            {
                // VmHWM is the peak so far: the last reading before the process ends is its peak.
                var line = (await File.ReadAllLinesAsync(status)).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // Gone between the check and the read.
            }

            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        return new Run(process.ExitCode, (await error).Trim(), await counted, peak);
    }

    /// <summary>A workbook with a header and <paramref name="rows"/> rows of a resistor each; the Description cell as given.</summary>
    private static void Workbook(string path, int rows, Func<int, string> description, string? sharedLong = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string content)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }

        Part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        Part("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"BOM\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"worksheet\"/></Relationships>");
        Part("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>Designator</t></si><si><t>Manufacturer</t></si><si><t>MPN</t></si><si><t>Description</t></si>" +
            (sharedLong is null ? "" : $"<si><t>{sharedLong}</t></si>") + "</sst>");
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        sheet.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>");
        for (var row = 2; row < rows + 2; row++)
        {
            sheet.Write($"<row r=\"{row}\"><c r=\"A{row}\" t=\"inlineStr\"><is><t>R{row}</t></is></c><c r=\"B{row}\" t=\"inlineStr\"><is><t>Yageo</t></is></c><c r=\"C{row}\" t=\"inlineStr\"><is><t>RC0402FR-07{row}L</t></is></c>{description(row)}</row>");
        }

        sheet.Write("</sheetData></worksheet>");
    }
}
