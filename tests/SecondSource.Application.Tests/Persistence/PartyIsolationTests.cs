using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Persistence;

/// <summary>
/// A manufacturer's user cannot see or change another party's rows: the query filters hide them and the save
/// interceptor refuses writes to them. Runs on SQLite and, when configured, PostgreSQL.
/// </summary>
public sealed class PartyIsolationTests
{
    private sealed record World(Party Buyer, Party Apex, Party Vistula);

    private static async Task<World> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext(PartyScope.Unrestricted);
        var buyer = await db.AddBuyerAsync();
        var apex = await db.AddManufacturerAsync("Apex EMS");
        var vistula = await db.AddManufacturerAsync("Vistula EMS");
        await db.AddPersonAsync(buyer, "eng@aurora.example");
        await db.AddPersonAsync(apex, "a1@apex.example");
        await db.AddPersonAsync(apex, "a2@apex.example");
        await db.AddPersonAsync(vistula, "v1@vistula.example");
        await db.AddApiKeyAsync(apex, "Apex ICT");
        await db.AddApiKeyAsync(vistula, "Vistula FCT");
        return new World(buyer, apex, vistula);
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_sees_only_its_own_people_and_keys(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await SeedAsync(database);

        await using var db = database.CreateContext(PartyScope.For(world.Apex.Id));

        (await db.Users.Select(u => u.Email).OrderBy(e => e).ToListAsync()).ShouldBe(["a1@apex.example", "a2@apex.example"]);
        (await db.ApiKeys.Select(k => k.Name).ToListAsync()).ShouldBe(["Apex ICT"]);
        (await db.Users.CountAsync(u => u.PartyId == world.Vistula.Id)).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_sees_the_buyer_and_itself_but_not_the_other_manufacturer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await SeedAsync(database);

        await using var db = database.CreateContext(PartyScope.For(world.Vistula.Id));

        (await db.Parties.Select(p => p.Name).OrderBy(n => n).ToListAsync()).ShouldBe(["Aurora Instruments", "Vistula EMS"]);
        (await db.Parties.AnyAsync(p => p.Id == world.Apex.Id)).ShouldBeFalse();
    }

    [Theory, DatabaseProviders]
    public async Task The_buyer_sees_every_party(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        await using var db = database.CreateContext(PartyScope.Unrestricted);

        (await db.Users.CountAsync()).ShouldBe(4);
        (await db.ApiKeys.CountAsync()).ShouldBe(2);
        (await db.Parties.CountAsync()).ShouldBe(3);
    }

    [Theory, DatabaseProviders]
    public async Task An_anonymous_caller_sees_no_party_owned_row(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        await using var db = database.CreateContext(PartyScope.Nobody);

        (await db.Users.CountAsync()).ShouldBe(0);
        (await db.ApiKeys.CountAsync()).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_cannot_add_a_row_for_another_party_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await SeedAsync(database);

        await using (var db = database.CreateContext(PartyScope.For(world.Apex.Id)))
        {
            var (key, _) = ApiKey.Issue(world.Vistula.Id, "planted", "apex", PartyBuilder.Now);
            db.ApiKeys.Add(key);

            var ex = await Should.ThrowAsync<PartyIsolationException>(() => db.SaveChangesAsync());
            ex.Message.ShouldContain("Refused to add a ApiKey");
        }

        await using var check = database.CreateContext(PartyScope.Unrestricted);
        (await check.ApiKeys.CountAsync(k => k.Name == "planted")).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_cannot_change_or_delete_another_partys_row_even_when_it_bypasses_the_filter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await SeedAsync(database);

        await using (var db = database.CreateContext(PartyScope.For(world.Apex.Id)))
        {
            var theirs = await db.ApiKeys.IgnoreQueryFilters().SingleAsync(k => k.PartyId == world.Vistula.Id);
            theirs.Revoke("apex", PartyBuilder.Now);
            await Should.ThrowAsync<PartyIsolationException>(() => db.SaveChangesAsync());

            db.ChangeTracker.Clear();
            var person = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.PartyId == world.Vistula.Id);
            db.Users.Remove(person);
            await Should.ThrowAsync<PartyIsolationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext(PartyScope.Unrestricted);
        (await check.ApiKeys.SingleAsync(k => k.PartyId == world.Vistula.Id)).RevokedAt.ShouldBeNull();
        (await check.Users.CountAsync(u => u.PartyId == world.Vistula.Id)).ShouldBe(1);
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_cannot_move_its_own_row_to_another_party(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await SeedAsync(database);

        await using (var db = database.CreateContext(PartyScope.For(world.Apex.Id)))
        {
            var mine = await db.Users.FirstAsync();
            mine.PartyId = world.Vistula.Id;

            await Should.ThrowAsync<PartyIsolationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext(PartyScope.Unrestricted);
        (await check.Users.CountAsync(u => u.PartyId == world.Apex.Id)).ShouldBe(2);
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_changes_its_own_rows_but_never_the_parties(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await SeedAsync(database);

        await using var db = database.CreateContext(PartyScope.For(world.Apex.Id));
        var key = await db.ApiKeys.SingleAsync();
        key.Revoke("a1@apex.example", PartyBuilder.Now);
        await db.SaveChangesAsync();

        var self = await db.Parties.SingleAsync(p => p.Id == world.Apex.Id);
        self.Rename("Apex Renamed");
        (await Should.ThrowAsync<PartyIsolationException>(() => db.SaveChangesAsync())).Message.ShouldContain("parties are managed by the buyer");
    }

    [Theory, DatabaseProviders]
    public async Task The_system_scope_lifts_the_restriction_only_while_it_is_open(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var context = new FixedPartyContext(PartyScope.Nobody);

        using (context.BeginSystemScope())
        {
            context.Scope.IsRestricted.ShouldBeFalse();
        }

        context.Scope.ShouldBe(PartyScope.Nobody);
    }
}
