using SecondSource.Domain.Boms;

namespace SecondSource.Domain.Tests.Boms;

public sealed class BomAuditorTests
{
    private static readonly ManufacturerCatalog Catalog = ManufacturerCatalog.CreateDefault();

    private static BomSource Source(string maker, string mpn) => new(maker, Catalog.Normalize(maker)?.Key, mpn);

    private static BomLine Line(int row, string designators, params BomSource[] sources) =>
        new() { Row = row, Designators = ReferenceDesignators.Parse(designators).Designators, Sources = sources };

    private static IEnumerable<string> Rules(AuditedLine audited) => audited.Findings.Select(f => f.Rule.Id);

    [Fact]
    public void A_critical_part_from_two_manufacturers_passes()
    {
        var audited = new BomAuditor(CriticalityPolicy.Default).Audit(Line(2, "U2", Source("TI", "SN74LVC1G07DCKR"), Source("Nexperia", "74LVC1G07GV,125")));

        audited.Criticality.Critical.ShouldBeTrue();
        audited.DistinctManufacturers.ShouldBe(2);
        audited.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void A_critical_part_from_one_manufacturer_is_an_error()
    {
        var audited = new BomAuditor(CriticalityPolicy.Default).Audit(Line(16, "U1", Source("Octavo Systems", "OSD3358-512M-BSM")));

        Rules(audited).ShouldBe(["single-source-critical"]);
        audited.Findings[0].Severity.ShouldBe(FindingSeverity.Error);
        audited.Findings[0].Message.ShouldBe("U1 is critical and single-sourced: only Octavo Systems OSD3358-512M-BSM.");
    }

    [Fact]
    public void Alternates_from_one_manufacturer_under_two_spellings_are_not_a_second_source()
    {
        var audited = new BomAuditor(CriticalityPolicy.Default).Audit(Line(5, "U3", Source("TI", "TPS73101DBVR"), Source("Texas Instruments Inc.", "TPS73101DBVT")));

        Rules(audited).ShouldBe(["single-manufacturer-alternates", "single-source-critical"], ignoreOrder: true);
    }

    [Fact]
    public void A_non_critical_single_source_is_information_only()
    {
        var audited = new BomAuditor(CriticalityPolicy.Default).Audit(Line(3, "R1", Source("Yageo", "RC0402FR-071KL")));

        Rules(audited).ShouldBe(["single-source"]);
        audited.Findings[0].Severity.ShouldBe(FindingSeverity.Info);
    }

    [Fact]
    public void Missing_part_numbers_and_manufacturers_are_warnings()
    {
        var auditor = new BomAuditor(CriticalityPolicy.Default);

        Rules(auditor.Audit(Line(2, "R15,R16"))).ShouldBe(["missing-mpn"]);
        Rules(auditor.Audit(Line(3, "C3", new BomSource("", null, "C0603C103K5RACTU")))).ShouldBe(["missing-manufacturer"]);
    }

    [Fact]
    public void A_generic_line_is_reported_as_generic_and_nothing_else()
    {
        var audited = new BomAuditor(CriticalityPolicy.Default).Audit(Line(7, "C1-C6") with { Generic = true });

        Rules(audited).ShouldBe(["generic-part"]);
    }

    [Fact]
    public void A_designator_on_two_lines_is_reported_on_the_second_with_the_first_row()
    {
        var auditor = new BomAuditor(CriticalityPolicy.Default);
        auditor.Audit(Line(3, "J2", Source("Molex", "47589-0001"), Source("Amphenol", "10118192-0002LF")));

        var second = auditor.Audit(Line(35, "J2", Source("Molex", "47589-0001"), Source("Amphenol", "10118192-0002LF")));

        Rules(second).ShouldBe(["duplicate-designator"]);
        second.Findings[0].Message.ShouldBe("J2 is also on row 3.");
    }

    [Fact]
    public void A_quantity_that_differs_from_the_designator_count_is_a_warning()
    {
        var audited = new BomAuditor(CriticalityPolicy.Default).Audit(Line(43, "C1-C4", Source("Murata", "GRM1"), Source("TDK", "C1005")) with { Quantity = 3 });

        Rules(audited).ShouldBe(["quantity-mismatch"]);
        audited.Findings[0].Message.ShouldBe("C1,C2,C3,C4: quantity 3 but 4 designators.");
    }

    [Fact]
    public void Dnp_lines_need_no_sources()
    {
        var audited = new BomAuditor(CriticalityPolicy.Default).Audit(Line(9, "U9") with { Dnp = true });

        audited.Findings.ShouldBeEmpty();
        audited.Criticality.Critical.ShouldBeFalse();
    }

    [Fact]
    public void The_summary_counts_lines_critical_lines_and_findings_per_rule()
    {
        var auditor = new BomAuditor(CriticalityPolicy.Default);
        auditor.Audit(Line(2, "U1", Source("TI", "A1")));
        auditor.Audit(Line(3, "U2", Source("TI", "A2"), Source("ST", "B2")));
        auditor.Audit(Line(4, "R1", Source("Yageo", "R")) with { Dnp = true });

        auditor.Summary.Lines.ShouldBe(3);
        auditor.Summary.PopulatedLines.ShouldBe(2);
        auditor.Summary.CriticalLines.ShouldBe(2);
        auditor.Summary.DualSourcedCriticalLines.ShouldBe(1);
        auditor.Summary.FindingsPerRule["single-source-critical"].ShouldBe(1);
        auditor.Summary.HasFindingsAtOrAbove(FindingSeverity.Error).ShouldBeTrue();
        auditor.Summary.HasFindingsAtOrAbove(FindingSeverity.Warning).ShouldBeTrue();
    }

    [Fact]
    public void Rule_ids_are_stable_and_unique()
    {
        BomAuditRules.All.Select(r => r.Id).ShouldBe(
            ["single-source-critical", "single-manufacturer-alternates", "single-source", "missing-mpn", "missing-manufacturer", "duplicate-designator", "quantity-mismatch", "generic-part",
             "alternate-unqualified", "alternate-not-accepted", "lifecycle-risk", "avl-mismatch", "unverified-manufacturer"]);
        BomAuditRules.All.Select(r => r.Index).ShouldBe(Enumerable.Range(0, BomAuditRules.All.Count));
    }
}

public sealed class DesignatorIndexTests
{
    [Theory]
    [InlineData("R1", "R", 1)]
    [InlineData("FID12", "FID", 12)]
    [InlineData("U0", "U", 0)]
    [InlineData("ABCDEFGH16777215", "ABCDEFGH", 16777215)]
    public void Usual_designators_split_into_prefix_and_number(string designator, string prefix, int number)
    {
        DesignatorIndex.TrySplit(designator, out var p, out var n).ShouldBeTrue();
        p.ToString().ShouldBe(prefix);
        n.ShouldBe(number);
    }

    [Theory]
    [InlineData("R01")]
    [InlineData("U10B")]
    [InlineData("TP_1")]
    [InlineData("R16777216")]
    [InlineData("POWER")]
    [InlineData("1R")]
    public void Other_designators_do_not_split(string designator)
    {
        DesignatorIndex.TrySplit(designator, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void First_rows_are_remembered_for_dense_sparse_and_unusual_designators()
    {
        var index = new DesignatorIndex();
        string[] designators = ["R1", "R2", "R5000", "R9000000", "U10B", "R01", "C1", "POWER"];
        for (var i = 0; i < designators.Length; i++)
        {
            index.FirstRow(designators[i], i + 2).ShouldBeNull();
        }

        for (var i = 0; i < designators.Length; i++)
        {
            index.FirstRow(designators[i], 99).ShouldBe(i + 2, designators[i]);
        }
    }

    [Fact]
    public void Duplicates_are_found_through_the_auditor()
    {
        var auditor = new BomAuditor(CriticalityPolicy.Default);
        auditor.Audit(new BomLine { Row = 2, Designators = ["R1", "U10B"], Dnp = true });

        var second = auditor.Audit(new BomLine { Row = 3, Designators = ["R1", "U10B", "R01"], Dnp = true });

        second.Findings.Select(f => f.Message).ShouldBe(["R1 is also on row 2.", "U10B is also on row 2."]);
    }
}
