using System.Text;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Formats.Tests.Boms;

public sealed class CsvBomReaderTests
{
    [Theory]
    [InlineData(',', "csv", ",")]
    [InlineData(';', "csv", ";")]
    [InlineData('\t', "tsv", "tab")]
    public void The_delimiter_is_detected(char delimiter, string format, string reported)
    {
        var text = string.Join("\n", new[] { "Designator|Manufacturer|MPN|Qty", "U1|TI|LM358DR|1", "\"R1|R2\"|Yageo|RC0402|2" }.Select(l => l.Replace('|', delimiter)));

        var bom = BomFiles.Text(text);

        bom.Info.Format.ToString().ToLowerInvariant().ShouldBe(format);
        bom.Info.Delimiter.ShouldBe(reported);
        bom.Lines.Select(l => string.Join(" ", l.Designators)).ShouldBe(["U1", "R1 R2"]);
    }

    [Fact]
    public void Utf8_with_a_mark_and_utf16_with_a_mark_are_read()
    {
        const string text = "Reference,Manufacturer,MPN\nU1,Würth,7447709100\n";

        BomFiles.Text(text, byteOrderMark: true).Lines.Single().Sources[0].Manufacturer.ShouldBe("Würth");
        var utf16 = BomFiles.Text(text, encoding: new UnicodeEncoding(false, true), byteOrderMark: true);
        utf16.Info.Encoding.ShouldBe("utf-16le");
        utf16.Lines.Single().Sources[0].ManufacturerKey.ShouldBe(ManufacturerCatalog.CreateDefault().Normalize("Wurth Elektronik")!.Key);
    }

    [Fact]
    public void A_legacy_encoding_is_read_with_a_warning_naming_the_offset_or_as_named()
    {
        var bytes = Encoding.Latin1.GetBytes("Reference,Manufacturer,MPN\nU1,Würth,7447709100\n");

        var guessed = BomFiles.Bytes(bytes);
        guessed.Info.Encoding.ShouldBe("windows-1252");
        guessed.Lines.Single().Sources[0].Manufacturer.ShouldBe("Würth");
        guessed.Diagnostics.ShouldContain(d => d.Severity == FindingSeverity.Warning && d.Message.Contains("the bytes at offset 31 (0xFC 0x72 0x74 0x68)", StringComparison.Ordinal));
        BomFiles.Bytes(bytes, options: new BomReadOptions { Encoding = "windows-1252" }).Lines.Single().Sources[0].Manufacturer.ShouldBe("Würth");
        Should.Throw<BomFileException>(() => BomFiles.Bytes(bytes, options: new BomReadOptions { Encoding = "klingon" })).Message.ShouldContain("'klingon' is not an encoding");
    }

    [Fact]
    public void Preamble_rows_blank_lines_quoted_newlines_and_padded_headers_are_handled()
    {
        const string text = "\"Source:\",\"board.sch\"\n\"Tool:\",\"Eeschema\"\n\nReference , Quantity ,  MPN , Mfg\n\"C1,\nC2\",2,GRM155,Murata\n\n,,,\nU1,1,LM358DR,TI\n";

        var bom = BomFiles.Text(text);

        bom.Info.HeaderRow.ShouldBe(4);
        bom.Lines.Count.ShouldBe(2);
        bom.Lines[0].Designators.ShouldBe(["C1", "C2"]);
        bom.Lines[0].Row.ShouldBe(5);
        bom.Lines[1].Row.ShouldBe(8);
        bom.Lines[1].TextLine.ShouldBe(9);
    }

    [Fact]
    public void Numbered_source_columns_become_alternates_and_distributor_columns_never_do()
    {
        const string text = "Designator,Manufacturer 1,Manufacturer Part Number 1,Supplier 1,Supplier Part Number 1,Manufacturer 2,Manufacturer Part Number 2\n" +
                            "U1,TI,TPS73101DBVR,Digi-Key,296-TPS73101-ND,Microchip,MCP1700T\n";

        var bom = BomFiles.Text(text);

        bom.Lines.Single().Sources().ShouldBe([("TI", "TPS73101DBVR"), ("Microchip", "MCP1700T")]);
        bom.Info.Columns["manufacturer:2"].ShouldBe("Manufacturer 2");
        bom.Info.Columns["ignored-distributor"].ShouldBe("Supplier 1, Supplier Part Number 1");
    }

    [Theory]
    [InlineData("Ref,Mfr_1,PN_1,Mfr_2,PN_2\nU1,TI,LM358DR,ST,LM358DT\n")]
    [InlineData("Ref,Manufacturer,MPN,Alt Manufacturer,Alt MPN\nU1,TI,LM358DR,ST,LM358DT\n")]
    [InlineData("Ref,Manufacturer,MPN,Manufacturer,MPN\nU1,TI,LM358DR,ST,LM358DT\n")]
    [InlineData("Ref,Manufacturer,MPN\nU1,TI; ST,LM358DR; LM358DT\n")]
    [InlineData("Ref,Manufacturer/MPN\nU1,\"TI LM358DR, ST LM358DT\"\n")]
    [InlineData("Ref,Manufacturer,MPN\nU1,TI,LM358DR\n,ST,LM358DT\n")]
    public void Every_common_shape_of_alternates_is_read(string text)
    {
        BomFiles.Text(text).Lines.Single().Sources().ShouldBe([("TI", "LM358DR"), ("ST", "LM358DT")]);
    }

    [Fact]
    public void A_map_overrides_detection_and_names_an_unknown_column()
    {
        const string text = "Pos,Brand,Code,Count\nU1,TI,LM358DR,1\n";
        var map = new Dictionary<string, string> { ["refdes"] = "Pos", ["mpn"] = "code" };

        var bom = BomFiles.Text(text, options: new BomReadOptions { Map = map });

        bom.Lines.Single().Sources().ShouldBe([("TI", "LM358DR")]);
        bom.Info.Columns["refdes"].ShouldBe("Pos");
        Should.Throw<BomFileException>(() => BomFiles.Text(text, options: new BomReadOptions { Map = new Dictionary<string, string> { ["mpn"] = "Part" } }))
            .Message.ShouldBe("test.csv, row 1: --map mpn=Part: there is no such column; the columns are 'Pos', 'Brand', 'Code', 'Count' (or #1 to #4).");
    }

    [Fact]
    public void Swapped_manufacturer_and_part_number_columns_are_detected_and_said()
    {
        const string text = "Designator,Manufacturer,MPN\nU1,LM358DR,Texas Instruments\nU2,STM32F103C8T6,ST\nU3,ATMEGA328P-AU,Microchip\nU4,TPS73101DBVR,TI\n";

        var bom = BomFiles.Text(text);

        bom.At("U2").Sources().ShouldBe([("ST", "STM32F103C8T6")]);
        bom.Diagnostics.ShouldContain(d => d.Severity == FindingSeverity.Warning && d.Message.Contains("read them swapped", StringComparison.Ordinal));
    }

    [Fact]
    public void Dnp_columns_and_values_mark_lines_not_populated()
    {
        const string text = "Ref,MPN,Mfg,DNP,Value\nU1,LM358DR,TI,DNP,\nU2,LM358DR,TI,,\nR9,,,,DNP\n";

        BomFiles.Text(text).Lines.Select(l => l.Dnp).ShouldBe([true, false, true]);
        BomFiles.Text("Ref,MPN,Populate\nU1,A1,no\nU2,A2,yes\n").Lines.Select(l => l.Dnp).ShouldBe([true, false]);
    }

    [Fact]
    public void A_quantity_that_is_not_a_number_is_reported_with_row_and_column()
    {
        var bom = BomFiles.Text("Ref,MPN,Qty\nU1,LM358DR,two\n");

        bom.Lines.Single().Quantity.ShouldBeNull();
        bom.Diagnostics.ShouldContain(new BomDiagnostic(FindingSeverity.Warning, 2, "Qty", "quantity 'two' is not a number; ignored."));
    }

    [Fact]
    public void A_file_without_a_recognisable_header_is_refused_with_guidance()
    {
        Should.Throw<BomFileException>(() => BomFiles.Text("a,b,c\n1,2,3\n"))
            .Message.ShouldBe("test.csv: the file has no header row, and no column's values have the shape of designators, part numbers or distributor stock numbers; name the columns with --map (by number: --map mpn=#3 --map quantity=#2).");
        Should.Throw<BomFileException>(() => BomFiles.Text("Just a note about the board\nNothing to buy here\n"))
            .Message.ShouldStartWith("test.csv: no header row in the first 60 rows");
    }

    [Fact]
    public void Binary_garbage_and_empty_files_are_refused()
    {
        Should.Throw<BomFileException>(() => BomFiles.Bytes([0x00, 0x01, 0x02, 0x41, 0x00])).Message.ShouldContain("binary");
        Should.Throw<BomFileException>(() => BomFiles.Bytes([])).Message.ShouldBe("test.csv: the file is empty.");
        Should.Throw<BomFileException>(() => BomFiles.Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xD8])).Message
            .ShouldBe("test.csv: the file holds binary data (byte 0x1A at offset 6): it is not a text BOM, a workbook or IPC-2581 XML.");
    }

    [Fact]
    public void A_format_the_content_contradicts_is_refused()
    {
        Should.Throw<BomFileException>(() => BomFiles.Text("Ref,MPN\nU1,A\n", options: new BomReadOptions { Format = BomFileFormat.Xlsx }))
            .Message.ShouldBe("test.csv: --format xlsx was given, but the content is delimited text (CSV/TSV).");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_reading()
    {
        Should.Throw<BomFileException>(() => BomFiles.Text("Ref,MPN\nU1,A\n", options: new BomReadOptions { MaxFileBytes = 5 }))
            .Message.ShouldContain("files over 5 bytes are refused");
    }
}
