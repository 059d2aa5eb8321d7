using System.Text;
using SecondSource.Formats.Boms;
using SecondSource.Formats.Boms.Export;

namespace SecondSource.Formats.Tests.Boms.Export;

/// <summary>The flagged BOM in each format reads back through the BOM reader with the line's approved sources only.</summary>
public sealed class FlaggedBomWriterTests
{
    private static readonly FlaggedBom Bom = new("AUR-VSM200", "VitalSign bedside monitor VSM-200", "Rev B", "Vistula EMS / SMT line 1",
        new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), "engineer@aurora-medical.example",
    [
        new(["U6"], 1, false, "TLV75533PDBVR", null, "LDO 3.3 V 500 mA, analog rail", "3.3 V LDO", "SOT-23-5", true, false,
        [
            new("Texas Instruments", "TLV75533PDBVR", 1, true, "approved"),
            new("Diodes Incorporated", "AP7354-33W5-7", 2, false, "refused by the line"),
        ]),
        new(["U2"], 1, false, "IS42S16160J-6BLI", null, "SDRAM 16M x 16, 166 MHz", "256 Mbit SDRAM", "BGA-54 P0.8mm", true, false,
        [
            new("Alliance Memory", "AS4C16M16SA-6BIN", 2, true, "approved"),
            new("ISSI", "IS42S16160J-6BLI", 1, true, "approved"),
        ]),
        new(["C1", "C2", "C3"], 3, false, "CAP-100N", "CAP-100N", "=HYPERLINK(\"http://x\") 100 nF", "100nF", "0201", false, false,
        [
            new("Murata", "GRM033R61A104KE15D", 1, true, "approved"),
        ]),
        new(["R99"], 1, true, "RC0201FR-0710KL", null, "Resistor 10 k", "10k", "0201", false, false, [new("Yageo", "RC0201FR-0710KL", 1, false, "proposed")]),
        new(["MH1", "MH2"], 2, false, null, null, "Mounting hole M3", null, "MountingHole_3.2mm", false, false, []),
    ]);

    private static byte[] Write(Action<FlaggedBom, Stream> writer)
    {
        using var buffer = new MemoryStream();
        writer(Bom, buffer);
        return buffer.ToArray();
    }

    private static void ShouldCarryTheApprovedSources(BomFiles.Read read)
    {
        read.At("U6").Sources.Select(s => s.Mpn).ShouldBe(["TLV75533PDBVR"]);
        read.At("U2").Sources.Select(s => s.Mpn).ShouldBe(["IS42S16160J-6BLI", "AS4C16M16SA-6BIN"], "preferred first");
        read.At("U2").DistinctManufacturers.ShouldBe(2);
        read.At("C1").Designators.ShouldBe(["C1", "C2", "C3"]);
        read.At("C1").Quantity.ShouldBe(3);
        read.At("C1").InternalPartNumber.ShouldBe("CAP-100N");
        read.At("R99").Dnp.ShouldBeTrue();
        read.At("R99").Sources.ShouldBeEmpty();
        read.At("U6").CriticalInFile.ShouldBe(true);
        read.At("C1").CriticalInFile.ShouldBe(false);
        read.Lines.Count.ShouldBe(5);
    }

    [Fact]
    public void The_ipc2581_export_reads_back_with_the_lines_approved_sources()
    {
        var bytes = Write(FlaggedBomIpc2581Writer.Write);
        var read = BomFiles.Bytes(bytes, "AUR-VSM200-Rev-B.ipc2581.xml");

        read.Info.Format.ShouldBe(BomFileFormat.Ipc2581);
        ShouldCarryTheApprovedSources(read);
        read.At("U6").Description.ShouldBe("LDO 3.3 V 500 mA, analog rail");
        read.At("U6").Value.ShouldBe("3.3 V LDO");
        read.At("U6").Footprint.ShouldBe("SOT-23-5");
        read.Diagnostics.ShouldContain(d => d.Message.Contains("AP7354-33W5-7 is marked qualified=\"false\"", StringComparison.Ordinal));
        var xml = Encoding.UTF8.GetString(bytes);
        xml.ShouldContain("<AvlVmpn qualified=\"true\" chosen=\"true\">");
        xml.ShouldContain("other=\"refused by the line\"");
    }

    [Fact]
    public void The_csv_export_reads_back_with_the_lines_approved_sources_and_defused_formulas()
    {
        var bytes = Write(FlaggedBomCsvWriter.Write);
        var read = BomFiles.Bytes(bytes, "AUR-VSM200-Rev-B.csv");

        ShouldCarryTheApprovedSources(read);
        read.At("C1").Description.ShouldBe("'=HYPERLINK(\"http://x\") 100 nF");
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldContain("Diodes Incorporated AP7354-33W5-7 (refused by the line)");
        text.ShouldContain("Critical, single source for this line");
    }

    [Fact]
    public void The_xlsx_export_reads_back_with_the_lines_approved_sources()
    {
        var bytes = Write(FlaggedBomXlsxWriter.Write);
        var read = BomFiles.Bytes(bytes, "AUR-VSM200-Rev-B.xlsx");

        read.Info.Format.ShouldBe(BomFileFormat.Xlsx);
        ShouldCarryTheApprovedSources(read);
    }

    [Fact]
    public void The_xlsx_export_stores_quantities_as_numbers_and_guards_text_as_the_csv_does()
    {
        var bytes = Write(FlaggedBomXlsxWriter.Write);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd());
        System.Xml.Linq.XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var cells = sheet.Descendants(ns + "c").ToDictionary(c => c.Attribute("r")!.Value);

        cells["B4"].Attribute("t").ShouldBeNull("a quantity is a number, not text");
        cells["B4"].Element(ns + "v")!.Value.ShouldBe("3");
        cells["E4"].Descendants(ns + "t").Single().Value.ShouldBe("'=HYPERLINK(\"http://x\") 100 nF", "the same guard as the CSV");
        cells["B1"].Attribute("t")!.Value.ShouldBe("inlineStr", "the header stays text");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("+HYPERLINK(\"x\")", "'+HYPERLINK(\"x\")")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("-5V", "-5V")]
    [InlineData("+3.3 V", "+3.3 V")]
    [InlineData("-5%", "-5%")]
    [InlineData("-40°C to +85°C", "-40°C to +85°C")]
    [InlineData("-0,5 mA", "-0,5 mA")]
    [InlineData("100nF", "100nF")]
    [InlineData("", "")]
    public void One_formula_guard_defuses_formulas_and_leaves_signed_values_alone(string cell, string written)
    {
        SpreadsheetText.Defuse(cell).ShouldBe(written);
        SpreadsheetText.Restore(written).ShouldBe(cell, "reading back a file we wrote gives the value");
    }

    [Fact]
    public void A_line_is_flagged_when_the_manufacturing_line_has_fewer_sources_than_it_needs()
    {
        Bom.Lines[0].Flag.ShouldBe("Critical, single source for this line");
        Bom.Lines[1].Flag.ShouldBeNull();
        Bom.Lines[2].Flag.ShouldBeNull("not critical");
        Bom.Lines[3].Flag.ShouldBeNull("not populated");
        Bom.Lines[4].Flag.ShouldBe("No approved source for this line");
    }
}
