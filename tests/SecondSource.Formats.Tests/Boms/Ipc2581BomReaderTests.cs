using System.Text;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Formats.Tests.Boms;

public sealed class Ipc2581BomReaderTests
{
    private const string DualSourced = """
        <?xml version="1.0" encoding="UTF-8"?>
        <IPC-2581 revision="C" xmlns="http://webstds.ipc.org/2581">
          <Content roleRef="Owner"><FunctionMode mode="BOM"/><BomRef name="BOM_board"/><AvlRef name="AVL_board"/></Content>
          <LogisticHeader>
            <Enterprise id="MFR_MURATA" name="Murata" code="NONE"/>
            <Enterprise id="MFR_YAGEO" name="Yageo" code="NONE"/>
            <Enterprise id="MFR_TI" name="Texas Instruments" code="NONE"/>
            <Enterprise id="VENDOR_2" name="LCSC" code="NONE"/>
          </LogisticHeader>
          <Bom name="BOM_board">
            <BomHeader assembly="board" revision="A"/>
            <BomItem OEMDesignNumberRef="CAP-100N-0402" quantity="2" category="ELECTRICAL" description="CAP CER 100nF 16V X7R 0402">
              <RefDes name="C1" populate="true" layerRef="TOP"/>
              <RefDes name="C2" populate="false" layerRef="TOP"/>
              <Characteristics category="ELECTRICAL"><Textual definitionSource="KICAD" textualCharacteristicName="Value" textualCharacteristicValue="100n"/></Characteristics>
            </BomItem>
            <BomItem OEMDesignNumberRef="IC-LDO-3V3" quantity="1" category="ELECTRICAL">
              <RefDes name="U1" populate="true" layerRef="TOP"/>
              <Characteristics category="ELECTRICAL"/>
            </BomItem>
            <BomItem OEMDesignNumberRef="IC-MCU" quantity="1" category="ELECTRICAL">
              <RefDes name="U2" populate="true" layerRef="TOP"/>
              <Characteristics category="ELECTRICAL"/>
            </BomItem>
          </Bom>
          <Ecad name="Design"><CadHeader units="MILLIMETER"/><CadData><Step name="board"><Datum x="0" y="0"/></Step></CadData></Ecad>
          <Avl name="AVL_board">
            <AvlHeader title="AVL" source="example" author="engineer" datetime="2025-01-01T00:00:00" version="1"/>
            <AvlItem OEMDesignNumber="CAP-100N-0402">
              <AvlVmpn qualified="true" chosen="false"><AvlMpn name="CC0402KRX7R7BB104" rank="2"/><AvlVendor enterpriseRef="MFR_YAGEO"/></AvlVmpn>
              <AvlVmpn qualified="true" chosen="true"><AvlMpn name="GRM155R71C104KA88D" rank="1"/><AvlVendor enterpriseRef="MFR_MURATA"/></AvlVmpn>
            </AvlItem>
            <AvlItem OEMDesignNumber="IC-LDO-3V3">
              <AvlVmpn qualified="false" chosen="false"><AvlMpn name="TLV75533PDBVR"/><AvlVendor enterpriseRef="MFR_TI"/></AvlVmpn>
              <AvlVmpn qualified="false" chosen="false"><AvlMpn name="C2861882"/><AvlVendor enterpriseRef="VENDOR_2"/></AvlVmpn>
            </AvlItem>
            <AvlItem OEMDesignNumber="UNUSED-PART"/>
          </Avl>
        </IPC-2581>
        """;

    [Fact]
    public void Sources_come_from_the_avl_chosen_first_and_a_distributor_is_never_one()
    {
        var bom = BomFiles.Text(DualSourced, "board.xml");

        bom.At("C1").Sources().ShouldBe([("Murata", "GRM155R71C104KA88D"), ("Yageo", "CC0402KRX7R7BB104")]);
        bom.At("C1").Value.ShouldBe("100n");
        bom.Diagnostics.ShouldContain(d => d.Message == "IC-LDO-3V3: LCSC C2861882 is a distributor's part number, not a source.");

        // The file marks sources qualified="true", so its qualified="false" ones are listed but are not sources.
        bom.At("U1").Sources().ShouldBeEmpty();
        bom.Diagnostics.ShouldContain(d => d.Message == "IC-LDO-3V3: Texas Instruments TLV75533PDBVR is marked qualified=\"false\": listed in the AVL but not a source.");
    }

    [Fact]
    public void A_file_that_marks_no_source_qualified_keeps_every_source_of_its_avl()
    {
        // KiCad writes qualified="false" on every AvlVmpn: the flag then carries no meaning.
        var bom = BomFiles.Text(DualSourced.Replace("qualified=\"true\"", "qualified=\"false\"", StringComparison.Ordinal), "board.xml");

        bom.At("U1").Sources().ShouldBe([("Texas Instruments", "TLV75533PDBVR")]);
        bom.At("C1").Sources().Count.ShouldBe(2);
    }

    [Fact]
    public void Unpopulated_designators_become_their_own_dnp_line()
    {
        var bom = BomFiles.Text(DualSourced, "board.xml");

        bom.At("C1").Dnp.ShouldBeFalse();
        bom.At("C2").Dnp.ShouldBeTrue();
        bom.At("C2").Row.ShouldBe(bom.At("C1").Row);
    }

    [Fact]
    public void Orphans_both_ways_are_reported()
    {
        var bom = BomFiles.Text(DualSourced, "board.xml");

        bom.Diagnostics.ShouldContain(d => d.Severity == FindingSeverity.Warning && d.Message == "BomItem 'IC-MCU' has no AvlItem with that OEMDesignNumber.");
        bom.Diagnostics.ShouldContain(d => d.Message == "AvlItem 'UNUSED-PART' is not used by any BomItem.");
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE IPC-2581 [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><IPC-2581 revision="C"><Bom><BomItem OEMDesignNumberRef="&xxe;"/></Bom></IPC-2581>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><IPC-2581 revision="C"><Bom><BomItem OEMDesignNumberRef="&lol3;"/></Bom></IPC-2581>""")]
    public void Dtds_external_entities_and_entity_bombs_are_refused(string xml)
    {
        Should.Throw<BomFileException>(() => BomFiles.Text(xml, "evil.xml")).Message.ShouldContain("DTDs are refused");
    }

    [Fact]
    public void Absurd_nesting_is_refused_by_the_depth_limit()
    {
        var xml = "<IPC-2581 revision=\"C\">" + string.Concat(Enumerable.Repeat("<x>", 5000)) + string.Concat(Enumerable.Repeat("</x>", 5000)) + "</IPC-2581>";

        Should.Throw<BomFileException>(() => BomFiles.Text(xml, "deep.xml")).Message.ShouldContain("nested deeper than 128 elements");
    }

    [Fact]
    public void Xml_that_is_not_ipc2581_or_has_no_bom_is_refused()
    {
        Should.Throw<BomFileException>(() => BomFiles.Text("<svg/>", "a.xml")).Message.ShouldBe("a.xml, row 1: the XML root element is 'svg', not 'IPC-2581': not an IPC-2581 file.");
        Should.Throw<BomFileException>(() => BomFiles.Text("<IPC-2581 revision=\"C\"/>", "b.xml")).Message.ShouldContain("no Bom section");
        Should.Throw<BomFileException>(() => BomFiles.Text("<IPC-2581 revision=\"C\"><Bom>", "c.xml")).Message.ShouldStartWith("c.xml, row 1: the XML is malformed");
    }

    [Fact]
    public void The_join_works_for_a_file_with_a_byte_order_mark_and_crlf()
    {
        var bom = BomFiles.Text(DualSourced.Replace("\n", "\r\n", StringComparison.Ordinal), "board.xml", byteOrderMark: true);

        bom.Lines.Count.ShouldBe(4);
        Encoding.UTF8.GetPreamble().Length.ShouldBe(3);
    }
}
