using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;

namespace SecondSource.Domain.Tests.Avl;

public sealed class LibraryAuditTests
{
    private static readonly BuildLine Primary = new(Guid.NewGuid(), "Pearl River SMT-2");
    private static readonly BuildLine Second = new(Guid.NewGuid(), "Vistula SMT-1");

    private static readonly BomLine Regulator = new()
    {
        Row = 12,
        Designators = ["U3"],
        InternalPartNumber = "IC-3V3-LDO",
        Sources = [new BomSource("Diodes Inc", "diodes", "AP2112K-3.3TRG1"), new BomSource("TI", "texas instruments", "TLV75533PDBVR")],
    };

    private static KnownSource Source(string makerKey, string maker, string mpn, AvlStatus status, AcceptanceState? primary = AcceptanceState.Accepted, AcceptanceState? second = AcceptanceState.Accepted, Lifecycle? lifecycle = null)
    {
        var acceptance = new Dictionary<Guid, AcceptanceState>();
        if (primary is { } p)
        {
            acceptance[Primary.Id] = p;
        }

        if (second is { } s)
        {
            acceptance[Second.Id] = s;
        }

        return new KnownSource(Guid.NewGuid(), makerKey, maker, mpn, status, lifecycle, acceptance);
    }

    private static AuditedLine Audit(BomLine line, params KnownSource[] sources) =>
        Audit(line, [Primary, Second], sources);

    private static AuditedLine Audit(BomLine line, IReadOnlyList<BuildLine> lines, params KnownSource[] sources)
    {
        var library = new SourcingLibrary(lines, [new KnownPart(Guid.NewGuid(), "IC-3V3-LDO", null, sources)]);
        return new BomAuditor(CriticalityPolicy.Default, library).Audit(line);
    }

    private static IEnumerable<string> Rules(AuditedLine audited) => audited.Findings.Select(f => f.Rule.Id);

    [Fact]
    public void Two_manufacturers_qualified_and_accepted_on_both_lines_is_dual_sourced()
    {
        var audited = Audit(Regulator,
            Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified),
            Source("texas instruments", "Texas Instruments", "TLV75533PDBVR", AvlStatus.Qualified));

        audited.Findings.ShouldBeEmpty();
        audited.DistinctManufacturers.ShouldBe(2);
        audited.Sourcing.Select(s => s.UsableManufacturers).ShouldBe([2, 2]);
    }

    [Fact]
    public void A_refusal_on_the_second_line_leaves_it_single_sourced_and_names_the_line()
    {
        var audited = Audit(Regulator,
            Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified),
            Source("texas instruments", "Texas Instruments", "TLV75533PDBVR", AvlStatus.Qualified, second: AcceptanceState.Refused));

        Rules(audited).ShouldBe(["alternate-not-accepted", "single-source-critical"]);
        audited.Findings[0].Message.ShouldBe("U3: Texas Instruments TLV75533PDBVR is qualified but refused by Vistula SMT-1.");
        audited.Findings[0].Lines.ShouldBe(["Vistula SMT-1"]);
        audited.Findings[1].Message.ShouldBe("U3 is critical and not dual-sourced on Vistula SMT-1 (only Diodes Incorporated usable).");
        audited.Findings[1].Lines.ShouldBe(["Vistula SMT-1"]);
        audited.DistinctManufacturers.ShouldBe(1);
        audited.Sourcing.Single(s => s.Line == Primary).DualSourced.ShouldBeTrue();
    }

    [Fact]
    public void A_source_in_qualification_is_no_source_yet()
    {
        var audited = Audit(Regulator,
            Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified),
            Source("texas instruments", "Texas Instruments", "TLV75533PDBVR", AvlStatus.InQualification, null, null));

        Rules(audited).ShouldBe(["alternate-unqualified", "single-source-critical"]);
        audited.Findings[0].Message.ShouldBe("U3: Texas Instruments TLV75533PDBVR is in qualification, not yet a source.");
        audited.Findings[1].Lines.ShouldBe(["Pearl River SMT-2", "Vistula SMT-1"]);
    }

    [Fact]
    public void A_pending_acceptance_waits_on_that_line()
    {
        var audited = Audit(Regulator,
            Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified),
            Source("texas instruments", "Texas Instruments", "TLV75533PDBVR", AvlStatus.Qualified, second: null));

        audited.Findings[0].Message.ShouldBe("U3: Texas Instruments TLV75533PDBVR is qualified and awaits acceptance by Vistula SMT-1.");
    }

    [Fact]
    public void A_bom_source_the_avl_rejected_or_does_not_know_is_a_mismatch()
    {
        var audited = Audit(Regulator,
            Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Rejected),
            Source("microchip technology", "Microchip Technology", "MCP1700T-3302E/TT", AvlStatus.Qualified));

        var mismatches = audited.Findings.Where(f => f.Rule == BomAuditRules.AvlMismatch).Select(f => f.Message).ToList();
        mismatches.ShouldBe([
            "U3: the BOM lists Diodes Incorporated AP2112K-3.3TRG1, which the AVL has rejected.",
            "U3: the BOM lists TI TLV75533PDBVR, which the AVL does not know for this part.",
        ]);
        BomAuditRules.AvlMismatch.Severity.ShouldBe(FindingSeverity.Error);
    }

    [Fact]
    public void Part_numbers_match_without_case_or_spaces_but_not_across_manufacturers()
    {
        var line = Regulator with { Sources = [new BomSource("Diodes Inc", "diodes", "ap2112k-3.3trg1 ")] };
        Audit(line, Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified)).Findings
            .ShouldNotContain(f => f.Rule == BomAuditRules.AvlMismatch);

        var wrongMaker = Regulator with { Sources = [new BomSource("onsemi", "onsemi", "AP2112K-3.3TRG1")] };
        Audit(wrongMaker, Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified)).Findings
            .ShouldContain(f => f.Rule == BomAuditRules.AvlMismatch);
    }

    [Fact]
    public void End_of_life_and_nrnd_sources_are_a_lifecycle_risk_unless_retired()
    {
        var audited = Audit(Regulator,
            Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified, lifecycle: Lifecycle.Eol),
            Source("texas instruments", "Texas Instruments", "TLV75533PDBVR", AvlStatus.Qualified, lifecycle: Lifecycle.Nrnd),
            Source("microchip technology", "Microchip Technology", "MCP1700T-3302E/TT", AvlStatus.Retired, lifecycle: Lifecycle.Eol));

        audited.Findings.Where(f => f.Rule == BomAuditRules.LifecycleRisk).Select(f => f.Message).ShouldBe([
            "U3: Diodes Incorporated AP2112K-3.3TRG1 is at end of life.",
            "U3: Texas Instruments TLV75533PDBVR is not recommended for new designs.",
        ]);
    }

    [Fact]
    public void The_engineers_criticality_overrides_the_policy()
    {
        var library = new SourcingLibrary([Primary], [new KnownPart(Guid.NewGuid(), "IC-3V3-LDO", new Criticality(false, "Feeds the debug header only"),
            [Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified)])]);
        var audited = new BomAuditor(CriticalityPolicy.Default, library).Audit(Regulator with { Sources = [Regulator.Sources[0]] });

        audited.Criticality.ShouldBe(new Criticality(false, "Feeds the debug header only"));
        Rules(audited).ShouldBe(["single-source"]);
    }

    [Fact]
    public void Without_lines_the_qualified_manufacturers_count()
    {
        var audited = Audit(Regulator, [],
            Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified, null, null),
            Source("texas instruments", "Texas Instruments", "TLV75533PDBVR", AvlStatus.Proposed, null, null));

        Rules(audited).ShouldBe(["alternate-unqualified", "single-source-critical"]);
        audited.Findings[1].Message.ShouldBe("U3 is critical and has only Diodes Incorporated qualified; it needs two.");
    }

    [Fact]
    public void The_summary_counts_coverage_per_line()
    {
        var library = new SourcingLibrary([Primary, Second], [new KnownPart(Guid.NewGuid(), "IC-3V3-LDO", null, [
            Source("diodes", "Diodes Incorporated", "AP2112K-3.3TRG1", AvlStatus.Qualified),
            Source("texas instruments", "Texas Instruments", "TLV75533PDBVR", AvlStatus.Qualified, second: AcceptanceState.Pending)])]);
        var auditor = new BomAuditor(CriticalityPolicy.Default, library);
        auditor.Audit(Regulator);
        auditor.Audit(Regulator with { Row = 13, Designators = ["U4"] });

        auditor.Summary.CriticalLines.ShouldBe(2);
        auditor.Summary.DualSourcedCriticalLines.ShouldBe(0);
        auditor.Summary.DualSourcedCriticalLinesOn(Primary.Id).ShouldBe(2);
        auditor.Summary.DualSourcedCriticalLinesOn(Second.Id).ShouldBe(0);
    }

    [Fact]
    public void A_maker_written_under_a_recorded_alias_is_the_same_source()
    {
        var line = Regulator with { Sources = [new BomSource("TXN", "txn", "TLV75533PDBVR")] };
        var unknownName = Audit(line, Source("texas instruments", "Texas Instruments", "TLV75533PDBVR", AvlStatus.Qualified));
        var aliased = Audit(line, Source("texas instruments", "Texas Instruments", "TLV75533PDBVR", AvlStatus.Qualified) with { AliasKeys = ["txn"] });

        unknownName.Findings.ShouldContain(f => f.Rule == BomAuditRules.AvlMismatch);
        aliased.Findings.ShouldNotContain(f => f.Rule == BomAuditRules.AvlMismatch);
    }
}
