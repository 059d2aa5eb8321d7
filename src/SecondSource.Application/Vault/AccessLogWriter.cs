using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>
/// Appends to the hash-chained access log within the caller's unit of work, so an entry is committed with the action
/// it records or not at all. The sequence number is the table's key: two writers that read the same last entry
/// cannot both commit (the second save fails and nothing of its action is stored).
/// </summary>
public sealed class AccessLogWriter(SecondSourceDbContext db, TimeProvider clock)
{
    private AccessLogEntry? _last;

    public async Task AppendAsync(AccessAction action, string actor, string party, Guid artifactId, Guid? revisionId, string? sha256, string? clientAddress, CancellationToken ct)
    {
        _last ??= await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        _last = AccessLogEntry.Next(_last, clock.GetUtcNow(), action, actor, party, artifactId, revisionId, sha256, clientAddress);
        db.AccessLog.Add(_last);
    }
}
