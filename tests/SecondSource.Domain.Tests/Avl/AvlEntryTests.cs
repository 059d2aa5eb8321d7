using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Tests.Avl;

public sealed class AvlEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static AvlEntry Entry() => AvlEntry.Propose(Guid.NewGuid(), Guid.NewGuid(), " AP2112K-3.3TRG1 ", new AvlEntryDetails(2), At, "engineer@buyer");

    private static QualificationInput Pass(QualificationAspect aspect) => new(aspect, QualificationVerdict.Pass, QualificationMethod.BenchTest, "QR-0042", null);

    [Fact]
    public void A_proposed_entry_becomes_qualified_only_when_both_aspects_pass()
    {
        var entry = Entry();
        entry.Status.ShouldBe(AvlStatus.Proposed);
        entry.MpnKey.ShouldBe("AP2112K-3.3TRG1");

        entry.RecordQualification(Pass(QualificationAspect.Electrical), false, At, "eng").ShouldBe((AvlStatus.Proposed, AvlStatus.InQualification));
        entry.RecordQualification(Pass(QualificationAspect.Reliability), false, At.AddDays(1), "eng").ShouldBe((AvlStatus.InQualification, AvlStatus.Qualified));
    }

    [Fact]
    public void A_later_failure_takes_a_qualified_entry_back_to_qualification()
    {
        var entry = Entry();
        entry.RecordQualification(Pass(QualificationAspect.Electrical), false, At, "eng");
        entry.RecordQualification(Pass(QualificationAspect.Reliability), false, At, "eng");

        var failed = new QualificationInput(QualificationAspect.Reliability, QualificationVerdict.Fail, QualificationMethod.JedecReport, "HTOL-7", "3 of 77 failed HTOL at 1000 h");
        entry.RecordQualification(failed, false, At.AddDays(2), "eng").ShouldBe((AvlStatus.Qualified, AvlStatus.InQualification));
        entry.Latest(QualificationAspect.Reliability)!.Verdict.ShouldBe(QualificationVerdict.Fail);
        entry.Qualifications.Count.ShouldBe(3);
    }

    [Fact]
    public void Only_an_administrator_waives_and_only_with_a_justification()
    {
        var entry = Entry();
        var waiver = new QualificationInput(QualificationAspect.Reliability, QualificationVerdict.Waived, QualificationMethod.SupplierData, null, "Same die as the qualified TI part; supplier data on file");

        Should.Throw<DomainException>(() => entry.RecordQualification(waiver, false, At, "eng")).Message.ShouldContain("administrator");
        Should.Throw<DomainException>(() => entry.RecordQualification(waiver with { Justification = " " }, true, At, "admin")).Message.ShouldContain("justification");

        entry.RecordQualification(Pass(QualificationAspect.Electrical), false, At, "eng");
        entry.RecordQualification(waiver, true, At, "admin").After.ShouldBe(AvlStatus.Qualified);
    }

    [Fact]
    public void A_pass_needs_evidence_and_a_failure_its_note()
    {
        var entry = Entry();
        Should.Throw<DomainException>(() => entry.RecordQualification(Pass(QualificationAspect.Electrical) with { Evidence = null }, false, At, "eng")).Message.ShouldContain("evidence");
        Should.Throw<DomainException>(() => entry.RecordQualification(new(QualificationAspect.Electrical, QualificationVerdict.Fail, QualificationMethod.BenchTest, "x", null), false, At, "eng"))
            .Message.ShouldContain("what failed");
        entry.Qualifications.ShouldBeEmpty();
        entry.Status.ShouldBe(AvlStatus.Proposed);
    }

    [Fact]
    public void A_rejected_entry_takes_no_qualification_until_reopened_and_its_old_records_no_longer_count()
    {
        var entry = Entry();
        entry.RecordQualification(Pass(QualificationAspect.Electrical), false, At, "eng");
        entry.RecordQualification(Pass(QualificationAspect.Reliability), false, At, "eng");
        entry.Reject("Second supplier of the die withdrew").ShouldBe((AvlStatus.Qualified, AvlStatus.Rejected));

        Should.Throw<DomainException>(() => entry.RecordQualification(Pass(QualificationAspect.Electrical), false, At, "eng")).Message.ShouldContain("Rejected");
        Should.Throw<DomainException>(() => entry.Reject("again")).Message.ShouldContain("already Rejected");

        entry.Reopen("Supplier back").ShouldBe((AvlStatus.Rejected, AvlStatus.Proposed));
        entry.RecordQualification(Pass(QualificationAspect.Electrical), false, At.AddDays(5), "eng").After.ShouldBe(AvlStatus.InQualification);
    }

    [Fact]
    public void Details_are_validated_and_changes_listed()
    {
        var entry = Entry();
        Should.Throw<DomainException>(() => entry.Update(new AvlEntryDetails(0))).Message.ShouldContain("Rank");
        Should.Throw<DomainException>(() => entry.Update(new AvlEntryDetails(1, LeadTimeWeeks: -1))).Message.ShouldContain("Lead time");

        var changes = entry.Update(new AvlEntryDetails(1, Lifecycle.Nrnd, 16, LeadTimeInternal: true));
        changes.Select(c => c.Field).ShouldBe(["rank", "lifecycle", "lead time", "lead time internal"]);
        changes[0].ShouldBe(("rank", "2", "1"));
    }

    [Fact]
    public void A_line_accepts_with_evidence_and_refuses_with_a_reason()
    {
        var acceptance = LineAcceptanceFor(new PartyId(Guid.NewGuid()));
        acceptance.State.ShouldBe(AcceptanceState.Pending);
        Should.Throw<DomainException>(() => acceptance.Record(AcceptanceState.Accepted, " ", At, "cm")).Message.ShouldContain("evidence");
        Should.Throw<DomainException>(() => acceptance.Record(AcceptanceState.Refused, null, At, "cm")).Message.ShouldContain("reason");

        acceptance.Record(AcceptanceState.Accepted, "FAI-2026-118 passed; feeder setup updated", At, "cm").ShouldBe((AcceptanceState.Pending, AcceptanceState.Accepted));
        acceptance.Evidence.ShouldBe("FAI-2026-118 passed; feeder setup updated");
    }

    [Fact]
    public void A_part_is_known_by_its_internal_number_else_its_first_part_number()
    {
        Part.NumberOf(new BomLine { Row = 1, InternalPartNumber = " ic-0042  rev a ", Sources = [new BomSource("TI", "ti", "LM1117")] }).ShouldBe("IC-0042 REV A");
        Part.NumberOf(new BomLine { Row = 1, Sources = [new BomSource("", null, ""), new BomSource("TI", "ti", "lm1117mpx-3.3")] }).ShouldBe("LM1117MPX-3.3");
        Part.NumberOf(new BomLine { Row = 1 }).ShouldBeNull();
        Should.Throw<DomainException>(() => Part.FromBomLine(new BomLine { Row = 7 })).Message.ShouldContain("Row 7");
    }

    [Fact]
    public void Criticality_is_set_with_a_reason_or_left_to_the_policy()
    {
        var part = Part.FromBomLine(new BomLine { Row = 1, InternalPartNumber = "IC-1" });
        part.Criticality.ShouldBeNull();
        Should.Throw<DomainException>(() => part.SetCriticality(true, ""));
        part.SetCriticality(true, "Sole 3V3 regulator").ShouldBe(("by policy", "critical: Sole 3V3 regulator"));
        part.Criticality.ShouldBe(new Criticality(true, "Sole 3V3 regulator"));
        part.SetCriticality(null, null).After.ShouldBe("by policy");
    }

    [Fact]
    public void Aliases_are_kept_once_and_never_the_makers_own_key()
    {
        var maker = ComponentManufacturer.Create(new ManufacturerName("shenzhen fuman", "Shenzhen Fuman Electronics"));
        maker.AddAlias("Fuman", "fuman").ShouldBeTrue();
        maker.AddAlias("FUMAN", "fuman").ShouldBeFalse();
        maker.AddAlias("Shenzhen Fuman", "shenzhen fuman").ShouldBeFalse();
        maker.Aliases.Single().ShouldSatisfyAllConditions(a => a.Key.ShouldBe("fuman"), a => a.Text.ShouldBe("Fuman"));
        Should.Throw<DomainException>(() => maker.AddAlias("--", " "));
    }

    private static LineAcceptance LineAcceptanceFor(PartyId party)
    {
        var site = Site.Create(party, "Gdańsk", "ul. Elektryków 1", CountryCode.Parse("PL"), null);
        var line = ManufacturingLine.Create(site, "SMT-1",
            new LineCapabilities(PassiveSize.Size0201, 0.4m, new BoardSize(400, 300), 16, TestTypes.Aoi, Processes.DoubleSidedReflow), new LineCapacity(100, 0), []);
        return LineAcceptance.For(Guid.NewGuid(), line);
    }
}
