using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Testing;

namespace SecondSource.Formats.Tests.Boms;

/// <summary>
/// The real files in Samples/real-boms (written by others, see its README) read as a person reading them would:
/// what each contains, pinned, including its alternates.
/// </summary>
public sealed class RealBomTests
{
    [Fact]
    public void PocketBeagle_reads_in_cell_alternates_and_a_continuation_row()
    {
        var bom = BomFiles.File(Samples.RealBom("pocketbeagle_PocketBeagle_BOM.csv"));

        bom.Info.Columns["manufacturer-mpn"].ShouldBe("Manufacturer/MPN");
        bom.Lines.Count.ShouldBe(20);
        bom.At("X1").Sources().ShouldBe([("MTCONN", "UBAF-06082"), ("FCI", "10118192-0001LF")]);
        bom.At("X2").Sources().ShouldBe([("MTCONN", "MCTF-0403"), ("Suntech", "ST-TF-003A")]);
        bom.At("Y1").Sources().ShouldBe([("Interquip", "5XBB24000183TF50Q3"), ("CTS", "445A35A24M00000"), ("TXC", "7A-24.000MAAJ-T")]);
        bom.At("U2").Sources().ShouldBe([("Texas Instruments", "SN74LVC1G07DCKR"), ("Nexperia", "74LVC1G07GV,125")]);
        bom.At("U1").Sources().ShouldBe([("Octavo Systems", "OSD3358-512M-BSM")]);
        bom.Lines[0].Designators.ShouldBeEmpty();
        bom.Lines[0].Sources().ShouldBe([("PLACON", "GB1430A")]);
        bom.Diagnostics.ShouldContain(d => d.Row == 18 && d.Message.StartsWith("read as another source for row 17", StringComparison.Ordinal));
    }

    [Fact]
    public void PocketBeagle_audit_finds_exactly_the_single_source_critical_parts()
    {
        var bom = BomFiles.File(Samples.RealBom("pocketbeagle_PocketBeagle_BOM.csv"));
        var auditor = new BomAuditor(CriticalityPolicy.Default);

        var flagged = bom.Lines.Select(auditor.Audit)
            .Where(a => a.Findings.Any(f => f.Rule == BomAuditRules.SingleSourceCritical))
            .Select(a => string.Join(",", a.Line.Designators)).ToList();

        // X1 and X2 list a second maker (MTCONN, Suntech) that no catalogue knows: unverified, they count for nothing.
        flagged.ShouldBe(["D1,D2,D3,D4", "POWER", "U1", "USR0,USR1,USR2,USR3,PWR", "X1", "X2"]);
        auditor.Summary.DualSourcedCriticalLines.ShouldBe(2);
    }

    [Fact]
    public void BeagleBone_AI_reads_the_ems_bom_with_its_quirks()
    {
        var bom = BomFiles.File(Samples.RealBom("beaglebone-ai_BeagleBone-AI_bom.csv"));

        bom.Lines.Count.ShouldBe(107);
        bom.Info.Columns["internal-part-number"].ShouldBe("Embest P/N");
        bom.Info.Columns["mpn"].ShouldBe("Manufacture P/N");
        bom.Lines[0].Generic.ShouldBeTrue("the PCB line's manufacturer is 'AVL'");
        bom.Lines[0].InternalPartNumber.ShouldBe("1001001000780-02");
        bom.Lines.SelectMany(l => l.Sources).Select(s => s.Mpn).ShouldContain("BAT54C,215");
        bom.Lines.SelectMany(l => l.Sources).Select(s => s.Mpn).ShouldContain("PRTR5V0U2X,215");
        var ti = bom.Lines.SelectMany(l => l.Sources).Where(s => s.Manufacturer is "TI" or "Texas Instruments").Select(s => s.ManufacturerKey).Distinct();
        ti.ShouldHaveSingleItem();
        bom.Lines.Single(l => l.Row == 14).Description!.ShouldContain("\n", customMessage: "the quoted cell with a line break stays one cell");
        bom.Diagnostics.ShouldContain(d => d.Row == 40 && d.Message.Contains("PIN1与PIN2之间", StringComparison.Ordinal));
    }

    [Fact]
    public void BeagleV_Fire_is_read_as_gb18030_from_its_bytes_with_a_warning_and_as_gbk_when_named()
    {
        var guessed = BomFiles.File(Samples.RealBom("beaglev-fire_BeagleV-Fire_BOM_GBK.csv"));
        guessed.Info.Encoding.ShouldBe("gb18030");
        guessed.Diagnostics.ShouldContain(d => d.Severity == FindingSeverity.Warning
            && d.Message == "the file is not valid UTF-8 (the bytes at offset 1700 (0xA1 0xC0 0x31 0x25) are not a UTF-8 sequence); it is read as gb18030, decided from its bytes. Name its encoding with --encoding if the text reads wrong.");
        guessed.Lines.ShouldContain(l => l.Description != null && l.Description.Contains("M2铜柱", StringComparison.Ordinal));

        var bom = BomFiles.File(Samples.RealBom("beaglev-fire_BeagleV-Fire_BOM_GBK.csv"), new BomReadOptions { Encoding = "gbk" });

        bom.Info.Encoding.ShouldBe("gbk");
        bom.Info.Columns["quantity"].ShouldBe("Qty");
        bom.Lines.Count.ShouldBe(115);
        bom.Lines.ShouldContain(l => l.Description != null && l.Description.Contains("M2铜柱", StringComparison.Ordinal));
        bom.Lines.SelectMany(l => l.Sources).ShouldContain(s => s.Manufacturer == "Brightking" && s.Mpn == "SMBJ24CA");
        bom.Lines.Take(2).ShouldAllBe(l => l.Designators.Count == 0 && l.Sources.Count == 0);
    }

    [Fact]
    public void Glasgow_reads_the_kicad_grouped_bom()
    {
        var bom = BomFiles.File(Samples.RealBom("glasgow_revC3_bom.csv"));

        bom.Lines.Count.ShouldBe(57);
        bom.Lines.Count(l => l.Dnp).ShouldBe(4);
        bom.Lines.Count(l => l.Sources.All(s => s.Mpn.Length == 0)).ShouldBe(5);
        bom.At("C1").Designators.Count.ShouldBe(14);
        bom.At("C1").Quantity.ShouldBe(14);
        bom.Lines.SelectMany(l => l.Sources).Select(s => s.Mpn).ShouldContain("CAT24M01YI\u2212GT3");
        bom.Info.Columns["internal-part-number"].ShouldBe("1b2-bom-key");
    }

    [Fact]
    public void Tillitis_skips_the_preamble_ignores_distributors_and_marks_generic_passives()
    {
        var bom = BomFiles.File(Samples.RealBom("tillitis_tk1_bom.csv"));

        bom.Info.HeaderRow.ShouldBe(6);
        bom.Lines.Count.ShouldBe(20);
        bom.Info.Columns["ignored-distributor"].ShouldBe("Supplier, Supplier Part Number");
        bom.At("C1").Generic.ShouldBeTrue();
        bom.At("U6").Sources().ShouldBe([("Lattice", "ICE40UP5K-SG48ITR")]);
        bom.At("U3").Sources().ShouldBe([("WCH", "CH552E")]);
        bom.Lines.SelectMany(l => l.Sources).ShouldNotContain(s => s.Mpn.StartsWith("C13", StringComparison.Ordinal) || s.Mpn.EndsWith("-ND", StringComparison.Ordinal));
    }

    [Fact]
    public void TimeCard_xlsx_reads_altium_numbered_source_columns()
    {
        var bom = BomFiles.File(Samples.RealBom("timecard_TimeCardV9_BOM_8-28-2023.xlsx"));

        bom.Info.Format.ShouldBe(BomFileFormat.Xlsx);
        bom.Info.Sheet.ShouldBe("TimeCardV9_BOM_8-28-2023");
        bom.Info.Columns["manufacturer"].ShouldBe("Manufacturer 1");
        bom.Info.Columns["mpn"].ShouldBe("Manufacturer Part Number 1");
        bom.Lines.Count.ShouldBe(96);
        bom.Lines.Count(l => l.Dnp).ShouldBe(5);
        bom.Lines.Count(l => l.Sources.Count == 0).ShouldBe(10);
        bom.At("AN1").Sources().ShouldBe([("Adam Equipment", "RF2-49B-T-00-50-G-HDW")]);
        bom.Lines.Count(l => l.Sources.Any(s => s.Mpn == "04023C104KAT2A")).ShouldBe(2);
    }

    [Fact]
    public void The_digikey_cart_reads_designators_from_free_text_and_never_uses_the_sku()
    {
        var bom = BomFiles.File(Samples.RealBom("timecard_V0_BOM_digikey.csv"));

        bom.Info.Encoding.ShouldBe("utf-8-bom");
        bom.Info.Columns["refdes"].ShouldBe("Customer Reference");
        bom.Info.Columns["mpn"].ShouldBe("Manufacturer Part Number");
        bom.Lines.SelectMany(l => l.Sources).ShouldNotContain(s => s.Mpn.EndsWith("-ND", StringComparison.Ordinal));
        bom.Lines.Single(l => l.Row == 2).Designators.ShouldBe(["C3", "C4", "C67", "C76"]);
        bom.Lines.Single(l => l.Row == 7).Designators.ShouldBe(["R10", "R11", "R12", "R13", "R14", "R15", "R16", "R32", "R17", "R23", "R24"]);
        bom.Diagnostics.ShouldContain(d => d.Message == "'IC?' is not annotated (no number).");
        var auditor = new BomAuditor(CriticalityPolicy.Default);
        var duplicates = bom.Lines.Select(auditor.Audit).SelectMany(a => a.Findings).Where(f => f.Rule == BomAuditRules.DuplicateDesignator).Select(f => f.Message).ToList();
        duplicates.ShouldContain("J2 is also on row 3.");
        duplicates.ShouldContain("U5 is also on row 31.");
    }

    [Fact]
    public void IPC2581_test_case_10_has_seven_items_and_no_avl()
    {
        var bom = BomFiles.File(Samples.RealBom("ipc2581_testcase10-RevC-BOM.xml"));

        bom.Info.Format.ShouldBe(BomFileFormat.Ipc2581);
        bom.Lines.Count.ShouldBe(7);
        bom.Lines.Sum(l => l.Designators.Count).ShouldBe(56);
        bom.Lines.ShouldAllBe(l => l.Sources.Count == 0 && !l.Dnp);
        bom.Lines.Select(l => l.InternalPartNumber).ShouldContain("CAPACITORS_MASTER-10NF");
    }

    [Fact]
    public void IPC2581_from_kicad_falls_back_to_the_characteristics_when_the_avl_is_empty()
    {
        var bom = BomFiles.File(Samples.RealBom("ipc2581C_kicad9_DM0002.xml"));

        bom.Lines.Select(l => l.Row).Distinct().Count().ShouldBe(31);
        bom.Lines.Sum(l => l.Designators.Count).ShouldBe(59);
        bom.Lines.Where(l => l.Dnp).Sum(l => l.Designators.Count).ShouldBe(5);
        bom.Diagnostics.ShouldContain(d => d.Message.StartsWith("the AVL names no source for", StringComparison.Ordinal));
        bom.At("D7").Sources().ShouldBe([("Nexperia", "PESD5V0X1UB,135")]);
    }
}
