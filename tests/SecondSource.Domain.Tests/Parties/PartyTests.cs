using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Tests.Parties;

public sealed class PartyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_manufacturer_keeps_its_trimmed_name_and_a_normalized_form()
    {
        var party = Party.CreateManufacturer("  Vistula EMS  ", Now);

        party.Name.ShouldBe("Vistula EMS");
        party.NormalizedName.ShouldBe("VISTULA EMS");
        party.Kind.ShouldBe(PartyKind.Manufacturer);
        party.CreatedAt.ShouldBe(Now);
        party.Id.Value.ShouldNotBe(Guid.Empty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_party_needs_a_name(string? name)
    {
        var ex = Should.Throw<DomainException>(() => Party.CreateBuyer(name!, Now));

        ex.Message.ShouldBe("Buyer name is required.");
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused_with_its_length()
    {
        var ex = Should.Throw<DomainException>(() => Party.CreateManufacturer(new string('x', 201), Now));

        ex.Message.ShouldBe("Manufacturer name is 201 characters long; at most 200 are allowed.");
    }

    [Fact]
    public void A_name_with_a_line_break_is_refused()
    {
        Should.Throw<DomainException>(() => Party.CreateManufacturer("Apex\nEMS", Now)).Message.ShouldContain("control character");
    }

    [Fact]
    public void Creation_time_must_be_utc()
    {
        var local = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

        Should.Throw<DomainException>(() => Party.CreateManufacturer("Apex", local)).Message.ShouldContain("UTC");
    }

    [Fact]
    public void Renaming_updates_the_normalized_name()
    {
        var party = Party.CreateManufacturer("Apex", Now);

        party.Rename("Apex Electronics");

        party.NormalizedName.ShouldBe("APEX ELECTRONICS");
    }

    [Fact]
    public void Party_ids_round_trip_through_text_and_refuse_empty_or_garbage()
    {
        var id = PartyId.New();

        PartyId.TryParse(id.ToString(), out var parsed).ShouldBeTrue();
        parsed.ShouldBe(id);
        PartyId.TryParse(Guid.Empty.ToString(), out _).ShouldBeFalse();
        PartyId.TryParse("not-an-id", out _).ShouldBeFalse();
    }
}
