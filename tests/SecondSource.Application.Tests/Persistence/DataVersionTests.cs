using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Persistence;

/// <summary>The data version moves on every SaveChanges and every committed transaction, and not on reads.</summary>
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
}
