using SecondSource.Domain.Boms;

namespace SecondSource.Domain.Tests.Boms;

/// <summary>The line-by-line comparison of two revisions: pairing by part number, MPN and designators, and what each change does to dual-sourcing.</summary>
public sealed class BomDiffTests
{
    private static DiffInput Line(int row, string designators, string? mpn, string? maker = null, decimal? qty = null, bool dnp = false, string? ipn = null, bool critical = true, bool dual = false,
        string? mpn2 = null, string? maker2 = null, string? value = null) => new(new BomLine
        {
            Row = row,
            Designators = designators.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Quantity = qty ?? designators.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
            Dnp = dnp,
            InternalPartNumber = ipn,
            Value = value,
            Sources = [.. new[] { (maker, mpn), (maker2, mpn2) }.Where(s => s.Item2 is not null).Select(s => new BomSource(s.Item1 ?? "", s.Item1?.ToLowerInvariant(), s.Item2!))],
        }, critical, dual);

    [Fact]
    public void Lines_pair_by_part_number_then_mpn_then_designators_and_each_difference_is_named()
    {
        List<DiffInput> before =
        [
            Line(2, "U1", "STM32F072CBU6", "STMicroelectronics"),
            Line(3, "C1 C2 C3", "GRM188R71H104KA93D", "Murata", critical: false, value: "100n"),
            Line(4, "R1 R2", null, dnp: true, critical: false),
            Line(5, "U2", "TPS73101DBVR", "Texas Instruments", mpn2: "AP7354-33W5-7", maker2: "Diodes", dual: true),
            Line(6, "J9", "47346-0001", "Molex", ipn: "CON-USB-01"),
            Line(7, "D9", "1N4148W", "onsemi", critical: false),
        ];
        List<DiffInput> after =
        [
            Line(2, "U1", "STM32F072CBU6", "STMicroelectronics"),                                  // unchanged
            Line(3, "C1 C2 C3 C4", "GRM188R71H104KA93D", "Murata", critical: false, value: "100n"), // C4 added
            Line(4, "R1 R2", "RC0402FR-0710KL", "Yageo", critical: false),                          // placed now (designators)
            Line(5, "U2", "TPS73101DBVR", "Texas Instruments"),                                   // loses its second source
            Line(6, "J9", "TYPE-C-31-M-12", "Korean Hroparts", ipn: "CON-USB-01"),               // same IPN, new part
            Line(8, "Y1", "JF4024M00009T8188070", "JWT"),                                           // added
        ];

        var c = BomDiff.Compare(before, after);

        c.Unchanged.ShouldBe(1);
        c.Added.ShouldBe(1);
        c.Removed.ShouldBe(1);
        c.Changed.ShouldBe(4);
        c.Changes.Single(x => x.Kind == LineChangeKind.Added).Name.ShouldBe("Y1");
        c.Changes.Single(x => x.Kind == LineChangeKind.Added).Consequence.ShouldBe("new critical line with a single source");
        c.Changes.Single(x => x.Kind == LineChangeKind.Removed).Name.ShouldBe("D9");

        var caps = c.Changes.Single(x => x.Name == "C1, C2, C3, C4");
        caps.Changes.ShouldBe(["quantity 3 → 4", "designators added C4"]);

        c.Changes.Single(x => x.Name == "R1, R2").Changes.ShouldContain("now placed (was DNP)");
        var ldo = c.Changes.Single(x => x.Name == "U2");
        ldo.SourcesRemoved.ShouldHaveSingleItem().Mpn.ShouldBe("AP7354-33W5-7");
        ldo.Consequence.ShouldBe("loses its second source");
        ldo.Worsens.ShouldBeTrue();
        var usb = c.Changes.Single(x => x.Name == "J9");
        usb.SourcesAdded.ShouldHaveSingleItem().Mpn.ShouldBe("TYPE-C-31-M-12");
        usb.SourcesRemoved.ShouldHaveSingleItem().Mpn.ShouldBe("47346-0001");

        (c.CriticalBefore, c.DualSourcedBefore, c.CriticalAfter, c.DualSourcedAfter).ShouldBe((3, 1, 4, 0));
    }

    [Fact]
    public void An_mpn_written_with_other_case_spaces_or_dashes_is_the_same_source()
    {
        var c = BomDiff.Compare([Line(2, "U5", "LM3880MFX-1AF/NOPB", "Texas Instruments")], [Line(2, "U5", "lm3880mfx 1af/nopb", "Texas Instruments")]);
        c.Unchanged.ShouldBe(1);
        c.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Designators_read_in_natural_order()
    {
        BomDiff.Designators(["C10", "C2", "R1", "C1"]).ShouldBe("C1, C2, C10, R1");
    }
}
