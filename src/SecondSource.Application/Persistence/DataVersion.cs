using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SecondSource.Application.Persistence;

/// <summary>
/// A counter that moves whenever this process changes the database: every SaveChanges and every committed transaction
/// (bulk writes included). Read models cached by a host are computed under a version and recomputed once it moves, so
/// a person sees their own change at once. Changes made by another process (the CLI, another web instance) do not move
/// it; caches bound their age for those.
/// </summary>
public sealed class DataVersion
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    public void Advance() => Interlocked.Increment(ref _current);
}

/// <summary>Advances the <see cref="DataVersion"/> after each SaveChanges that wrote rows.</summary>
public sealed class DataVersionSaveInterceptor(DataVersion version) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        version.Advance();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        version.Advance();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => version.Advance();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Advance();
        return Task.CompletedTask;
    }
}

/// <summary>Advances the <see cref="DataVersion"/> when a transaction commits (a reader that ran inside it saw the old rows).</summary>
public sealed class DataVersionTransactionInterceptor(DataVersion version) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Advance();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Advance();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Advances the <see cref="DataVersion"/> after a command that changes rows outside SaveChanges: the bulk
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> (a download link's single use) and raw SQL. Queries read through readers
/// and are not counted.
/// </summary>
public sealed class DataVersionCommandInterceptor(DataVersion version) : DbCommandInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result > 0)
        {
            version.Advance();
        }

        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0)
        {
            version.Advance();
        }

        return ValueTask.FromResult(result);
    }
}
