using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;
using TestResult = SecondSource.Domain.TestData.TestResult;

namespace SecondSource.Domain.Tests.TestData;

public sealed class MomentAggregateTests
{
    // Reference: the textbook data set of Wikipedia's "Standard deviation" (population σ = 2). Skewness and excess
    // kurtosis by hand from scipy.stats.skew / kurtosis's definitions (bias=True, fisher=True): deviations
    // -3,-1,-1,-1,0,0,2,4 give m2 = 4, m3 = 42/8 = 5.25, m4 = 356/8 = 44.5, so g1 = 5.25/4^1.5 = 0.65625 and
    // g2 = 44.5/16 - 3 = -0.21875.
    private static readonly double[] Textbook = [2, 4, 4, 4, 5, 5, 7, 9];

    [Fact]
    public void The_textbook_set_gives_its_known_moments()
    {
        var a = MomentAggregate.Of(Textbook);

        a.Count.ShouldBe(8);
        a.Mean.ShouldBe(5, 1e-15);
        a.M2.ShouldBe(32, 1e-12);
        a.Variance.ShouldBe(32.0 / 7, 1e-14);
        Math.Sqrt(a.M2 / a.Count).ShouldBe(2, 1e-15);
        a.Skewness.ShouldBe(0.65625, 1e-12);
        a.ExcessKurtosis.ShouldBe(-0.21875, 1e-12);
        (a.Min, a.Max).ShouldBe((2, 9));
    }

    [Fact]
    public void Merging_partitions_gives_the_same_moments_as_one_pass_over_the_raw_values()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 10_000).Select(_ => 3.3 + 0.01 * (random.NextDouble() + random.NextDouble() - 1) + (random.Next(50) == 0 ? 0.05 : 0)).ToArray();
        var whole = MomentAggregate.Of(values);

        // Three uneven partitions, merged in a different order than they were read.
        var merged = MomentAggregate.Of(values[7_000..]);
        merged.Merge(MomentAggregate.Of(values[..1_234]));
        merged.Merge(MomentAggregate.Of(values[1_234..7_000]));
        merged.Merge(new MomentAggregate());

        // Two-pass reference: mean first, then the sums of powers of the deviations.
        var mean = values.Average();
        var m2 = values.Sum(v => (v - mean) * (v - mean));
        var m3 = values.Sum(v => Math.Pow(v - mean, 3));
        var m4 = values.Sum(v => Math.Pow(v - mean, 4));

        merged.Count.ShouldBe(whole.Count);
        merged.Mean.ShouldBe(mean, 1e-12);
        merged.M2.ShouldBe(m2, Math.Abs(m2) * 1e-10);
        whole.M2.ShouldBe(m2, Math.Abs(m2) * 1e-10);
        merged.M3.ShouldBe(m3, Math.Abs(m3) * 1e-7 + 1e-18);
        merged.M4.ShouldBe(m4, Math.Abs(m4) * 1e-8);
        merged.Variance.ShouldBe(whole.Variance, whole.Variance * 1e-12);
        merged.Skewness.ShouldBe(whole.Skewness, 1e-9);
        merged.ExcessKurtosis.ShouldBe(whole.ExcessKurtosis, 1e-9);
        (merged.Min, merged.Max).ShouldBe((values.Min(), values.Max()));
    }

    [Fact]
    public void A_large_offset_keeps_its_precision()
    {
        // 3.3 V read as 3_300_000_000 nV ± 1: Σx² − (Σx)²/n would lose the variance entirely.
        var a = MomentAggregate.Of([3_300_000_001, 3_300_000_002, 3_300_000_003]);

        a.Mean.ShouldBe(3_300_000_002);
        a.Variance.ShouldBe(1, 1e-9);
    }

    [Fact]
    public void Fewer_than_two_values_have_no_variance()
    {
        MomentAggregate.Of([]).Variance.ShouldBe(double.NaN);
        MomentAggregate.Of([1.5]).Variance.ShouldBe(double.NaN);
        MomentAggregate.Of([1.5]).Mean.ShouldBe(1.5);
    }
}

public sealed class MeasurementUnitsTests
{
    [Theory]
    [InlineData(28.3, "kOhm", 28300, "Ohm")]
    [InlineData(28300, "Ohm", 28300, "Ohm")]
    [InlineData(3300, "mV", 3.3, "V")]
    [InlineData(24, "MHz", 24e6, "Hz")]
    [InlineData(100, "nF", 1e-7, "F")]
    [InlineData(47, "µH", 47e-6, "H")]
    [InlineData(12.5, "ms", 0.0125, "s")]
    [InlineData(1.2, "MOhm", 1.2e6, "Ohm")]
    [InlineData(250, "mOhm", 0.25, "Ohm")]
    [InlineData(42, "%", 42, "%")]
    [InlineData(25, "degC", 25, "°C")]
    [InlineData(7, "", 7, "")]
    public void Prefixed_units_become_their_base_unit(double value, string unit, double expected, string baseUnit)
    {
        var (normalised, unitOut) = MeasurementUnits.Normalise(value, unit);

        normalised.ShouldBe(expected, Math.Abs(expected) * 1e-15);
        unitOut.ShouldBe(baseUnit);
    }

    [Fact]
    public void Sub_unit_prefixes_round_like_the_decimal_they_stand_for()
    {
        MeasurementUnits.Normalise(3200, "mV").Value.ShouldBe(3.2);
        MeasurementUnits.Normalise(3400, "mV").Value.ShouldBe(3.4);
        MeasurementUnits.Normalise(0.1, "mV").Value.ShouldBe(0.0001);
    }

    [Fact]
    public void An_unknown_unit_is_refused_by_name()
    {
        Should.Throw<DomainException>(() => MeasurementUnits.Normalise(1, "furlong")).Message.ShouldStartWith("'furlong' is not a unit");
        MeasurementUnits.TryResolve("C").ShouldBeNull("a bare C could be coulomb or Celsius");
    }
}

public sealed class RunValuesTests
{
    [Fact]
    public void Values_and_results_round_trip_in_nine_bytes_each()
    {
        double[] values = [3.3, -0.0001, 28300, double.Epsilon];
        TestResult[] results = [TestResult.Passed, TestResult.Failed, TestResult.Skipped, TestResult.Error];

        var bytes = RunValues.Encode(values, results);

        bytes.Length.ShouldBe(5 + 4 * 9);
        RunValues.Decode(bytes).ShouldSatisfyAllConditions(d => d.Values.ShouldBe(values), d => d.Results.ShouldBe(results));
        Should.Throw<DomainException>(() => RunValues.Decode(bytes.AsSpan(0, 20))).Message.ShouldContain("truncated");
    }

    [Fact]
    public void Serials_with_control_characters_are_refused_by_name()
    {
        Should.Throw<DomainException>(() => Serials.Check("VE\u00070001", "Serial number")).Message.ShouldStartWith("Serial number contains a control character");
        Serials.Check(" VE-0001 ", "Serial number").ShouldBe("VE-0001");
    }

    [Fact]
    public void A_unit_keeps_its_first_and_last_runs_whatever_order_they_come_in()
    {
        var batch = TestBatch.Create(Guid.NewGuid(), Guid.NewGuid(), new SecondSource.Domain.Parties.PartyId(Guid.NewGuid()), "P1", BatchKind.Pilot, 10, DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch, "t");
        var unit = TestUnit.Create(batch, "VE-1", "2.4.0", null);
        var t = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

        unit.Record(t.AddHours(1), TestResult.Passed, "2.4.1");
        unit.Record(t, TestResult.Failed, "2.4.0");

        (unit.FirstResult, unit.LastResult, unit.Runs, unit.FirmwareVersion).ShouldBe((TestResult.Failed, TestResult.Passed, 2, "2.4.1"));
    }
}
