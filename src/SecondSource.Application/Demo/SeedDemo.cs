using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Demo;

public sealed record SeedDemoResult(IReadOnlyList<DemoCredential> Credentials, IReadOnlyList<string> Summary);

/// <summary>
/// Loads the demo installation into an empty database, all seeders in one transaction: either the whole demo
/// is there or none of it. Refuses a database that already holds data.
/// </summary>
public sealed class SeedDemoHandler(SecondSourceDbContext db, TimeProvider clock, IEnumerable<IDemoSeeder> seeders)
{
    /// <param name="ct">Cancels the load (nothing is kept: one transaction).</param>
    /// <param name="progress">Told each feature as it starts ("3 of 12: test data"), for a progress line.</param>
    public async Task<Result<SeedDemoResult>> HandleAsync(CancellationToken ct, IProgress<string>? progress = null)
    {
        var parties = await db.Parties.CountAsync(ct);
        var people = await db.Users.CountAsync(ct);
        if (parties > 0 || people > 0)
        {
            return Fail.Conflict(
                $"The database already holds data ({parties} parties, {people} users); the demo loads only into an empty database. " +
                "Start with a new data folder (--data) to see the demo.");
        }

        var context = new DemoSeedContext(db, clock);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ordered = seeders.OrderBy(s => s.Order).ToList();
        foreach (var (seeder, index) in ordered.Select((s, i) => (s, i)))
        {
            progress?.Report($"{index + 1} of {ordered.Count}: {seeder.Feature}");
            await seeder.SeedAsync(context, ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return Result.Ok(new SeedDemoResult(context.Credentials, context.Summary));
    }
}
