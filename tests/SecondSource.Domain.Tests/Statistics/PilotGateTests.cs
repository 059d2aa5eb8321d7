using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Statistics;
using SecondSource.Domain.TestData;

namespace SecondSource.Domain.Tests.Statistics;

public sealed class PilotGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static MeasurementComparison Verdict(string name, ComparisonVerdict verdict) =>
        new(name, "V", 0, 1, null, null, 0.1, "test", null, null, null, null, null, null, null, null, verdict, "test");

    private static DfmItem Item(string? measurement, DfmStatus status = DfmStatus.Open)
    {
        var item = DfmItem.Raise(Guid.NewGuid(), Guid.NewGuid(), PartyId.New(), DfmCategory.Stencil, "Aperture", "Stencil aperture smaller on line 2", null, measurement, "Vistula process engineering", Now, "engineer");
        if (status != DfmStatus.Open)
        {
            item.SetStatus(status, "stencil re-cut", null, Now.AddDays(1), "engineer");
        }

        return item;
    }

    private static readonly YieldComparison GoodYield = YieldComparison.Of(3600, 3528, 300, 298);

    [Fact]
    public void It_passes_when_every_criterion_is_met()
    {
        var gate = PilotGate.Evaluate(300, [("golden", [Verdict("A", ComparisonVerdict.Equivalent), Verdict("B", ComparisonVerdict.Different)], [])], GoodYield, [Item("B", DfmStatus.Accepted)]);

        gate.Passes.ShouldBeTrue(string.Join("; ", gate.Checks.Select(c => c.Detail)));
        gate.Checks.Single(c => c.Criterion.StartsWith("No measurement", StringComparison.Ordinal)).Detail.ShouldBe("1 different, each explained by a resolved or accepted DFM item");
        gate.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void An_open_item_an_unexplained_difference_a_missing_measurement_and_a_worse_yield_each_block_it()
    {
        var gate = PilotGate.Evaluate(40,
            [("golden samples", [Verdict("B", ComparisonVerdict.Different), Verdict("C", ComparisonVerdict.NotComparable)], ["D"])],
            YieldComparison.Of(3600, 3528, 300, 270), [Item("B")]);

        gate.Passes.ShouldBeFalse();
        gate.Checks.Where(c => !c.Met).Select(c => c.Criterion).ShouldBe([
            "Every reference measurement is tested on the pilot",
            "No measurement different without an accepted explanation",
            "First-pass yield non-inferior to the primary's",
            "No DFM item open"]);
        gate.Checks[1].Detail.ShouldBe("unexplained: B (different against golden samples); C (notcomparable against golden samples)");
        gate.Warnings.Single().ShouldContain("fewer than 100");
        Should.Throw<DomainException>(() => PilotGateDecision.Record(Guid.NewGuid(), Guid.NewGuid(), PartyId.New(), Guid.NewGuid(), gate, "go", Now, "buyer"))
            .Message.ShouldStartWith("The pilot gate does not pass: Every reference measurement");
    }

    [Fact]
    public void Dfm_items_need_a_reason_to_close_and_keep_their_history()
    {
        var item = Item("T_BOOT");
        Should.Throw<DomainException>(() => item.SetStatus(DfmStatus.Accepted, " ", null, Now, "engineer")).Message.ShouldContain("Why it is accepted");
        item.Explains("t_boot").ShouldBeFalse();

        item.SetStatus(DfmStatus.Accepted, "Boot ROM variant, harmless", "Aurora firmware", Now.AddHours(1), "engineer");
        item.Explains("t_boot").ShouldBeTrue();
        item.Owner.ShouldBe("Aurora firmware");
        item.SetStatus(DfmStatus.Open, null, null, Now.AddHours(2), "engineer");
        item.Resolution.ShouldBeNull();
        item.History.Select(h => h.To).ShouldBe([DfmStatus.Open, DfmStatus.Accepted, DfmStatus.Open]);
        Should.Throw<DomainException>(() => item.SetStatus(DfmStatus.Open, null, null, Now, "engineer")).Message.ShouldBe("The item is already Open.");
    }

    [Fact]
    public void Large_pilots_are_warned_about_too()
    {
        PilotGate.Evaluate(900, [("golden", [], [])], GoodYield, []).Warnings.Single().ShouldContain("more than 500");
        PilotGate.Evaluate(300, [], GoodYield, []).Passes.ShouldBeFalse();
    }
}
