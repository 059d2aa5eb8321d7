using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Formats.Tests.Boms;

/// <summary>
/// The reading rules of issue 19, one pattern a test, each written as the real files that showed it write it: a source counts
/// only when it is shown to be one, columns are decided by header and content, every row is accounted for, DNP is read
/// wherever it is written, and a file without a header is read when its columns can be typed.
/// </summary>
public sealed class ReadingRulesTests
{
    [Fact]
    public void A_manufacturer_column_full_of_part_numbers_beside_a_brand_column_is_read_as_the_part_number()
    {
        const string text = "Ref,Qty,Manufacturer name,brand\nU1,1,LM358DR,TI\nU2,1,STM32F103C8T6,ST\nU3,1,ATMEGA328P-AU,Microchip\nU4,1,TPS73101DBVR,TI\n";

        var bom = BomFiles.Text(text);

        bom.At("U1").Sources().ShouldBe([("TI", "LM358DR")]);
        bom.Lines.ShouldAllBe(l => l.DistinctManufacturers == 1);
        bom.Diagnostics.ShouldContain(d => d.Column == "Manufacturer name" && d.Message.Contains("look like part numbers, not makers", StringComparison.Ordinal));
        bom.Info.ColumnRoles.Single(c => c.Header == "Manufacturer name").Field.ShouldBe("mpn");
    }

    [Fact]
    public void Mfg_hash_is_the_part_number_of_the_maker_in_Mfg()
    {
        var bom = BomFiles.Text("Designator,MFG,MFG#\nU1,Texas Instruments,SN74LVC1G07DCKR\nU2,onsemi,NCP1117ST33T3G\n");

        bom.At("U1").Sources().ShouldBe([("Texas Instruments", "SN74LVC1G07DCKR")]);
        bom.Info.Columns["mpn"].ShouldBe("MFG#");
        bom.Lines.ShouldAllBe(l => l.DistinctManufacturers == 1);
    }

    [Fact]
    public void A_maker_and_its_part_number_in_one_maker_cell_are_split_and_a_distributor_there_is_never_a_source()
    {
        var bom = BomFiles.Text("Ref,Manufacturer,MPN,Manufacturer,MPN\nU1,\"Murata,GRM155R71C104KA88D\",,\"DIGI,490-1532-1-ND\",\nU2,Digi-Key,296-1395-1-ND,TI,LM358DR\n");

        bom.At("U1").Sources().ShouldBe([("Murata", "GRM155R71C104KA88D")]);
        bom.At("U1").DistinctManufacturers.ShouldBe(1);
        bom.At("U2").Sources().ShouldBe([("TI", "LM358DR")], "Digi-Key is a distributor and 296-1395-1-ND its stock number");
    }

    [Fact]
    public void Brands_and_acquired_companies_are_one_maker()
    {
        var rows = new[]
        {
            "R1,Vishay Dale,CRCW06031K00FKEA,Vishay,CRCW06031K00FKEB",
            "Q1,International Rectifier,IRF7309PBF,Infineon,IRF7309TRPBF",
            "U1,Linear Technology,LT1001CS8,Maxim Integrated,MAX4236",
            "U2,Fairchild,FDN340P,ON Semiconductor,NTR4101P",
            "U3,Atmel,ATTINY85-20SU,Micrel,MIC5205",
            "U4,Freescale,MC33063,NXP,LPC1114",
            "U5,Intersil,ISL8117,IDT,5P49V5901",
            "U6,Avago,HCPL-0601,Broadcom,ACPL-M61L",
            "U7,Cypress,CY7C68013A,Infineon Technologies,XMC1100",
            "C1,KEMET,C0603C104K5RACTU,Yageo,CC0603KRX7R9BB104",
        };

        var bom = BomFiles.Text("Ref,Manufacturer,MPN,Manufacturer,MPN\n" + string.Join("\n", rows) + "\n");

        bom.Lines.Count.ShouldBe(rows.Length);
        bom.Lines.ShouldAllBe(l => l.DistinctManufacturers == 1);
    }

    [Theory]
    [InlineData("Custom (see schematic)")]
    [InlineData("0R")]
    [InlineData("Mouser")]
    [InlineData("RS PRO")]
    [InlineData("TBD")]
    [InlineData("https://www.ti.com/product/LM358")]
    [InlineData("10k")]
    public void Text_that_is_no_maker_counts_as_none(string notAMaker)
    {
        var bom = BomFiles.Text($"Ref,Manufacturer,MPN,Manufacturer,MPN\nU1,TI,LM358DR,\"{notAMaker}\",LM358DT\n");

        var line = bom.Lines.Single();
        line.DistinctManufacturers.ShouldBe(1);
        line.Sources.ShouldNotContain(s => s.Manufacturer == notAMaker);
    }

    [Fact]
    public void A_name_nobody_knows_is_unverified_and_counts_for_nothing_until_an_alias_confirms_it()
    {
        const string text = "Ref,Manufacturer,MPN,Manufacturer,MPN\nU1,TI,LM358DR,Fictional Parts Works,FPW358\n";

        var line = BomFiles.Text(text).Lines.Single();
        line.DistinctManufacturers.ShouldBe(1);
        line.UnverifiedManufacturers.ShouldBe(["Fictional Parts Works"]);

        var catalog = ManufacturerCatalog.CreateDefault();
        catalog.AddAliases(["Fictional Parts Works = Fictional Parts Works"], "aliases.txt");
        var confirmed = BomFiles.Text(text, options: new BomReadOptions { Manufacturers = catalog }).Lines.Single();
        confirmed.DistinctManufacturers.ShouldBe(2);
        confirmed.UnverifiedManufacturers.ShouldBeEmpty();
    }

    [Fact]
    public void An_inch_sign_in_a_tab_separated_description_does_not_swallow_the_lines_after_it()
    {
        var lines = new List<string> { "References\tQty\tDescription\tManufacturer\tMPN" };
        lines.Add("J1\t1\tHEADER 16PS.1\"\tSamtec\tTSW-108-07-G-D");
        for (var i = 2; i <= 30; i++)
        {
            lines.Add($"R{i}\t1\tRES 10K 0603\tYageo\tRC0603FR-0710KL");
        }

        var bom = BomFiles.Text(string.Join("\n", lines) + "\n", "bom.tsv");

        bom.Lines.Count.ShouldBe(30);
        bom.At("J1").Description.ShouldBe("HEADER 16PS.1\"");
        bom.At("R7").Sources().ShouldBe([("Yageo", "RC0603FR-0710KL")]);
    }

    [Fact]
    public void A_csv_quote_that_would_swallow_rows_is_read_as_a_character_and_the_row_is_named()
    {
        var bom = BomFiles.Text("Ref,Qty,Description,MPN\nJ1,1,\"HEADER 16PS.1\"\" 2x8,TSW-108\nR1,1,RES 10K,RC0603FR-0710KL\nR2,1,RES 1K,RC0603FR-071KL\n");

        bom.Lines.Count.ShouldBe(3);
        bom.At("R2").Sources().ShouldBe([("", "RC0603FR-071KL")]);
        bom.Diagnostics.ShouldContain(d => d.Row == 2 && d.Message.Contains("a double quote that would open a field running over the next lines is read as a character", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quoted_line_break_with_the_tables_shape_is_kept()
    {
        var bom = BomFiles.Text("Ref,Qty,Description,MPN\nC1,1,\"CAP 100n\n0402\",GRM155\nC2,1,CAP,GRM156\n");

        bom.Lines.Count.ShouldBe(2);
        bom.At("C1").Description.ShouldBe("CAP 100n\n0402");
        bom.Lines[1].Row.ShouldBe(3);
    }

    [Fact]
    public void KiBoMs_summary_block_and_a_carts_subtotal_are_accounted_for_and_are_no_lines()
    {
        const string kibom = "Component,Description,Part,References,Value,Footprint,Quantity Per PCB,MFN,MFP\n" +
            "1,Capacitor,C,C1 C2,100n,C_0402,2,Murata,GRM155R71C104KA88D\n" +
            "2,Opamp,LM358,U1,LM358,SOIC-8,1,TI,LM358DR\n\n\n" +
            "Component Groups:,2\nComponent Count:,3\nFitted Components:,3\nNumber of PCBs:,1\nTotal components:,3\nSchematic Revision:,A\nSchematic Date:,2024-01-01\n" +
            "BoM Date:,2024-01-02\nSchematic Source:,C:\\Users\\me\\board.sch\nKiCad Version:,Eeschema 5.1.9\n";

        var bom = BomFiles.Text(kibom);
        bom.Lines.Count.ShouldBe(2);
        var document = BomReader.Open("kibom.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(kibom)), new BomReadOptions());
        _ = document.ReadLines().ToList();
        document.Rows.Ranges.Select(r => $"{r.From}-{r.To} {RowRange.KindName(r.Kind)}").ShouldBe(["1-1 header", "2-3 line", "4-5 blank", "6-15 summary"]);

        const string cart = "Index,Quantity,Part Number,Manufacturer Part Number,Description,Customer Reference\n" +
            "1,2,296-1395-1-ND,LM358DR,IC OPAMP,U1\n2,10,311-1344-1-ND,CC0603KRX7R9BB104,CAP,C1\n,,,,Subtotal,12.40\n";
        var order = BomFiles.Text(cart);
        order.Lines.Count.ShouldBe(2);
        order.Lines.SelectMany(l => l.Sources).Select(s => s.Mpn).ShouldBe(["LM358DR", "CC0603KRX7R9BB104"]);
    }

    [Fact]
    public void A_generic_ref_column_full_of_part_numbers_yields_to_the_schematics_ref_column()
    {
        const string text = "Ref,Schematics Ref,Qty,Manufacturer\nLM358DR,U1,1,TI\nGRM155R71C104KA88D,C1 C2,2,Murata\nRC0603FR-0710KL,R1,1,Yageo\n";

        var bom = BomFiles.Text(text);

        bom.Info.Columns["refdes"].ShouldBe("Schematics Ref");
        bom.At("C2").Sources().ShouldBe([("Murata", "GRM155R71C104KA88D")]);
        bom.Diagnostics.ShouldContain(d => d.Column == "Ref" && d.Message.Contains("look like part numbers", StringComparison.Ordinal));
    }

    [Fact]
    public void Part_hash_is_the_part_number_when_no_column_is_named_for_the_maker_part_number()
    {
        var bom = BomFiles.Text("Designator,Qty,Manufacturer,Part #\nU1,1,TI,LM358DR\nC1,1,Murata,GRM155R71C104KA88D\n");

        bom.At("U1").Sources().ShouldBe([("TI", "LM358DR")]);
        bom.Info.Columns["mpn"].ShouldBe("Part #");
    }

    [Fact]
    public void Numbered_prefixed_and_repeated_alternate_columns_are_paired_by_their_own_number()
    {
        var altium = BomFiles.Text("Designator,Manufacturer 1,Manufacturer1 Part Number,Manufacturer 2,Manufacturer2 Part Number\nU1,TI,LM358DR,ST,LM358DT\n");
        altium.At("U1").Sources().ShouldBe([("TI", "LM358DR"), ("ST", "LM358DT")]);

        var prefixed = BomFiles.Text("Designator,Manufacturer,MPN,AManufacturer,AMPN\nU1,TI,LM358DR,onsemi,LM358DMR2G\n");
        prefixed.At("U1").Sources().ShouldBe([("TI", "LM358DR"), ("onsemi", "LM358DMR2G")]);

        var kitspace = BomFiles.Text("References,Manufacturer_1,MPN_1,Manufacturer_2,MPN_2,Manufacturer_3,MPN_3\nU1,TI,LM358DR,ST,LM358DT,onsemi,LM358DMR2G\n");
        kitspace.At("U1").Sources().ShouldBe([("TI", "LM358DR"), ("ST", "LM358DT"), ("onsemi", "LM358DMR2G")]);
        kitspace.At("U1").DistinctManufacturers.ShouldBe(3);

        var interleaved = BomFiles.Text("Designator,Manufacturer,Manufacturer 1,Manufacturer Part Number,Manufacturer Part Number 1\nU4,Texas Instruments,TI National Semiconductor,LPV511MGX/NOPB,LPV511MGX\n");
        interleaved.At("U4").Sources().ShouldBe([("Texas Instruments", "LPV511MGX/NOPB"), ("TI National Semiconductor", "LPV511MGX")]);
        interleaved.At("U4").DistinctManufacturers.ShouldBe(1);
    }

    [Fact]
    public void Alternatives_written_with_or_are_sources_each()
    {
        var bom = BomFiles.Text(
            "Designator,Manufacturer,MPN,Maker and part\n" +
            "U1,TI or ST,LM358DR or LM358DT,\n" +
            "U2,Texas Instruments,TLV75533PDBVR OR TLV75533PDBVT,\n" +
            "U3,,,Nexperia 74LVC1G07GV or TI SN74LVC1G07DCKR\n" +
            "U4,Any or equivalent,NE555,\n");

        bom.At("U1").Sources().ShouldBe([("TI", "LM358DR"), ("ST", "LM358DT")]);
        bom.At("U1").DistinctManufacturers.ShouldBe(2);
        bom.At("U2").Sources().ShouldBe([("Texas Instruments", "TLV75533PDBVR"), ("Texas Instruments", "TLV75533PDBVT")]);
        bom.At("U2").DistinctManufacturers.ShouldBe(1, "two part numbers of one maker are one maker");
        bom.At("U3").DistinctManufacturers.ShouldBe(2);
        bom.At("U4").DistinctManufacturers.ShouldBe(0, "'any' is no maker, and not split into one");
    }

    [Fact]
    public void A_comma_splits_a_part_number_cell_only_when_every_piece_is_a_part_number()
    {
        var bom = BomFiles.Text("Designator,Manufacturer,MPN\nJ1,JST,\"PH B3B-PH-K 1x3, pitch 2.0mm\"\nU1,TI,\"LM358DR, LM358DT\"\nD1,Nexperia,\"BAT54C,215\"\n");

        bom.At("J1").Sources.Count.ShouldBe(1);
        bom.At("U1").Sources().ShouldBe([("TI", "LM358DR"), ("TI", "LM358DT")]);
        bom.At("D1").Sources().ShouldBe([("Nexperia", "BAT54C,215")]);
        BomFiles.Text("Designator,Manufacturer,MPN\nJ1,JST,\"PH B3B-PH-K 1x3, pitch 2.0mm\"\n").Lines.Single().DistinctManufacturers.ShouldBe(1);
    }

    [Theory]
    [InlineData("References,Qty,Value,Manufacturer,MPN,LCSC\nR1,1,DNP,,,\nR2,1,10k,Yageo,RC0603FR-0710KL,dnp\nR3,1,10k,Yageo,RC0603FR-0710KL,C25804\n", new[] { true, true, false })]
    [InlineData("Ref,Manufacturer,MPN\nU1,DO NOT POPULATE,\nU2,TI,LM358DR\nU3,TI,N/C\n", new[] { true, false, true })]
    [InlineData("References,Qty,Config,MFN,MPN\nC1,1,dnf,,\nC2,1,,Murata,GRM155\nC3,1,-variantB DNF,,\n", new[] { true, false, true })]
    [InlineData("Ref,MPN,Fitted\nU1,A123,Not Fitted\nU2,A124,Fitted\n", new[] { true, false })]
    [InlineData("Ref,MPN,Description\nR1,RC0603,not fitted\nR2,RC0603,10k 1%\n", new[] { true, false })]
    [InlineData("References,Qty,Description\n\"C1, C3\",2,C N.C. 0805 M\nR1,1,R 10k 0603 M\nK1,1,Relay SPDT N.C. contact\n", new[] { true, false, false })]
    [InlineData("Reference,Qty,Value,DNP,Exclude from BOM\nR1,1,10k,,\nR2,1,10k,DNP,\nR3,1,10k,,Excluded from BOM\n", new[] { false, true, true })]
    public void Dnp_is_read_wherever_people_write_it(string text, bool[] expected)
    {
        BomFiles.Text(text).Lines.Select(l => l.Dnp).ShouldBe(expected);
    }

    [Fact]
    public void A_headerless_digikey_order_list_is_typed_by_content_and_said_so()
    {
        const string text = "1,296-1395-1-ND,LM358DR,IC OPAMP GP 2 CIRCUIT 8SOIC\n2,311-1344-1-ND,CC0603KRX7R9BB104,CAP CER 0.1UF 50V X7R 0603\n" +
            "4,P10.0KHCT-ND,ERJ-3EKF1002V,RES SMD 10K OHM 1% 1/10W 0603\n1,497-6063-1-ND,LD1117S33TR,IC REG LINEAR 3.3V 800MA SOT223\n";

        var bom = BomFiles.Text(text);

        bom.Info.HeaderRow.ShouldBeNull();
        bom.Lines.Count.ShouldBe(4);
        bom.Lines.Select(l => l.Quantity).ShouldBe([1m, 2m, 4m, 1m]);
        bom.Lines.Select(l => l.Sources.Single().Mpn).ShouldBe(["LM358DR", "CC0603KRX7R9BB104", "ERJ-3EKF1002V", "LD1117S33TR"]);
        bom.Diagnostics.ShouldContain(d => d.Message.StartsWith("the file has no header row: its columns were typed by their content (#1 quantity; #2 distributor part number (never a source); #3 manufacturer part number; #4 description)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_headerless_purchase_list_reads_with_map_by_column_number()
    {
        const string text = "LM358DR;TI;2\nGRM155R71C104KA88D;Murata;10\nRC0603FR-0710KL;Yageo;4\n";

        var typed = BomFiles.Text(text);
        typed.Lines.Select(l => l.Sources.Single().Manufacturer).ShouldBe(["TI", "Murata", "Yageo"]);

        var mapped = BomFiles.Text(text, options: new BomReadOptions { Map = [new("mpn", "#1"), new("manufacturer", "#2"), new("quantity", "#3")] });
        mapped.Lines.Select(l => (l.Sources.Single().Mpn, l.Quantity)).ShouldBe([("LM358DR", 2m), ("GRM155R71C104KA88D", 10m), ("RC0603FR-0710KL", 4m)]);
    }

    [Fact]
    public void A_row_with_more_cells_than_the_header_is_named()
    {
        var bom = BomFiles.Text("Ref,MPN\nU1,LM358DR\nU2,LM358DT,note that this part changed\n");

        bom.Diagnostics.ShouldContain(d => d.Row == 3 && d.Message == "row 3 has 3 cells, the header 2: the extra text 'note that this part changed' is not read.");
    }

    [Fact]
    public void A_row_with_fewer_cells_than_the_header_is_named_when_it_leaves_out_a_column_that_is_read()
    {
        var bom = BomFiles.Text("Ref,Manufacturer,MPN,Notes\nU1,TI,LM358DR,ok\nU2,TI\nU3,TI,LM358DT\n");

        bom.Diagnostics.ShouldContain(d => d.Row == 3 && d.Message == "row 3 has 2 cells, the header 4: its 'MPN' cell is missing and read as empty.");
        bom.Diagnostics.ShouldNotContain(d => d.Row == 4, "the Notes column it leaves out is not read");
    }

    [Fact]
    public void Every_row_is_accounted_for_once()
    {
        const string text = "Title of the board\n\nRef,Qty,MPN\nR1,1,RC0603\n\n## Connectors ##\nJ1,1,TSW-108\n,,\nRef,Qty,MPN\nU1,1,LM358DR\n";
        var document = BomReader.Open("a.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), new BomReadOptions());
        var lines = document.ReadLines().ToList();

        lines.Count.ShouldBe(3);
        document.Rows.Total.ShouldBe(10);
        document.Rows.Ranges.Select(r => $"{r.From}-{r.To} {RowRange.KindName(r.Kind)}")
            .ShouldBe(["1-1 preamble", "2-2 blank", "3-3 header", "4-4 line", "5-5 blank", "6-6 heading", "7-7 line", "8-8 blank", "9-9 repeated-header", "10-10 line"]);
        document.Rows.Summary().ShouldBe("rows read 10: 3 lines, 1 header, 1 preamble, 3 blank, 1 heading, 1 repeated header");
    }

    [Fact]
    public void Every_column_says_its_role_evidence_and_confidence()
    {
        var bom = BomFiles.Text("Designator,Qty,Manufacturer,MPN,Digikey\nU1,1,TI,LM358DR,296-1395-1-ND\nC1,2,Murata,GRM155R71C104KA88D,490-1532-1-ND\nR1,1,Yageo,RC0603FR-0710KL,311-10.0KHRCT-ND\n");

        bom.Info.ColumnRoles.Select(c => (c.Header, c.Field)).ShouldBe([("Designator", "refdes"), ("Qty", "quantity"), ("Manufacturer", "manufacturer"), ("MPN", "mpn"), ("Digikey", "distributor")]);
        var maker = bom.Info.ColumnRoles.Single(c => c.Header == "Manufacturer");
        maker.Evidence.ShouldBe("header 'Manufacturer'; 3 of 3 values are makers the catalogue recognises");
        maker.Confidence.ShouldBe(RoleConfidence.High);
        maker.DecidedBy.ShouldBe("header and content");
        maker.Samples.ShouldBe(["TI", "Murata", "Yageo"]);
    }

    [Fact]
    public void A_role_chosen_by_a_person_overrides_the_reader_and_ignore_drops_a_column()
    {
        const string text = "Ref,Vendor,Vendor PN,Notes\nU1,Texas Instruments,LM358DR,LM358DT\n";

        var bom = BomFiles.Text(text, options: new BomReadOptions { Map = [new("manufacturer", "Vendor"), new("mpn", "Vendor PN"), new("ignore", "Notes")], MapLabel = "your choice" });

        bom.At("U1").Sources().ShouldBe([("Texas Instruments", "LM358DR")]);
        bom.Info.ColumnRoles.Single(c => c.Header == "Vendor").DecidedBy.ShouldBe("your choice");
        bom.Info.ColumnRoles.Single(c => c.Header == "Notes").Field.ShouldBe("ignore");
    }
}
