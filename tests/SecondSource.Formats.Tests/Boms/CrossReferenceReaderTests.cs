using System.Text;
using SecondSource.Formats.Boms;

namespace SecondSource.Formats.Tests.Boms;

public sealed class CrossReferenceReaderTests
{
    private static IReadOnlyList<CrossReferenceRow> Read(string text, string name = "xref.csv") =>
        CrossReferenceReader.Read(name, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Rows_are_read_with_loose_headers_any_delimiter_and_blank_rows_skipped()
    {
        var rows = Read("Original MPN;Alt. Manufacturer;Alt MPN;Comments\nTPS3823-33DBVR;STMicroelectronics;STM6823SWY6F;\"Pin-compatible; check timeout\"\n;;;\nIC-3V3; Diodes Inc ;AP7354-33W5-7;\n");

        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(new CrossReferenceRow(2, "TPS3823-33DBVR", "STMicroelectronics", "STM6823SWY6F", "Pin-compatible; check timeout") { PartColumn = "Original MPN" });
        rows[0].PartColumn.ShouldBe("Original MPN");
        rows[1].ShouldBe(new CrossReferenceRow(4, "IC-3V3", "Diodes Inc", "AP7354-33W5-7", null) { PartColumn = "Original MPN" });
    }

    [Fact]
    public void An_empty_required_cell_names_its_row_and_column()
    {
        var ex = Should.Throw<BomFileException>(() => Read("Part,Alternate manufacturer,Alternate MPN\nU1-MCU,GigaDevice,GD32F407VGT6\nIC-LDO,,XC6206P332MR\n"));

        ex.Message.ShouldBe("xref.csv, row 3, column 'Alternate manufacturer': the cell is empty.");
    }

    [Fact]
    public void A_header_without_the_needed_columns_is_refused_naming_what_it_has()
    {
        var ex = Should.Throw<BomFileException>(() => Read("Designator,Value\nU1,MCU\n"));

        ex.Row.ShouldBe(1);
        ex.Message.ShouldContain("it has: Designator, Value");
    }
}
