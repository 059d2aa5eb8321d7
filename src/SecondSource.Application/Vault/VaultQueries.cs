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
    public async Task<(IReadOnlyList<AccessLogView> Entries, long Total)> LogAsync(int page, AccessLogFilter? filter, CancellationToken ct)
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

        var total = await log.LongCountAsync(ct);
        // The page first (by the chain's sequence, an index), then the artifact and revision names of its entries.
        var paged = (filter?.OldestFirst == true ? log.OrderBy(e => e.Sequence) : log.OrderByDescending(e => e.Sequence))
            .Skip(Math.Max(0, page - 1) * LogPageSize).Take(LogPageSize);
        var rows = await (from e in paged
                          join a in db.Artifacts on e.ArtifactId equals a.Id into artifacts
                          from a in artifacts.DefaultIfEmpty()
                          join r in db.ArtifactRevisions on e.RevisionId equals r.Id into revisions
                          from r in revisions.DefaultIfEmpty()
                          select new AccessLogView(e.Sequence, e.At, e.Action, e.Actor, e.Party, a != null ? a.Title : null, r != null ? r.Number : null, e.Sha256, e.ClientAddress, e.Detail))
            .ToListAsync(ct);
        IReadOnlyList<AccessLogView> entries = filter?.OldestFirst == true ? [.. rows.OrderBy(e => e.Sequence)] : [.. rows.OrderByDescending(e => e.Sequence)];
        return (entries, total);
    }

    /// <summary>The parties named in the log, for the filter.</summary>
    public async Task<IReadOnlyList<string>> LogPartiesAsync(CancellationToken ct) =>
        await db.AccessLog.Select(e => e.Party).Distinct().OrderBy(p => p).ToListAsync(ct);
}
