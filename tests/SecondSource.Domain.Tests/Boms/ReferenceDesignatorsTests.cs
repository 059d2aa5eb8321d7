using SecondSource.Domain.Boms;

namespace SecondSource.Domain.Tests.Boms;

public sealed class ReferenceDesignatorsTests
{
    [Theory]
    [InlineData("R1,R2,R3", new[] { "R1", "R2", "R3" })]
    [InlineData("C1 C14 C19 ", new[] { "C1", "C14", "C19" })]
    [InlineData("C3, C4; c67", new[] { "C3", "C4", "C67" })]
    [InlineData("R1-R4", new[] { "R1", "R2", "R3", "R4" })]
    [InlineData("R1-4", new[] { "R1", "R2", "R3", "R4" })]
    [InlineData("BTN0-6", new[] { "BTN0", "BTN1", "BTN2", "BTN3", "BTN4", "BTN5", "BTN6" })]
    [InlineData("C103-C105,C109", new[] { "C103", "C104", "C105", "C109" })]
    [InlineData("C[2,9,10-12]", new[] { "C2", "C9", "C10", "C11", "C12" })]
    [InlineData("R[10-12, R32, R17", new[] { "R10", "R11", "R12", "R32", "R17" })]
    [InlineData("POWER", new[] { "POWER" })]
    [InlineData("U10B", new[] { "U10B" })]
    public void Lists_ranges_and_brackets_become_normalised_designators(string text, string[] expected)
    {
        var parsed = ReferenceDesignators.Parse(text);

        parsed.Designators.ShouldBe(expected);
        parsed.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_designator_listed_twice_is_kept_once_and_reported()
    {
        var parsed = ReferenceDesignators.Parse("R1, R2, R1");

        parsed.Designators.ShouldBe(["R1", "R2"]);
        parsed.Problems.ShouldBe(["R1 is listed twice"]);
    }

    [Fact]
    public void A_remark_in_brackets_is_ignored_and_reported()
    {
        var parsed = ReferenceDesignators.Parse("R700,J92（ PIN1与PIN2之间）");

        parsed.Designators.ShouldBe(["R700", "J92"]);
        parsed.Problems.Single().ShouldContain("PIN1与PIN2之间");
    }

    [Theory]
    [InlineData("IC?", "'IC?' is not annotated (no number)")]
    [InlineData("R5-R1", "the range 'R5-R1' runs backwards")]
    [InlineData("R1-R99999", "the range 'R1-R99999' spans more than 10000 designators")]
    [InlineData("#12", "'#12' is not a reference designator")]
    public void What_cannot_be_read_is_reported_never_dropped_silently(string text, string problem)
    {
        ReferenceDesignators.Parse(text).Problems.ShouldBe([problem]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_cell_has_no_designators(string? text)
    {
        var parsed = ReferenceDesignators.Parse(text);

        parsed.Designators.ShouldBeEmpty();
        parsed.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("U12", "U")]
    [InlineData("FID3", "FID")]
    [InlineData("POWER", "POWER")]
    [InlineData("TP_1", "TP")]
    public void The_prefix_is_the_leading_letters(string designator, string prefix)
    {
        ReferenceDesignators.Prefix(designator).ShouldBe(prefix);
    }
}
