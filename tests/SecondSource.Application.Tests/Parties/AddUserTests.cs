using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Parties;

public sealed class AddUserTests : IAsyncLifetime
{
    private const string GoodPassword = "long-enough-passphrase";
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _services = _database.BuildServices(PartyScope.Unrestricted);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<Result<AddedUser>> Add(AddUserRequest request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AddUserHandler>().HandleAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task The_first_admin_creates_the_buyer_named_after_the_email_domain()
    {
        var result = await Add(new AddUserRequest("boss@aurora-medical.example", null, Role.Admin, GoodPassword));

        result.Succeeded.ShouldBeTrue(result.Failure?.Message);
        result.Value!.CreatedBuyer.ShouldBeTrue();
        result.Value.PartyName.ShouldBe("aurora-medical.example");
    }

    [Fact]
    public async Task The_buyer_can_be_named_and_later_buyer_people_join_it()
    {
        (await Add(new AddUserRequest("boss@aurora.example", "Boss", Role.Admin, GoodPassword, BuyerName: "Aurora Medical"))).Value!.PartyName.ShouldBe("Aurora Medical");

        var second = await Add(new AddUserRequest("eng@aurora.example", null, Role.Engineer, GoodPassword));

        second.Value!.CreatedBuyer.ShouldBeFalse();
        second.Value.PartyName.ShouldBe("Aurora Medical");
    }

    [Fact]
    public async Task A_member_joins_the_named_manufacturer()
    {
        Party apex;
        await using (var db = _database.CreateContext(PartyScope.Unrestricted))
        {
            apex = await db.AddManufacturerAsync("Apex EMS");
        }

        var result = await Add(new AddUserRequest("li@apex.example", "Li", Role.Member, GoodPassword, apex.Id));

        result.Value!.PartyId.ShouldBe(apex.Id);
    }

    [Fact]
    public async Task A_member_without_a_manufacturer_is_refused()
    {
        var result = await Add(new AddUserRequest("li@apex.example", null, Role.Member, GoodPassword));

        result.Failure!.Kind.ShouldBe(FailureKind.Invalid);
        result.Failure.Message.ShouldContain("name the manufacturer");
    }

    [Fact]
    public async Task The_same_email_twice_is_a_conflict()
    {
        await Add(new AddUserRequest("boss@aurora.example", null, Role.Admin, GoodPassword));

        var again = await Add(new AddUserRequest("boss@aurora.example", null, Role.Viewer, GoodPassword));

        again.Failure!.Kind.ShouldBe(FailureKind.Conflict);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Boss <boss@aurora.example>")]
    [InlineData("")]
    public async Task Something_that_is_not_an_email_address_is_refused(string email)
    {
        var result = await Add(new AddUserRequest(email, null, Role.Admin, GoodPassword));

        result.Failure!.Kind.ShouldBe(FailureKind.Invalid);
    }

    [Fact]
    public async Task A_short_password_is_refused_and_the_buyer_it_would_have_created_is_not_stored()
    {
        var result = await Add(new AddUserRequest("boss@aurora.example", null, Role.Admin, "short"));

        result.Failure!.Kind.ShouldBe(FailureKind.Invalid);
        result.Failure.Message.ShouldContain("at least 12 characters");
        await using var db = _database.CreateContext(PartyScope.Unrestricted);
        (await db.Parties.CountAsync()).ShouldBe(0);
        (await db.Users.CountAsync()).ShouldBe(0);
    }
}
