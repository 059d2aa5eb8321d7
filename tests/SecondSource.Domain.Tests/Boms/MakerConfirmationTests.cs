using SecondSource.Domain.Boms;

namespace SecondSource.Domain.Tests.Boms;

/// <summary>The rules every confirmation of a maker name follows, whether the library or an aliases file records it.</summary>
public sealed class MakerConfirmationTests
{
    private readonly ManufacturerCatalog _catalog = ManufacturerCatalog.CreateDefault();

    [Fact]
    public void A_new_name_becomes_a_maker_of_its_own_or_another_name_of_a_known_maker()
    {
        MakerConfirmation.Decide(_catalog, "Zhejiang Lanke Electronics", null, "the library").ShouldSatisfyAllConditions(
            d => d.Refusal.ShouldBeNull(), d => d.AlreadyKnown.ShouldBeNull(), d => d.SameAs.ShouldBeNull());
        MakerConfirmation.Decide(_catalog, "TXN", "Texas Instruments", "the library").SameAs!.DisplayName.ShouldBe("Texas Instruments");
    }

    [Fact]
    public void A_name_already_recognised_as_that_maker_changes_nothing()
    {
        MakerConfirmation.Decide(_catalog, "Linear Technology", "Analog Devices", "the library").AlreadyKnown!.DisplayName.ShouldBe("Analog Devices");
    }

    [Theory]
    [InlineData("Mouser Electronics", null, "distributor")]
    [InlineData("TBD", null, "placeholder")]
    [InlineData("GRM188R71H104KA93D", null, "shape of a company's name")]
    [InlineData("DNP", null, "not fitted")]
    [InlineData("Lanke", "Nobody Known Ltd", "is not a manufacturer the catalogue or aliases.txt knows")]
    public void Text_that_cannot_be_a_maker_is_refused_naming_why(string name, string? sameAs, string why)
    {
        var decision = MakerConfirmation.Decide(_catalog, name, sameAs, "aliases.txt");

        decision.Refusal!.ShouldContain(why);
        decision.Conflict.ShouldBeFalse();
    }

    [Fact]
    public void The_catalogues_lineage_cannot_be_contradicted()
    {
        var decision = MakerConfirmation.Decide(_catalog, "Maxim", "Texas Instruments", "the library");

        decision.Conflict.ShouldBeTrue();
        decision.Refusal.ShouldBe("'Maxim' is already Analog Devices (in the catalogue); it cannot also be Texas Instruments.");
    }
}
