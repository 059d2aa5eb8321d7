using SecondSource.Domain.Common;
using SecondSource.Domain.Lines;

namespace SecondSource.Domain.Tests.Lines;

public sealed class ZoneDefinitionTests
{
    [Fact]
    public void Zones_are_read_one_a_line_with_comments_and_blank_lines()
    {
        var zones = ZoneDefinition.Parse("# ours\nEU: PL de, FR\n\nGreater China: CN HK TW\n");

        zones.Select(z => z.Name).ShouldBe(["EU", "Greater China"]);
        zones[0].Countries.Select(c => c.Value).ShouldBe(["PL", "DE", "FR"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("EU PL DE", "Line 1: write 'Name: CC CC CC'")]
    [InlineData("EU: PL\nNATO: PL US", "Line 2: PL is already in the zone 'EU'")]
    [InlineData("EU: PL\nEU: DE", "Line 2: the zone 'EU' is listed twice.")]
    [InlineData("EU: Poland", "Line 1: country 'Poland' is not a two-letter ISO country code")]
    [InlineData("EU:", "Line 1: the zone 'EU' has no country.")]
    [InlineData("# nothing", "Define at least one zone.")]
    public void Bad_zone_text_is_refused_with_the_line(string text, string message)
    {
        Should.Throw<DomainException>(() => ZoneDefinition.Parse(text)).Message.ShouldStartWith(message);
    }

    [Fact]
    public void A_zone_round_trips_through_its_stored_form()
    {
        var zone = Zone.Defaults[0];

        ZoneDefinition.From(zone, 0).ToZone().Countries.SetEquals(zone.Countries).ShouldBeTrue();
    }
}
