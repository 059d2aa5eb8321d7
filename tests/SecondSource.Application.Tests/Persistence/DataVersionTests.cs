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

    [Theory, DatabaseProviders]
    public async Task A_logged_read_moves_only_the_logs_version_and_a_logged_change_moves_both(DatabaseProvider provider)
    {
        // A package listing logs its view: that changes no fact another page shows, so the cached pages must stay
        // (under load every view would otherwise recompute them all); the access log's own views key on DataVersion.Log.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        var version = services.GetRequiredService<DataVersion>();
        var actor = new SecondSource.Application.Vault.Actor("viewer@example.com", "Example", null);

        var (current, log) = (version.Current, version.Log);
        await using (var scope = services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<SecondSource.Application.Vault.AccessLogWriter>();
            await writer.AppendAsync(Domain.Vault.AccessAction.View, actor, null, null, CancellationToken.None, "a listing");
            await writer.SaveAsync(CancellationToken.None);
        }

        version.Current.ShouldBe(current, "a logged read changes no other fact");
        version.Log.ShouldBeGreaterThan(log);

        (current, log) = (version.Current, version.Log);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<SecondSource.Application.Vault.AccessLogWriter>();
            db.DataProtectionKeys.Add(new StoredXmlKey("k", "<key/>", DateTimeOffset.UtcNow));
            await writer.AppendAsync(Domain.Vault.AccessAction.View, actor, null, null, CancellationToken.None, "with a change");
            await writer.SaveAsync(CancellationToken.None);
            db.LogOnlyUnit.ShouldBeFalse("the flag lives only while its unit commits");
        }

        version.Current.ShouldBeGreaterThan(current, "the unit changed something besides the log");
    }
}
