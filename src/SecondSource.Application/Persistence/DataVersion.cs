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
    private long _log;

    public long Current => Interlocked.Read(ref _current);

    /// <summary>
    /// Moves when a unit of work wrote access-log entries and nothing else (a logged read: a package listing). Such a
    /// write changes no fact any other page shows, so it leaves <see cref="Current"/> alone — otherwise every view of a
    /// logged page would invalidate every cached page; views of the log itself key on this too.
    /// </summary>
    public long Log => Interlocked.Read(ref _log);

    public void Advance() => Interlocked.Increment(ref _current);

    public void AdvanceLog() => Interlocked.Increment(ref _log);

    /// <summary>Moves the log's counter for a log-only unit of <paramref name="context"/>, else the data's.</summary>
    internal void Advance(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is SecondSourceDbContext { LogOnlyUnit: true })
        {
            AdvanceLog();
        }
        else
        {
            Advance();
        }
    }
}

/// <summary>Advances the <see cref="DataVersion"/> after each SaveChanges that wrote rows.</summary>
public sealed class DataVersionSaveInterceptor(DataVersion version) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        version.Advance(eventData?.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        version.Advance(eventData?.Context);
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
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Advance(eventData?.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Advance(eventData?.Context);
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
            version.Advance(eventData?.Context);
        }

        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0)
        {
            version.Advance(eventData?.Context);
        }

        return ValueTask.FromResult(result);
    }
}
