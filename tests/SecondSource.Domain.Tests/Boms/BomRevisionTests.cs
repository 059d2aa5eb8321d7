using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Tests.Boms;

public sealed class BomRevisionTests
{
    private static readonly string Sha = new string('0', 63) + "f";
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly BomLine Regulator = new()
    {
        Row = 7,
        Designators = ["U3", "U4"],
        Quantity = 2,
        InternalPartNumber = "IPN-0042",
        Description = "LDO 3.3 V 500 mA",
        Value = "3V3",
        Footprint = "SOT-23-5",
        CriticalInFile = true,
        Sources = [new BomSource("Texas Instruments", "texas-instruments", "TLV75533PDBVR"), new BomSource("Diodes Inc", "diodes", "AP7354-33W5-7")],
    };

    private static readonly BomLine Fiducial = new() { Row = 8, Dnp = true, Generic = true, Description = "Fiducial" };

    [Fact]
    public void Stored_lines_give_back_the_lines_that_were_imported_in_their_order()
    {
        var revision = BomRevision.Import(Guid.NewGuid(), "Rev C", "board.csv", Sha, "csv", [Regulator, Fiducial], At, "engineer@example.com");

        revision.Lines.Select(l => l.Position).ShouldBe([0, 1]);
        revision.Lines.ShouldAllBe(l => l.RevisionId == revision.Id);
        var back = revision.Lines[0].ToBomLine();
        back.Designators.ShouldBe(Regulator.Designators);
        back.Sources.ShouldBe(Regulator.Sources);
        (back with { Designators = Regulator.Designators, Sources = Regulator.Sources }).ShouldBe(Regulator);
        var fiducial = revision.Lines[1].ToBomLine();
        fiducial.Designators.ShouldBeEmpty();
        (fiducial with { Designators = Fiducial.Designators, Sources = Fiducial.Sources }).ShouldBe(Fiducial);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEF")]
    [InlineData("000000000000000000000000000000000000000000000000000000000000000F")]
    [InlineData("../../../../etc/passwd")]
    public void A_hash_that_is_not_64_lower_case_hex_digits_is_refused(string sha)
    {
        Should.Throw<DomainException>(() => BomRevision.Import(Guid.NewGuid(), "Rev C", "board.csv", sha, "csv", [], At, "e"));
    }

    [Fact]
    public void A_revision_needs_a_label_and_a_utc_time()
    {
        Should.Throw<DomainException>(() => BomRevision.Import(Guid.NewGuid(), " ", "board.csv", Sha, "csv", [], At, "e")).Message.ShouldContain("Revision label");
        Should.Throw<DomainException>(() => BomRevision.Import(Guid.NewGuid(), "Rev C", "board.csv", Sha, "csv", [], new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(1)), "e"));
    }

    [Fact]
    public void An_import_is_a_draft_a_release_records_who_when_and_why_and_only_a_draft_may_be_deleted()
    {
        var revision = BomRevision.Import(Guid.NewGuid(), "Rev C", "board.csv", Sha, "csv", [Regulator], At, "engineer@example.com");
        revision.State.ShouldBe(BomRevisionState.Draft);
        revision.ReleasedAt.ShouldBeNull();
        Should.NotThrow(revision.EnsureDeletable);

        Should.Throw<DomainException>(() => revision.Release(At.AddHours(1), "engineer@example.com", " ")).Message.ShouldContain("Release note");
        Should.Throw<DomainException>(() => revision.Release(At.AddHours(-1), "engineer@example.com", "ECO-1")).Message.ShouldContain("before it was imported");
        revision.State.ShouldBe(BomRevisionState.Draft, "a refused release leaves the draft as it was");

        revision.Release(At.AddHours(2), "lead@example.com", "ECO-1: second LDO source");
        revision.State.ShouldBe(BomRevisionState.Released);
        revision.ReleasedAt.ShouldBe(At.AddHours(2));
        revision.ReleasedBy.ShouldBe("lead@example.com");
        revision.ReleaseNote.ShouldBe("ECO-1: second LDO source");
        Should.Throw<DomainException>(() => revision.Release(At.AddHours(3), "lead@example.com", "again")).Message.ShouldContain("already released");
        Should.Throw<DomainException>(revision.EnsureDeletable).Message.ShouldContain("superseded by releasing a later one");
    }
}
