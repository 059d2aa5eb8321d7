using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>
/// Appends to the hash-chained access log within the caller's unit of work, so an entry is committed with the action
/// it records or not at all. The sequence number is the table's key: two writers that read the same last entry cannot
/// both commit. <see cref="SaveAsync"/> commits the unit and, when another writer extended the chain first, chains
/// this unit's entries again after the new tail and retries, so concurrent downloads all succeed and the chain stays
/// whole. A manufacturer's actions are logged too: the tail is read past the party filter (only its sequence and hash
/// are used, nothing is returned), and the isolation interceptor lets any caller add an entry but never change one.
/// </summary>
public sealed class AccessLogWriter(SecondSourceDbContext db, TimeProvider clock)
{
    private const int Attempts = 8;
    private readonly List<AccessLogEntry> _pending = [];
    private AccessLogEntry? _last;

    public async Task AppendAsync(AccessAction action, string actor, string party, Guid? artifactId, Guid? revisionId, string? sha256, string? clientAddress, CancellationToken ct, string? detail = null)
    {
        // A unit of work starts from the stored tail: another writer (another scope, a seeder's own) may have appended since.
        if (_pending.Count == 0)
        {
            _last = await TailAsync(ct);
        }


        _last = AccessLogEntry.Next(_last, clock.GetUtcNow(), action, actor, party, artifactId, revisionId, sha256, clientAddress, detail);
        db.AccessLog.Add(_last);
        _pending.Add(_last);
    }

    /// <summary>Appends for <paramref name="actor"/>.</summary>
    public Task AppendAsync(AccessAction action, Actor actor, Guid? artifactId, ArtifactRevision? revision, CancellationToken ct, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return AppendAsync(action, actor.Name, actor.Party, artifactId, revision?.Id, revision?.Sha256, actor.ClientAddress, ct, detail);
    }

    /// <summary>Forgets the entries not yet committed (the caller cleared its unit of work after a failed save and starts again).</summary>
    public void Discard()
    {
        _pending.Clear();
        _last = null;
    }

    /// <summary>Commits the unit of work with its log entries, re-chaining them after a concurrent writer's.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        // A unit with nothing but its log entries (a logged read) moves only the log's data version: it changes no fact
        // another page shows, so the cached pages stay (DataVersion.Log).
        db.LogOnlyUnit = _pending.Count > 0 && IsLogOnly();
        try
        {
            await SaveUnitAsync(ct);
        }
        finally
        {
            db.LogOnlyUnit = false;
        }
    }

    private async Task SaveUnitAsync(CancellationToken ct)
    {
        if (_pending.Count > 0 && db.Database.IsNpgsql() && db.Database.CurrentTransaction is null)
        {
            // PostgreSQL: writers take turns at the tail (a transaction-scoped advisory lock), so any number of them
            // commit without a conflict — fifty racing downloads exhausted the retries below. SQLite already takes
            // turns at its single writer. Logged reads of this process are committed together, as on SQLite.
            if (db.LogOnlyUnit)
            {
                await GroupCommitAsync(ct);
                return;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({TailLock})", ct);
            Rechain(await TailAsync(ct));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            _pending.Clear();
            return;
        }

        if (_pending.Count > 0 && db.Database.CurrentTransaction is null)
        {
            // SQLite: this process's writers take turns at the tail, as PostgreSQL's do above, so a burst of logged
            // views commits one after another instead of colliding and backing off. Another process (the CLI) may
            // still write between turns: the retries handle that. Not taken inside a caller's transaction, which may
            // already hold SQLite's write lock that the writer holding the turn waits for.
            if (db.LogOnlyUnit)
            {
                await GroupCommitAsync(ct);
                return;
            }

            var turn = Turn();
            await turn.Writer.WaitAsync(ct);
            try
            {
                Rechain(await TailAsync(ct));
                await SaveRetryingAsync(ct);
            }
            finally
            {
                turn.Writer.Release();
            }

            return;
        }

        await SaveRetryingAsync(ct);
    }

    /// <summary>Each database's turn at its log's tail in this process, by connection string (tests open many at once).</summary>
    private static readonly ConcurrentDictionary<string, TailTurn> Tails = new(StringComparer.Ordinal);

    private TailTurn Turn() => Tails.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new TailTurn());

    /// <summary>One writer of this process at a time at a database's tail (SQLite has one anyway), and the logged reads waiting for it.</summary>
    private sealed class TailTurn
    {
        public SemaphoreSlim Writer { get; } = new(1, 1);

        /// <summary>Log-only units (a view, a listing) waiting for the turn, to be committed together by whoever takes it.</summary>
        public ConcurrentQueue<GroupTicket> Waiting { get; } = new();
    }

    /// <summary>True when the unit of work holds nothing but this writer's new entries (a logged read).</summary>
    private bool IsLogOnly() =>
        db.ChangeTracker.Entries().All(e => e.State == EntityState.Unchanged || (e.State == EntityState.Added && e.Entity is AccessLogEntry entry && _pending.Contains(entry)));

    /// <summary>
    /// Group commit for logged reads: each commit waits for the disk (an fsync), so under a burst of views the one that
    /// gets this process's turn commits every waiting unit's entries in one transaction, chained in the order they
    /// arrived, and each caller returns once its entries are durable — one disk wait for many views (a page that logs
    /// its view had a p99 of 789 ms at 32 connections on SQLite, every view waiting for the others' disk writes in turn;
    /// on PostgreSQL each view was a commit of its own too). Only units with nothing but log entries are grouped, so no
    /// one's action is committed or failed with another's. On PostgreSQL the group's transaction also takes the tail's
    /// advisory lock, which orders it with other processes' writers.
    /// </summary>
    private async Task GroupCommitAsync(CancellationToken ct)
    {
        var turn = Turn();
        var ticket = new GroupTicket([.. _pending]);
        turn.Waiting.Enqueue(ticket);
        await turn.Writer.WaitAsync(ct);
        List<GroupTicket> batch = [];
        try
        {
            if (!ticket.Done.Task.IsCompleted)
            {
                while (turn.Waiting.TryDequeue(out var waiting))
                {
                    batch.Add(waiting);
                }

                // This unit's own entries are written as copies with the rest, so the tracked ones step aside.
                foreach (var entry in _pending)
                {
                    db.Entry(entry).State = EntityState.Detached;
                }

                _pending.Clear();
                if (db.Database.IsNpgsql())
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({TailLock})", CancellationToken.None);
                    ChainGroup(batch, await TailAsync(CancellationToken.None));
                    await db.SaveChangesAsync(CancellationToken.None);
                    await transaction.CommitAsync(CancellationToken.None);
                    _pending.Clear();
                }
                else
                {
                    ChainGroup(batch, await TailAsync(CancellationToken.None));
                    await SaveRetryingAsync(CancellationToken.None);
                }

                foreach (var done in batch)
                {
                    done.Done.TrySetResult();
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var failed in batch)
            {
                failed.Done.TrySetException(ex);
            }

            throw;
        }
        finally
        {
            turn.Writer.Release();
        }

        await ticket.Done.Task;

        // Committed by another unit's writer: this context's copies were never written and must not be.
        foreach (var entry in _pending.Where(e => db.Entry(e).State == EntityState.Added).ToList())
        {
            db.Entry(entry).State = EntityState.Detached;
        }

        _pending.Clear();
        _last = null;
    }

    /// <summary>Chains the waiting units' entries after <paramref name="tail"/>, in the order they arrived, and adds them to this unit.</summary>
    private void ChainGroup(List<GroupTicket> batch, AccessLogEntry? tail)
    {
        foreach (var e in batch.SelectMany(t => t.Entries))
        {
            tail = AccessLogEntry.Next(tail, e.At, e.Action, e.Actor, e.Party, e.ArtifactId, e.RevisionId, e.Sha256, e.ClientAddress, e.Detail);
            _pending.Add(tail);
        }

        db.AccessLog.AddRange(_pending);
    }

    private sealed record GroupTicket(IReadOnlyList<AccessLogEntry> Entries)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task SaveRetryingAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                _pending.Clear();
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts && _pending.Count > 0)
            {
                if (!await ChainMovedAsync(ct))
                {
                    throw;
                }

                await Task.Delay(Random.Shared.Next(2, 10 * attempt), ct);
                Rechain(await TailAsync(ct));
            }
        }
    }

    /// <summary>The advisory lock key PostgreSQL writers take turns on ("SSAL" in ASCII).</summary>
    private const long TailLock = 0x5353414C;

    /// <summary>Chains this unit's entries again after <paramref name="tail"/> (unchanged when they already follow it).</summary>
    private void Rechain(AccessLogEntry? tail)
    {
        if (_pending.Count == 0 || (tail?.Sequence ?? 0) + 1 == _pending[0].Sequence && tail?.Hash == _pending[0].PreviousHash)
        {
            return;
        }

        var rechained = new List<AccessLogEntry>(_pending.Count);
        foreach (var entry in _pending)
        {
            db.Entry(entry).State = EntityState.Detached;
            tail = AccessLogEntry.Next(tail, entry.At, entry.Action, entry.Actor, entry.Party, entry.ArtifactId, entry.RevisionId, entry.Sha256, entry.ClientAddress, entry.Detail);
            db.AccessLog.Add(tail);
            rechained.Add(tail);
        }

        _pending.Clear();
        _pending.AddRange(rechained);
        _last = tail;
    }

    /// <summary>Whether another writer took this unit's first sequence number (the cause of the failed save).</summary>
    private async Task<bool> ChainMovedAsync(CancellationToken ct) =>
        (await TailAsync(ct))?.Sequence >= _pending[0].Sequence;

    private Task<AccessLogEntry?> TailAsync(CancellationToken ct) =>
        db.AccessLog.IgnoreQueryFilters().AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
}
