using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Persistence;

/// <summary>The data version moves on every SaveChanges, every committed transaction and every bulk write, and not on reads.</summary>
public sealed class DataVersionTests
{
    [Fact]
    public async Task Saves_and_commits_move_the_version_and_reads_do_not()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        var version = services.GetRequiredService<DataVersion>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();

        var start = version.Current;
        await db.Parties.CountAsync();
        version.Current.ShouldBe(start, "a read");

        db.DataProtectionKeys.Add(new StoredXmlKey("k", "<key/>", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        var afterSave = version.Current;
        afterSave.ShouldBeGreaterThan(start);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.DataProtectionKeys.Add(new StoredXmlKey("k2", "<key/>", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            var inside = version.Current;
            await transaction.CommitAsync();
            version.Current.ShouldBeGreaterThan(inside, "the commit moves it again: a reader inside the transaction's time saw the old rows");
        }
    }

    [Fact]
    public async Task A_bulk_delete_or_update_outside_save_changes_moves_the_version_and_one_that_changes_nothing_does_not()
    {
        // The access log's page caches its verdict; a download link's single use is an ExecuteUpdate: both must be seen.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        var version = services.GetRequiredService<DataVersion>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        db.DataProtectionKeys.Add(new StoredXmlKey("k", "<key/>", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();

        var start = version.Current;
        (await db.DataProtectionKeys.Where(k => k.FriendlyName == "nothing").ExecuteDeleteAsync()).ShouldBe(0);
        version.Current.ShouldBe(start, "nothing changed");
        (await db.DataProtectionKeys.Where(k => k.FriendlyName == "k").ExecuteDeleteAsync()).ShouldBe(1);
        version.Current.ShouldBeGreaterThan(start);
    }
}
