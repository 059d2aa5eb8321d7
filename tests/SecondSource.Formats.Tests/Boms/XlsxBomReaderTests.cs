using System.IO.Compression;
using System.Text;
using SecondSource.Formats.Boms;

namespace SecondSource.Formats.Tests.Boms;

public sealed class XlsxBomReaderTests
{
    /// <summary>A minimal workbook written part by part, as Excel lays it out.</summary>
    private static byte[] Workbook(string sheetXml, string? sharedStrings = null, string sheetName = "BOM", Action<ZipArchive>? extra = null)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Part("xl/workbook.xml", $"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{sheetName}\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Notes\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"worksheet\"/><Relationship Id=\"rId2\" Target=\"/xl/worksheets/notes.xml\" Type=\"worksheet\"/></Relationships>");
            Part("xl/worksheets/notes.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>just notes</t></is></c></row></sheetData></worksheet>");
            Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{sheetXml}</sheetData></worksheet>");
            if (sharedStrings is not null)
            {
                Part("xl/sharedStrings.xml", $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{sharedStrings}</sst>");
            }

            extra?.Invoke(zip);
        }

        return memory.ToArray();
    }

    private const string Rows =
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>Qty</t></is></c></row>" +
        "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>U1</t></is></c><c r=\"B3\" t=\"s\"><v>2</v></c><c r=\"D3\"><v>1</v></c></row>" +
        "<row r=\"4\"><c r=\"A4\" t=\"str\"><v>R1,R2</v></c><c r=\"B4\" t=\"s\"><v>3</v></c><c r=\"D4\"><v>2.0</v></c></row>";

    private const string Strings =
        "<si><t>Designator</t></si><si><r><t>Manufacturer</t></r><r><t xml:space=\"preserve\">/MPN</t></r><rPh><t>ふりがな</t></rPh></si><si><t>Texas Instruments LM358DR</t></si><si><t>YAGEO RC0402FR-071KL</t></si>";

    [Fact]
    public void The_first_sheet_is_read_with_shared_rich_and_inline_strings_and_sparse_cells()
    {
        var bom = BomFiles.Bytes(Workbook(Rows, Strings, sheetName: "Assembly"), "bom.xlsx", new BomReadOptions { Sheet = "assembly" });

        bom.Info.Sheet.ShouldBe("Assembly");
        bom.Info.Columns["manufacturer-mpn"].ShouldBe("Manufacturer/MPN");
        bom.Lines.Select(l => l.Row).ShouldBe([3, 4]);
        bom.At("U1").Sources().ShouldBe([("Texas Instruments", "LM358DR")]);
        bom.At("R2").Quantity.ShouldBe(2);
    }

    [Fact]
    public void An_unknown_sheet_is_refused_with_the_sheets_there_are()
    {
        Should.Throw<BomFileException>(() => BomFiles.Bytes(Workbook(Rows, Strings), "bom.xlsx", new BomReadOptions { Sheet = "Parts" }))
            .Message.ShouldBe("bom.xlsx: there is no sheet 'Parts'; the sheets are 'BOM', 'Notes'.");
    }

    [Fact]
    public void A_part_that_expands_past_the_ceiling_is_refused_as_a_zip_bomb()
    {
        var padding = string.Concat(Enumerable.Repeat("<row r=\"9\"/>", 200_000));
        var bytes = Workbook(Rows + padding, Strings);

        bytes.Length.ShouldBeLessThan(200_000, "the bomb compresses well");
        Should.Throw<BomFileException>(() => BomFiles.Bytes(bytes, "bomb.xlsx", new BomReadOptions { MaxExpandedBytes = 1 << 20 }))
            .Message.ShouldContain("refused as a possible zip bomb");
    }

    [Fact]
    public void A_part_that_expands_more_than_a_hundred_times_its_compressed_size_is_refused_past_the_floor()
    {
        // 2,000,000 empty rows: 24 MB of XML that deflates to about 25 KB (a ratio near 1,000; XML is usually 5–20).
        var padding = string.Concat(Enumerable.Repeat("<row r=\"9\"/>", 2_000_000));
        var bytes = Workbook(Rows + padding, Strings);

        var refused = Should.Throw<BomFileException>(() => BomFiles.Bytes(bytes, "ratio.xlsx"));
        refused.Message.ShouldStartWith("ratio.xlsx: the part xl/worksheets/sheet1.xml would expand to ");
        refused.Message.ShouldContain("more than 16,777,216 is refused as a possible zip bomb (limits: 268,435,456 bytes for the whole workbook, 100 times a part's compressed size; raise them with a higher max-expanded-bytes or a higher max-expansion-ratio)");
        // Raised, it reads (the empty rows are blank rows).
        BomFiles.Bytes(bytes, "ratio.xlsx", new BomReadOptions { MaxExpansionRatio = 10_000 }).Lines.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_parts_of_a_workbook_share_one_budget()
    {
        // Shared strings of about 3 MB and a sheet of about 3 MB: each within 5 MB, together not.
        var strings = Strings + string.Concat(Enumerable.Range(0, 150_000).Select(i => $"<si><t>filler {i:D8}</t></si>"));
        var sheet = Rows + string.Concat(Enumerable.Range(100, 120_000).Select(i => $"<row r=\"{i}\"/>"));
        var bytes = Workbook(sheet, strings);
        Should.Throw<BomFileException>(() => BomFiles.Bytes(bytes, "two.xlsx", new BomReadOptions { MaxExpandedBytes = 5 << 20 }))
            .Message.ShouldStartWith("two.xlsx: the part xl/worksheets/sheet1.xml would expand to ");
        BomFiles.Bytes(bytes, "two.xlsx", new BomReadOptions { MaxExpandedBytes = 8 << 20 }).Lines.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            w.Write("hello");
        }

        Should.Throw<BomFileException>(() => BomFiles.Bytes(memory.ToArray(), "notes.xlsx"))
            .Message.ShouldBe("notes.xlsx: the workbook has no xl/_rels/workbook.xml.rels part: not an XLSX file.");
    }

    [Fact]
    public void A_truncated_zip_is_refused()
    {
        var bytes = Workbook(Rows, Strings);

        Should.Throw<BomFileException>(() => BomFiles.Bytes(bytes[..(bytes.Length / 2)], "cut.xlsx")).Message.ShouldStartWith("cut.xlsx: ");
    }

    [Fact]
    public void A_dtd_inside_a_workbook_part_is_refused()
    {
        var evil = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
        var bytes = Workbook(Rows, null, extra: zip =>
        {
            using var w = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            w.Write($"{evil}<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&b;</t></si></sst>");
        });

        Should.Throw<BomFileException>(() => BomFiles.Bytes(bytes, "dtd.xlsx")).Message.ShouldContain("DTDs are refused");
    }
}
