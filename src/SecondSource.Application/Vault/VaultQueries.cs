using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;
using SecondSource.Formats.Vault;

namespace SecondSource.Application.Vault;

public sealed record RevisionView(Guid Id, int Number, string FileName, long Size, string Sha256, string? ChangeNote, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>One checklist item of a product's transfer package: its artifact's revisions (newest first), or none yet.</summary>
public sealed record PackageItem(ArtifactKind Kind, string Name, Guid? ArtifactId, IReadOnlyList<RevisionView> Revisions)
{
    public RevisionView? Latest => Revisions.Count == 0 ? null : Revisions[0];
}

public sealed record AccessLogView(long Sequence, DateTimeOffset At, AccessAction Action, string Actor, string Party, string? Artifact, int? Revision, string? Sha256, string? ClientAddress, string? Detail);

/// <summary>A page of the access log, and whether there are pages after and before it in the order shown.</summary>
public sealed record AccessLogSlice(IReadOnlyList<AccessLogView> Entries, bool HasNext, bool HasPrevious);

/// <summary>Narrows the access log: by action, by party (exact name) and by text in the actor's name.</summary>
public sealed record AccessLogFilter(AccessAction? Action, string? Party, string? Actor, bool OldestFirst = false);

/// <summary>The vault as the buyer reads it: a product's transfer package against the checklist, and the access log.</summary>
public sealed class VaultQueries(SecondSourceDbContext db, VaultStore store)
{
    public const int LogPageSize = 100;

    public async Task<IReadOnlyList<PackageItem>> PackageAsync(Guid productId, CancellationToken ct)
    {
        var artifacts = await db.Artifacts.AsNoTracking().Include(a => a.Revisions).Where(a => a.ProductId == productId).ToListAsync(ct);
        return ArtifactKinds.Checklist.Select(kind =>
        {
            var artifact = artifacts.FirstOrDefault(a => a.Kind == kind);
            return new PackageItem(kind, ArtifactKinds.Name(kind), artifact?.Id,
                artifact?.Revisions.OrderByDescending(r => r.Number)
                    .Select(r => new RevisionView(r.Id, r.Number, r.FileName, r.Size, r.Sha256, r.ChangeNote, r.UploadedAt, r.UploadedBy)).ToList() ?? []);
        }).ToList();
    }

    /// <summary>
    /// The product's golden units as the latest revision of the golden-unit item lists them (with that revision), or
    /// no units when the item is missing or its latest revision is a file that is not such a list.
    /// </summary>
    public async Task<(RevisionView? Revision, IReadOnlyList<GoldenUnit>? Units)> GoldenUnitsAsync(Guid productId, CancellationToken ct)
    {
        var latest = (await PackageAsync(productId, ct)).Single(i => i.Kind == ArtifactKind.GoldenUnit).Latest;
        if (latest is null || store.Open(latest.Sha256) is not { } content)
        {
            return (latest, null);
        }

        await using (content)
        {
            return (latest, latest.Size > 1 << 20 ? null : GoldenUnitsCsv.Read(content));
        }
    }

    /// <summary>A page of the access log, newest first, with the artifact's title and the revision's number.</summary>
    /// <summary>
    /// A page of the access log in the filter's order, read by the chain's sequence from a cursor (keyset paging: the
    /// same cost on the first page and the ten-thousandth): <paramref name="cursor"/> null for the first page; else the
    /// page after that entry (<paramref name="backwards"/> false) or the one before it (true), in display order.
    /// </summary>
    public async Task<AccessLogSlice> LogAsync(AccessLogFilter? filter, long? cursor, bool backwards, CancellationToken ct)
    {
        var log = db.AccessLog.AsNoTracking();
        if (filter?.Action is { } action)
        {
            log = log.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter?.Party))
        {
            log = log.Where(e => e.Party == filter.Party);
        }

        if (!string.IsNullOrWhiteSpace(filter?.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            log = log.Where(e => EF.Functions.Like(e.Actor.ToLowerInvariant(), "%" + actor + "%"));
        }

        // Reading toward higher sequences: oldest first going forward, or newest first going back.
        var ascending = (filter?.OldestFirst == true) != backwards;
        if (cursor is { } at)
        {
            log = ascending ? log.Where(e => e.Sequence > at) : log.Where(e => e.Sequence < at);
        }

        // One more than a page: whether there is another page in the direction read.
        var paged = (ascending ? log.OrderBy(e => e.Sequence) : log.OrderByDescending(e => e.Sequence)).Take(LogPageSize + 1);
        var rows = await (from e in paged
                          join a in db.Artifacts on e.ArtifactId equals a.Id into artifacts
                          from a in artifacts.DefaultIfEmpty()
                          join r in db.ArtifactRevisions on e.RevisionId equals r.Id into revisions
                          from r in revisions.DefaultIfEmpty()
                          select new AccessLogView(e.Sequence, e.At, e.Action, e.Actor, e.Party, a != null ? a.Title : null, r != null ? r.Number : null, e.Sha256, e.ClientAddress, e.Detail))
            .ToListAsync(ct);
        var more = rows.Count > LogPageSize;
        var page = (ascending ? rows.OrderBy(e => e.Sequence) : rows.OrderByDescending(e => e.Sequence)).Take(LogPageSize);
        IReadOnlyList<AccessLogView> entries = filter?.OldestFirst == true ? [.. page.OrderBy(e => e.Sequence)] : [.. page.OrderByDescending(e => e.Sequence)];
        // Going forward, a page was before this one when a cursor was followed; going back, there is a later one by construction.
        return backwards ? new AccessLogSlice(entries, HasNext: cursor is not null, HasPrevious: more) : new AccessLogSlice(entries, HasNext: more, HasPrevious: cursor is not null);
    }

    /// <summary>How many entries the log holds: its last sequence (the chain numbers them from 1 without gaps), read from the key's end.</summary>
    public async Task<long> LogSizeAsync(CancellationToken ct) =>
        await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(ct);

    /// <summary>The parties to filter the log by: every party of the installation (not a scan of the log).</summary>
    public async Task<IReadOnlyList<string>> LogPartiesAsync(CancellationToken ct) =>
        await db.Parties.AsNoTracking().Select(p => p.Name).OrderBy(p => p).ToListAsync(ct);
}
