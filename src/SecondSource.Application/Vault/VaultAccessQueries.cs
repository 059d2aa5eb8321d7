using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record NdaView(Guid Id, PartyId PartyId, string Manufacturer, string Scope, DateOnly SignedOn, DateOnly ExpiresOn, string DocumentName, string DocumentSha256, bool Live, int DaysLeft, string RecordedBy);

public sealed record GrantView(Guid Id, ArtifactKind Kind, string Artifact, Guid LineId, string Line, int? PinnedRevision, DateTimeOffset From, DateTimeOffset Until, string GrantedBy, DateTimeOffset? RevokedAt, string? RevokeReason, AccessVerdict Verdict)
{
    /// <summary>The effective end of a grant giving access now: the earlier of the grant's and the NDA's.</summary>
    public AccessEnd? Ends { get; init; }
}

/// <summary>One line's sync on every checklist item, and its fixtures' warnings.</summary>
public sealed record LineSyncView(VaultLine Line, IReadOnlyDictionary<ArtifactKind, SyncStatus> Items, NdaView? Nda)
{
    public int Drifting => Items.Values.Count(s => s.State == SyncState.Behind);
}

public sealed record FixtureView(Guid Id, Guid LineId, string Line, string Name, FixtureState State, string? PhysicalId, DateOnly? LastVerifiedOn, string? Note, DateTimeOffset UpdatedAt, string UpdatedBy, string? Warning);

public sealed record NotificationView(Guid Id, string Line, string Message, DateTimeOffset CreatedAt, bool Read);

/// <summary>NDAs, grants, the per-line sync (completeness and drift) view, fixtures and notifications, as the caller may see them.</summary>
public sealed class VaultAccessQueries(SecondSourceDbContext db, VaultLines lines, TimeProvider clock)
{
    public async Task<IReadOnlyList<NdaView>> NdasAsync(CancellationToken ct) => Views(await NdaRowsAsync(ct));

    /// <summary>The NDAs the caller sees, with their manufacturer's name.</summary>
    private async Task<IReadOnlyList<(Nda Nda, string Party)>> NdaRowsAsync(CancellationToken ct) =>
        (await (from n in db.Ndas.AsNoTracking()
                join p in db.Parties on n.PartyId equals p.Id
                select new { Nda = n, Party = p.Name }).ToListAsync(ct)).Select(r => (r.Nda, r.Party)).ToList();

    private List<NdaView> Views(IReadOnlyList<(Nda Nda, string Party)> rows)
    {
        var now = clock.GetUtcNow();
        return rows.OrderBy(r => r.Party, StringComparer.Ordinal).ThenByDescending(r => r.Nda.ExpiresOn)
            .Select(r => new NdaView(r.Nda.Id, r.Nda.PartyId, r.Party, r.Nda.Scope, r.Nda.SignedOn, r.Nda.ExpiresOn, r.Nda.DocumentName, r.Nda.DocumentSha256, r.Nda.IsLiveAt(now), r.Nda.DaysLeftAt(now), r.Nda.RecordedBy))
            .ToList();
    }

    public async Task<IReadOnlyList<GrantView>> GrantsAsync(Guid productId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var names = (await lines.OfProductAsync(productId, ct)).ToDictionary(l => l.Id, l => l.Name);
        var rows = await (from g in db.VaultGrants.AsNoTracking()
                          join a in db.Artifacts on g.ArtifactId equals a.Id
                          join r in db.ArtifactRevisions on g.PinnedRevisionId equals r.Id into pinned
                          from r in pinned.DefaultIfEmpty()
                          where a.ProductId == productId
                          select new { Grant = g, a.Kind, a.Title, Pinned = r != null ? (int?)r.Number : null }).ToListAsync(ct);
        var ndas = await db.Ndas.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.Kind).ThenBy(r => names.GetValueOrDefault(r.Grant.LineId), StringComparer.Ordinal).ThenByDescending(r => r.Grant.GrantedAt)
            .Select(r => new GrantView(r.Grant.Id, r.Kind, r.Title, r.Grant.LineId, names.GetValueOrDefault(r.Grant.LineId) ?? "(line)", r.Pinned, r.Grant.From, r.Grant.Until, r.Grant.GrantedBy,
                r.Grant.RevokedAt, r.Grant.RevokeReason, VaultAccess.Decide(r.Grant, ndas, now)) { Ends = VaultAccess.EffectiveEnd(r.Grant, ndas, now) })
            .ToList();
    }

    /// <summary>
    /// The completeness and drift view of a product's package per line: each checklist item missing, not granted,
    /// granted but not acknowledged, behind (with how long), or current.
    /// </summary>
    public async Task<IReadOnlyList<LineSyncView>> SyncAsync(Guid productId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var productLines = await lines.OfProductAsync(productId, ct);
        var artifacts = await db.Artifacts.AsNoTracking().Include(a => a.Revisions).Where(a => a.ProductId == productId).ToListAsync(ct);
        var artifactIds = artifacts.Select(a => a.Id).ToList();
        var grants = await db.VaultGrants.AsNoTracking().Where(g => artifactIds.Contains(g.ArtifactId) && g.RevokedAt == null).ToListAsync(ct);
        var ndaRows = await NdaRowsAsync(ct);
        var ndas = ndaRows.Select(r => r.Nda).ToList();
        var ndaViews = Views(ndaRows);
        var acknowledged = (await db.Acknowledgements.AsNoTracking().Where(a => artifactIds.Contains(a.ArtifactId))
                .Select(a => new { a.LineId, a.ArtifactId, a.RevisionNumber, a.At }).ToListAsync(ct))
            // The latest acknowledgement; at the same instant, the higher revision (a line moving forward twice in one step).
            .GroupBy(a => (a.LineId, a.ArtifactId)).ToDictionary(g => g.Key, g => g.OrderBy(a => a.At).ThenBy(a => a.RevisionNumber).Last().RevisionNumber);
        return productLines.Select(line =>
        {
            var items = ArtifactKinds.Checklist.ToDictionary(kind => kind, kind =>
            {
                var artifact = artifacts.FirstOrDefault(a => a.Kind == kind);
                if (artifact is null)
                {
                    return LineSync.Judge([], false, null, now);
                }

                var granted = grants.Any(g => g.ArtifactId == artifact.Id && g.LineId == line.Id && VaultAccess.Decide(g, ndas, now) == AccessVerdict.Allowed);
                int? ack = acknowledged.TryGetValue((line.Id, artifact.Id), out var n) ? n : null;
                return LineSync.Judge(artifact.Revisions.Select(r => (r.Number, r.UploadedAt)).ToList(), granted, ack, now);
            });
            var nda = ndaViews.Where(v => v.PartyId == line.PartyId).OrderByDescending(v => v.Live).ThenByDescending(v => v.ExpiresOn).FirstOrDefault();
            return new LineSyncView(line, items, nda);
        }).ToList();
    }

    public async Task<IReadOnlyList<FixtureView>> FixturesAsync(Guid productId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var names = (await lines.OfProductAsync(productId, ct)).ToDictionary(l => l.Id, l => l.Name);
        var fixtures = await db.Fixtures.AsNoTracking().Where(f => f.ProductId == productId).ToListAsync(ct);
        return fixtures.OrderBy(f => names.GetValueOrDefault(f.LineId), StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new FixtureView(f.Id, f.LineId, names.GetValueOrDefault(f.LineId) ?? "(line)", f.Name, f.State, f.PhysicalId, f.LastVerifiedOn, f.Note, f.UpdatedAt, f.UpdatedBy, f.WarningAt(now)))
            .ToList();
    }

    /// <summary>The caller's vault notifications, newest first (a manufacturer's own; the party filter decides).</summary>
    public async Task<IReadOnlyList<NotificationView>> NotificationsAsync(int take, CancellationToken ct)
    {
        var rows = await (from n in db.VaultNotifications.AsNoTracking()
                          join l in db.Lines on n.LineId equals l.Id
                          orderby n.CreatedAt descending
                          select new { n.Id, l.Name, n.Message, n.CreatedAt, n.ReadAt }).Take(take).ToListAsync(ct);
        return rows.Select(r => new NotificationView(r.Id, r.Name, r.Message, r.CreatedAt, r.ReadAt != null)).ToList();
    }
}
