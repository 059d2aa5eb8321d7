using SecondSource.Domain.Common;

namespace SecondSource.Domain.Tests.Common;

/// <summary>Reference values worked by hand: the SI prefix that puts the mantissa in [1, 1000), six significant digits at most in a fraction (a whole number is never rounded).</summary>
public sealed class QuantitiesTests
{
    [Theory]
    [InlineData(4.343E-06, "A", "4.343 µA")]
    [InlineData(2.4E+07, "Hz", "24 MHz")]
    [InlineData(2.40003E+07, "Hz", "24.0003 MHz")]
    [InlineData(10240, "Ohm", "10.24 kOhm")]
    [InlineData(0.5, "V", "500 mV")]
    [InlineData(-0.0032, "A", "-3.2 mA")]
    [InlineData(3.29389, "V", "3.29389 V")]
    [InlineData(6.902E-09, "F", "6.902 nF")]
    [InlineData(1500, null, "1,500")]
    [InlineData(1234567.891, "", "1,234,568")]
    [InlineData(0.25, "mm", "0.25 mm")]
    [InlineData(6.902E-09, null, "6.902 × 10⁻⁹")]
    [InlineData(0, "V", "0 V")]
    public void A_value_reads_with_its_prefix_and_never_with_an_exponent(double value, string? unit, string expected) =>
        Quantities.Format(value, unit).ShouldBe(expected.Replace(' ', '\u00a0').Replace("\u00a0×\u00a0", " × ", StringComparison.Ordinal));

    [Fact]
    public void Nothing_to_show_is_a_dash_and_counts_are_grouped()
    {
        Quantities.Format(null, "V").ShouldBe("–");
        Quantities.Format(double.NaN, "V").ShouldBe("–");
        Quantities.Count(24_000_000).ShouldBe("24,000,000");
    }
}
