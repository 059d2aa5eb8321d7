using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Tests.Boms;

public sealed class CriticalityPolicyTests
{
    private static BomLine Line(params string[] designators) => new() { Row = 2, Designators = designators };

    [Theory]
    [InlineData(new[] { "U1" }, true)]
    [InlineData(new[] { "R1", "R2" }, false)]
    [InlineData(new[] { "C5", "FB1", "TP3", "FID1", "H2", "MK1" }, false)]
    [InlineData(new[] { "R1", "U1" }, true)]
    [InlineData(new[] { "L1" }, true)]
    public void Designator_prefixes_decide_by_default(string[] designators, bool critical)
    {
        CriticalityPolicy.Default.Decide(Line(designators)).Critical.ShouldBe(critical);
    }

    [Fact]
    public void Dnp_generic_and_designator_less_lines_are_not_critical()
    {
        CriticalityPolicy.Default.Decide(Line("U1") with { Dnp = true }).Reason.ShouldBe("not populated (DNP)");
        CriticalityPolicy.Default.Decide(Line("U1") with { Generic = true }).Reason.ShouldBe("generic part: any qualified maker");
        CriticalityPolicy.Default.Decide(Line()).Critical.ShouldBeFalse();
    }

    [Fact]
    public void A_criticality_column_overrides_the_prefix()
    {
        CriticalityPolicy.Default.Decide(Line("R1") with { CriticalInFile = true }).Critical.ShouldBeTrue();
        CriticalityPolicy.Default.Decide(Line("U1") with { CriticalInFile = false }).Critical.ShouldBeFalse();
    }

    [Fact]
    public void A_policy_file_adds_removes_and_replaces_prefixes()
    {
        var policy = CriticalityPolicy.Parse(
            ["# team policy", "also-non-critical = L, D   # inductors and diodes are commodity here", "critical-prefixes = C", "lines-without-designators = critical"], "policy.txt");

        policy.Decide(Line("L1")).Critical.ShouldBeFalse();
        policy.Decide(Line("D1")).Critical.ShouldBeFalse();
        policy.Decide(Line("C1")).Critical.ShouldBeTrue();
        policy.Decide(Line()).Critical.ShouldBeTrue();
        CriticalityPolicy.Parse(["non-critical-prefixes = U"], "p").Decide(Line("R1")).Critical.ShouldBeTrue();
    }

    [Theory]
    [InlineData("colour = blue", "policy.txt, line 1: unknown key 'colour'")]
    [InlineData("just words", "policy.txt, line 1: expected 'key = value'")]
    [InlineData("lines-without-designators = maybe", "policy.txt, line 1: lines-without-designators is 'critical' or 'non-critical', not 'maybe'.")]
    public void A_bad_policy_line_is_refused_with_its_line(string line, string message)
    {
        Should.Throw<DomainException>(() => CriticalityPolicy.Parse([line], "policy.txt")).Message.ShouldStartWith(message);
    }
}
