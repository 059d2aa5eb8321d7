using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Persistence;

/// <summary>What the database itself guarantees, on each provider.</summary>
public sealed class StorageTests
{
    [Theory, DatabaseProviders]
    public async Task Timestamps_come_back_as_the_same_utc_instant_and_sort_in_queries(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            db.Parties.Add(Party.CreateManufacturer("Later", new DateTimeOffset(2026, 3, 1, 12, 30, 15, 123, TimeSpan.Zero)));
            db.Parties.Add(Party.CreateManufacturer("Earlier", new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero)));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext(PartyScope.Unrestricted);
        var parties = await read.Parties.OrderBy(p => p.CreatedAt).ToListAsync();
        var recent = await read.Parties.Where(p => p.CreatedAt > new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).Select(p => p.Name).ToListAsync();

        parties.Select(p => p.Name).ShouldBe(["Earlier", "Later"]);
        parties[1].CreatedAt.ShouldBe(new DateTimeOffset(2026, 3, 1, 12, 30, 15, 123, TimeSpan.Zero));
        parties.ShouldAllBe(p => p.CreatedAt.Offset == TimeSpan.Zero);
        recent.ShouldBe(["Later"]);
    }

    [Theory, DatabaseProviders]
    public async Task An_installation_has_at_most_one_buyer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext(PartyScope.Unrestricted);
        await db.AddBuyerAsync("First buyer");

        db.Parties.Add(Party.CreateBuyer("Second buyer", PartyBuilder.Now));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, DatabaseProviders]
    public async Task Party_names_are_unique_ignoring_case(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext(PartyScope.Unrestricted);
        await db.AddManufacturerAsync("Apex EMS");

        db.Parties.Add(Party.CreateManufacturer("APEX ems", PartyBuilder.Now));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, DatabaseProviders]
    public async Task Foreign_keys_are_enforced(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext(PartyScope.Unrestricted);

        var (orphan, _) = ApiKey.Issue(PartyId.New(), "orphan", "test", PartyBuilder.Now);
        db.ApiKeys.Add(orphan);

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_foreign_keys_on()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext(PartyScope.Unrestricted);
        await db.Database.OpenConnectionAsync();

        var connection = db.Database.GetDbConnection();

        (await Pragma(connection, "journal_mode")).ShouldBe("wal");
        (await Pragma(connection, "foreign_keys")).ShouldBe("1");
    }

    private static async Task<string?> Pragma(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
