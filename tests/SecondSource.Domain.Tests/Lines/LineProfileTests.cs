using SecondSource.Domain.Common;
using SecondSource.Domain.Lines;

namespace SecondSource.Domain.Tests.Lines;

public sealed class LineProfileTests
{
    private static readonly BoardSize Board = new(300, 250);

    [Fact]
    public void A_negative_bga_pitch_is_refused_with_the_field_named()
    {
        Should.Throw<DomainException>(() => new LineCapabilities(PassiveSize.Size0201, -1, Board, 12, TestTypes.Aoi, Processes.None))
            .Message.ShouldBe("Finest BGA pitch (mm) must be more than 0 and at most 2.0, not -1.");
    }

    [Fact]
    public void A_board_of_zero_millimetres_is_refused_with_the_field_named()
    {
        Should.Throw<DomainException>(() => new BoardSize(0, 100)).Message.ShouldBe("Board length (mm) must be more than 0 and at most 2000, not 0.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void A_layer_count_outside_1_to_64_is_refused(int layers)
    {
        Should.Throw<DomainException>(() => new LineCapabilities(PassiveSize.Size0201, 0.5m, Board, layers, TestTypes.Aoi, Processes.None))
            .Message.ShouldStartWith("Maximum layer count must be between 1 and 64");
    }

    [Fact]
    public void A_tested_surge_needs_its_date_and_capacity_cannot_be_negative()
    {
        Should.Throw<DomainException>(() => new LineCapacity(1000, 4000)).Message.ShouldBe("A tested surge capacity needs the date of the test.");
        Should.Throw<DomainException>(() => new LineCapacity(-1, 0)).Message.ShouldContain("cannot be negative");
        new LineCapacity(1000, 4000, new DateOnly(2026, 9, 1), "drill report DR-12").TestedSurgeUnitsPerWeek.ShouldBe(4000);
    }

    [Fact]
    public void A_board_fits_either_way_round()
    {
        Board.Fits(new BoardSize(240, 290)).ShouldBeTrue();
        Board.Fits(new BoardSize(310, 100)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("pl", "PL")]
    [InlineData(" cn ", "CN")]
    public void Country_codes_are_upper_case_iso_alpha_2(string text, string code)
    {
        CountryCode.Parse(text).Value.ShouldBe(code);
    }

    [Theory]
    [InlineData("Poland")]
    [InlineData("P1")]
    [InlineData("")]
    public void Anything_else_is_not_a_country_code(string text)
    {
        Should.Throw<DomainException>(() => CountryCode.Parse(text)).Message.ShouldContain("two-letter ISO country code");
    }

    [Fact]
    public void Countries_fall_into_the_default_zones_or_a_zone_of_their_own()
    {
        Zone.For(CountryCode.Parse("PL"), Zone.Defaults).Name.ShouldBe("EU");
        Zone.For(CountryCode.Parse("TW"), Zone.Defaults).Name.ShouldBe("Greater China");
        Zone.For(CountryCode.Parse("ZA"), Zone.Defaults).Name.ShouldBe("ZA");
    }
}
