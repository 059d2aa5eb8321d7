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
        if (_pending.Count > 0 && db.Database.IsNpgsql() && db.Database.CurrentTransaction is null)
        {
            // PostgreSQL: writers take turns at the tail (a transaction-scoped advisory lock), so any number of them
            // commit without a conflict — fifty racing downloads exhausted the retries below. SQLite already takes
            // turns at its single writer.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({TailLock})", ct);
            Rechain(await TailAsync(ct));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            _pending.Clear();
            return;
        }

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
