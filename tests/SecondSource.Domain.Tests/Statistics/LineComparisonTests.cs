using SecondSource.Domain.Statistics;
using SecondSource.Domain.TestData;

namespace SecondSource.Domain.Tests.Statistics;

public sealed class LineComparisonTests
{
    private static readonly ComparisonPolicy Policy = new();

    private static MeasurementPartition Part(string name, double[] values, double? low = 0, double? high = 10, string unit = "V")
    {
        var sketch = new KllSketch(seed: 3);
        foreach (var v in values)
        {
            sketch.Add(v);
        }

        return new MeasurementPartition(name, unit, low, high, MomentAggregate.Of(values), sketch);
    }

    private static double[] Draw(Random random, int n, double mean, double sd) =>
        [.. Enumerable.Range(0, n).Select(_ => mean + sd * ReferenceValueTests.Normal(random))];

    [Fact]
    public void The_published_example_is_equivalent_with_a_margin_of_0_6()
    {
        // Limits 1..7 give a window of 6, so the default 10 % margin is the example's Δ = 0.6 (research note §7.2).
        var result = LineComparison.Compare([Part("X", ReferenceValueTests.XA, 1, 7)], [Part("X", ReferenceValueTests.XB, 1, 7)], Policy).Single();

        result.Verdict.ShouldBe(ComparisonVerdict.Equivalent);
        result.Margin!.Value.ShouldBe(0.6, 1e-12);
        result.TostP!.Value.ShouldBe(0.04853083976236974, 1e-12);
        result.ConfidenceLow!.Value.ShouldBe(-0.2666862980722534, 1e-12);
        result.WelchP!.Value.ShouldBe(0.520957300271085, 1e-12);
    }

    [Fact]
    public void Merged_batches_give_the_same_verdicts_as_the_raw_values()
    {
        var random = new Random(11);
        var rawA = new Dictionary<string, double[]> { ["V1"] = Draw(random, 900, 5, 0.2), ["V2"] = Draw(random, 900, 5, 0.2), ["V3"] = Draw(random, 900, 5, 0.2) };
        var rawB = new Dictionary<string, double[]> { ["V1"] = Draw(random, 300, 5.01, 0.2), ["V2"] = Draw(random, 300, 5.5, 0.2), ["V3"] = Draw(random, 12, 5.1, 0.5) };

        // Limits 4..6: the margin is 0.2.
        var whole = LineComparison.Compare(rawA.Select(kv => Part(kv.Key, kv.Value, 4, 6)), rawB.Select(kv => Part(kv.Key, kv.Value, 4, 6)), Policy);
        var batched = LineComparison.Compare(
            rawA.SelectMany(kv => kv.Value.Chunk(300).Select(c => Part(kv.Key, c, 4, 6))),
            rawB.SelectMany(kv => kv.Value.Chunk(100).Select(c => Part(kv.Key, c, 4, 6))), Policy);

        batched.Select(c => c.Verdict).ShouldBe(whole.Select(c => c.Verdict));
        batched.Select(c => c.Verdict).ShouldBe([ComparisonVerdict.Equivalent, ComparisonVerdict.Different, ComparisonVerdict.Inconclusive]);
        for (var i = 0; i < whole.Count; i++)
        {
            batched[i].TostP!.Value.ShouldBe(whole[i].TostP!.Value, 1e-10);
            batched[i].AdjustedP!.Value.ShouldBe(whole[i].AdjustedP!.Value, 1e-10);
            batched[i].ConfidenceHigh!.Value.ShouldBe(whole[i].ConfidenceHigh!.Value, 1e-10);
        }
    }

    [Fact]
    public void A_significant_difference_smaller_than_the_margin_is_equivalent()
    {
        var random = new Random(5);
        var a = Draw(random, 20_000, 5.00, 0.1);
        var b = Draw(random, 20_000, 5.02, 0.1);

        var result = LineComparison.Compare([Part("V", a)], [Part("V", b)], Policy).Single();

        result.WelchP!.Value.ShouldBeLessThan(1e-6);
        result.Verdict.ShouldBe(ComparisonVerdict.Equivalent);
        result.Reason.ShouldContain("statistically significant but smaller than the margin");
    }

    [Fact]
    public void Too_few_units_are_inconclusive_and_name_the_minimum()
    {
        var result = LineComparison.Compare([Part("V", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])], [Part("V", [1, 2, 3])], Policy).Single();

        result.Verdict.ShouldBe(ComparisonVerdict.Inconclusive);
        result.Reason.ShouldContain("at least 10 a side");
        result.TostP.ShouldBeNull();
    }

    [Fact]
    public void Different_limits_or_units_are_not_comparable_and_say_why()
    {
        double[] values = [.. Enumerable.Range(0, 40).Select(i => 5 + i * 0.01)];
        var limits = LineComparison.Compare([Part("V", values, 0, 10)], [Part("V", values, 0, 12)], Policy).Single();
        var units = LineComparison.Compare([Part("V", values)], [Part("V", values, unit: "A")], Policy).Single();
        var changed = LineComparison.Compare([Part("V", values, 0, 10), Part("V", values, 1, 10)], [Part("V", values)], Policy).Single();

        limits.Verdict.ShouldBe(ComparisonVerdict.NotComparable);
        limits.Reason.ShouldBe("limits differ: [0, 10] on A, [0, 12] on B");
        units.Verdict.ShouldBe(ComparisonVerdict.NotComparable);
        units.Reason.ShouldContain("units differ");
        changed.Verdict.ShouldBe(ComparisonVerdict.NotComparable);
        changed.Reason.ShouldContain("limits changed within the period on A");
    }

    [Fact]
    public void Constant_measurements_are_compared_directly()
    {
        double[] zeros = [.. Enumerable.Repeat(0.0, 30)];
        var same = LineComparison.Compare([Part("ERR", zeros, 0, 0, "")], [Part("ERR", zeros, 0, 0, "")], Policy).Single();

        same.Verdict.ShouldBe(ComparisonVerdict.Equivalent);
        same.Reason.ShouldContain("both sides constant");
    }

    [Fact]
    public void Margins_follow_the_spec_or_are_given_per_measurement()
    {
        double[] values = [.. Enumerable.Range(0, 40).Select(i => 5 + i * 0.01)];
        var policy = Policy with { Margins = new Dictionary<string, MarginRule>(StringComparer.OrdinalIgnoreCase) { ["abs"] = MarginRule.OfAbsolute(0.3), ["frac"] = MarginRule.OfFraction(0.05) } };

        var results = LineComparison.Compare(
            [Part("abs", values), Part("frac", values), Part("upper", values, null, 10), Part("free", values, null, null)],
            [Part("abs", values), Part("frac", values), Part("upper", values, null, 10), Part("free", values, null, null)], policy)
            .ToDictionary(r => r.Name);

        results["abs"].Margin.ShouldBe(0.3);
        results["frac"].Margin!.Value.ShouldBe(0.5, 1e-12);
        results["upper"].Margin!.Value.ShouldBe(0.1 * (10 - values.Average()), 1e-12);
        results["free"].Margin!.Value.ShouldBe(1.5 * MomentAggregate.Of(values).StandardDeviation, 1e-12);
        results["free"].A!.Cpk.ShouldBeNull();
    }

    [Fact]
    public void Capability_per_side_uses_the_pooled_within_batch_sd_for_cpk()
    {
        double[] first = [4.9, 5.0, 5.1];
        double[] second = [5.9, 6.0, 6.1];
        var side = LineComparison.Compare([Part("V", first), Part("V", second)], [Part("V", first)], Policy with { MinimumUnits = 2 }).Single().A!;

        // Within-batch SD is 0.1 (each batch), overall SD is larger: Cpk > Ppk.
        side.Cpk!.Value.ShouldBe(Math.Min(10 - 5.5, 5.5) / (3 * 0.1), 1e-9);
        side.Ppk!.Value.ShouldBeLessThan(side.Cpk!.Value);
    }

    [Fact]
    public void Unshared_measurements_are_listed_per_side()
    {
        var (onlyA, onlyB) = LineComparison.Unshared([Part("A1", [1, 2]), Part("S", [1, 2])], [Part("s", [1, 2]), Part("B1", [1, 2])]);
        onlyA.ShouldBe(["A1"]);
        onlyB.ShouldBe(["B1"]);
    }

    [Fact]
    public void Yield_of_the_research_example_is_conditional()
    {
        // Research note §7.3: primary 150/5000 failures, pilot 12/300, margin 0.02 — MN NI p = 0.2167783718, one-sided
        // Fisher 0.20531589593252308, decision CONDITIONAL.
        var y = YieldComparison.Of(5000, 4850, 300, 288, margin: 0.02);

        y.NonInferiorityP.ShouldBe(0.2167783718, 1e-8);
        y.FisherWorseP.ShouldBe(0.20531589593252308, 1e-10);
        y.Decision.ShouldBe(YieldDecision.Conditional);
        y.Difference.ShouldBe(-0.01, 1e-12);
        y.Method.ShouldBe("Fisher exact"); // 12 failures on the pilot
        y.P.ShouldBe(0.30084585226861615, 1e-10);
        y.Ci95.Low.ShouldBeLessThan(y.Difference);
        y.Ci95.High.ShouldBeGreaterThan(y.Difference);
    }

    [Fact]
    public void Yield_decisions_cover_all_three_states()
    {
        YieldComparison.Of(3600, 3528, 300, 298).Decision.ShouldBe(YieldDecision.NonInferior); // 2 % against 0.7 %
        YieldComparison.Of(3600, 3528, 300, 270).Decision.ShouldBe(YieldDecision.Inferior);    // 2 % against 10 %
        YieldComparison.Of(3600, 3528, 300, 290).Decision.ShouldBe(YieldDecision.Conditional);
        YieldComparison.Of(3600, 3528, 300, 298).Margin.ShouldBe(0.01, 1e-12); // max(0.5·f_A, 0.005)
    }

    [Fact]
    public void Defects_flag_over_represented_and_new_categories()
    {
        var d = DefectComparison.Of(
            new Dictionary<string, long> { ["bridge"] = 120, ["insufficient"] = 80, ["tombstone"] = 30, ["missing"] = 20, ["other"] = 50 },
            new Dictionary<string, long> { ["bridge"] = 30, ["insufficient"] = 45, ["tombstone"] = 6, ["missing"] = 5, ["other"] = 14, ["void"] = 3 });

        d.OverRepresentedOnB.ShouldBe(["insufficient", "void"]);
        d.NewOnB.ShouldBe(["void"]);
        d.Test!.DegreesOfFreedom.ShouldBe(5);
    }

    [Fact]
    public void The_worst_come_first_different_then_not_comparable_inconclusive_and_the_weakest_equivalence()
    {
        static MeasurementComparison M(string name, ComparisonVerdict verdict, double? tost) =>
            new(name, "V", 0, 1, null, null, null, null, null, null, null, tost, null, null, null, null, verdict, "");

        LineComparison.WorstFirst([M("e1", ComparisonVerdict.Equivalent, 0.001), M("i", ComparisonVerdict.Inconclusive, 0.3), M("e2", ComparisonVerdict.Equivalent, 0.04),
                M("n", ComparisonVerdict.NotComparable, null), M("d", ComparisonVerdict.Different, 0.9)])
            .Select(m => m.Name).ShouldBe(["d", "n", "i", "e2", "e1"]);
    }
}
