using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Tests.Parties;

public sealed class RolesTests
{
    [Theory]
    [InlineData(PartyKind.Buyer, Role.Admin, true)]
    [InlineData(PartyKind.Buyer, Role.Engineer, true)]
    [InlineData(PartyKind.Buyer, Role.Viewer, true)]
    [InlineData(PartyKind.Buyer, Role.Member, false)]
    [InlineData(PartyKind.Manufacturer, Role.Member, true)]
    [InlineData(PartyKind.Manufacturer, Role.Admin, false)]
    [InlineData(PartyKind.Manufacturer, Role.Engineer, false)]
    [InlineData(PartyKind.Manufacturer, Role.Viewer, false)]
    public void Buyer_and_manufacturer_roles_never_mix(PartyKind kind, Role role, bool valid)
    {
        Roles.IsValidFor(kind, role).ShouldBe(valid);
    }

    [Fact]
    public void An_invalid_pair_names_the_roles_that_are_allowed()
    {
        var ex = Should.Throw<DomainException>(() => Roles.EnsureValidFor(PartyKind.Manufacturer, Role.Admin));

        ex.Message.ShouldBe("A manufacturer user cannot have the role Admin; use Member.");
    }

    [Theory]
    [InlineData("admin", Role.Admin)]
    [InlineData(" Engineer ", Role.Engineer)]
    [InlineData("MEMBER", Role.Member)]
    public void Role_names_parse_ignoring_case(string text, Role expected)
    {
        Roles.Parse(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("1")]
    [InlineData("")]
    public void Unknown_role_names_are_refused_with_the_valid_names(string text)
    {
        Should.Throw<DomainException>(() => Roles.Parse(text)).Message.ShouldContain("Admin, Engineer, Viewer");
    }
}
