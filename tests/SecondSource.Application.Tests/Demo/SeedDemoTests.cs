using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Demo;

public sealed class SeedDemoTests
{
    [Theory, DatabaseProviders]
    public async Task The_demo_has_a_buyer_an_offshore_primary_and_an_eu_second_source_with_working_sign_ins(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Failure?.Message);
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        (await db.Parties.CountAsync(p => p.Kind == PartyKind.Buyer)).ShouldBe(1);
        (await db.Parties.CountAsync(p => p.Kind == PartyKind.Manufacturer)).ShouldBe(4);
        var program = (await scope.ServiceProvider.GetRequiredService<SecondSource.Application.Programs.ProgramQueries>().ListAsync(CancellationToken.None)).Single();
        program.Lines.Select(l => (l.Manufacturer, l.Stage.ToString())).ShouldBe(
        [
            ("Pearl River Electronics Manufacturing (Shenzhen)", "Production"),
            ("Vistula EMS Sp. z o.o. (Gdańsk)", "Pilot"),
            ("Dongguan Allied EMS", "Candidate"),
            ("Saigon Precision Assembly", "Candidate"),
        ], ignoreOrder: true);
        var people = result.Value!.Credentials.Where(c => c.Kind == "Person").ToList();
        people.Select(p => p.Role).ShouldBe(["Admin", "Engineer", "Viewer", "Member", "Member"], ignoreOrder: true);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        foreach (var person in people)
        {
            var account = await users.FindByEmailAsync(person.Login);
            account.ShouldNotBeNull();
            (await users.CheckPasswordAsync(account, person.Secret)).ShouldBeTrue(person.Login);
        }

        var keys = result.Value.Credentials.Where(c => c.Kind == "API key").ToList();
        keys.Count.ShouldBe(2);
        var authenticate = scope.ServiceProvider.GetRequiredService<AuthenticateApiKeyHandler>();
        foreach (var key in keys)
        {
            (await authenticate.HandleAsync(key.Secret, CancellationToken.None))!.PartyName.ShouldBe(key.Party);
        }
    }

    [Fact]
    public async Task The_demo_refuses_a_database_that_holds_data_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AddManufacturerAsync("Existing EMS");
        }

        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);

        result.Failure!.Kind.ShouldBe(FailureKind.Conflict);
        result.Failure.Message.ShouldContain("already holds data (1 parties, 0 users)");
        await using var check = database.CreateContext(PartyScope.Unrestricted);
        (await check.Parties.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public void Demo_passwords_satisfy_the_password_rules()
    {
        var password = DemoSeedContext.NewPassword();

        password.Length.ShouldBeGreaterThanOrEqualTo(IdentityRules.MinimumPasswordLength);
        password.Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
    }
}
