using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>
/// Appends to the hash-chained access log within the caller's unit of work, so an entry is committed with the action
/// it records or not at all. The sequence number is the table's key: two writers that read the same last entry
/// cannot both commit (the second save fails and nothing of its action is stored).
/// A manufacturer's actions are logged too: the tail is read past the party filter (only its sequence and hash are
/// used, nothing is returned), and the isolation interceptor lets any caller add an entry but never change one.
/// </summary>
public sealed class AccessLogWriter(SecondSourceDbContext db, TimeProvider clock)
{
    private AccessLogEntry? _last;

    public async Task AppendAsync(AccessAction action, string actor, string party, Guid? artifactId, Guid? revisionId, string? sha256, string? clientAddress, CancellationToken ct, string? detail = null)
    {
        _last ??= await db.AccessLog.IgnoreQueryFilters().AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        _last = AccessLogEntry.Next(_last, clock.GetUtcNow(), action, actor, party, artifactId, revisionId, sha256, clientAddress, detail);
        db.AccessLog.Add(_last);
    }

    /// <summary>Appends for <paramref name="actor"/>.</summary>
    public Task AppendAsync(AccessAction action, Actor actor, Guid? artifactId, ArtifactRevision? revision, CancellationToken ct, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return AppendAsync(action, actor.Name, actor.Party, artifactId, revision?.Id, revision?.Sha256, actor.ClientAddress, ct, detail);
    }
}
