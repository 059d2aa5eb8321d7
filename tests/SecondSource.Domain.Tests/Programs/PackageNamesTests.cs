using SecondSource.Domain.Lines;
using SecondSource.Domain.Programs;

namespace SecondSource.Domain.Tests.Programs;

public sealed class PackageNamesTests
{
    [Theory]
    [InlineData("0402", PassiveSize.Size0402)]
    [InlineData("SMD0402", PassiveSize.Size0402)]
    [InlineData("Capacitor_SMD:C_0402_1005Metric", PassiveSize.Size0402)]
    [InlineData("R_0603_1608Metric", PassiveSize.Size0603)]
    [InlineData("C_0201_0603Metric", PassiveSize.Size0201)]
    [InlineData("mta1:CAPC1005X06L", null)]
    [InlineData("402", null)]
    [InlineData("CP_Elec_6.3x5.9", null)]
    [InlineData("SOT-23", null)]
    public void Chip_sizes_are_read_in_imperial_unless_marked_metric(string name, PassiveSize? expected)
    {
        PackageNames.ChipSize(name).ShouldBe(expected);
    }

    [Theory]
    [InlineData("BGA-256 P0.8mm", 0.8)]
    [InlineData("FBGA 0.5mm pitch", 0.5)]
    [InlineData("NFBGA-169", null)]
    [InlineData("QFN-32 0.5mm", null)]
    public void Bga_pitches_are_read_from_bga_packages_only(string name, double? expected)
    {
        PackageNames.BgaPitchMm(name).ShouldBe(expected is { } e ? (decimal)e : null);
    }

    [Fact]
    public void Requirements_take_the_smallest_chip_and_finest_pitch_of_the_footprints()
    {
        var derived = new ProductRequirements().WithFootprints(["C_0603_1608Metric", "R_0402_1005Metric", "BGA-484 P1.0mm", "BGA-256 P0.8mm", null, "SOIC-8"]);

        derived.SmallestPassive.ShouldBe(PassiveSize.Size0402);
        derived.FinestBgaPitchMm.ShouldBe(0.8m);
    }
}
