using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Parties;

public sealed class SetUserDisabledTests
{
    [Fact]
    public async Task Disabling_changes_the_security_stamp_so_sessions_end()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        UserAccount admin, member;
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            admin = await db.AddPersonAsync(await db.AddBuyerAsync(), "admin@aurora.example", Role.Admin);
            member = await db.AddPersonAsync(await db.AddManufacturerAsync(), "li@apex.example");
        }

        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SetUserDisabledHandler>().HandleAsync(new SetUserDisabledRequest(member.Id, true, admin.Id), CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        await using var check = database.CreateContext(PartyScope.Unrestricted);
        var stored = await check.Users.SingleAsync(u => u.Id == member.Id);
        stored.IsDisabled.ShouldBeTrue();
        stored.SecurityStamp.ShouldNotBe(member.SecurityStamp);
    }

    [Fact]
    public async Task Nobody_disables_themselves_and_the_last_admin_stays_enabled()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        UserAccount admin;
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            admin = await db.AddPersonAsync(await db.AddBuyerAsync(), "admin@aurora.example", Role.Admin);
        }

        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<SetUserDisabledHandler>();

        (await handler.HandleAsync(new SetUserDisabledRequest(admin.Id, true, admin.Id), CancellationToken.None)).Failure!.Message.ShouldBe("You cannot disable your own account.");
        var last = await handler.HandleAsync(new SetUserDisabledRequest(admin.Id, true, ActingUserId: null), CancellationToken.None);
        last.Failure!.Kind.ShouldBe(FailureKind.Conflict);
        last.Failure.Message.ShouldContain("last enabled admin");
    }

    [Fact]
    public async Task An_unknown_person_is_not_found()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<SetUserDisabledHandler>().HandleAsync(new SetUserDisabledRequest(Guid.NewGuid(), true, null), CancellationToken.None);

        result.Failure!.Kind.ShouldBe(FailureKind.NotFound);
    }
}
