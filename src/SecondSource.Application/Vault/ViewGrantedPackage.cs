using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>A revision granted to a line: what it is, until when, and which revision the line last acknowledged.</summary>
/// <remarks><see cref="Ends"/> is the grant's effective end: the earlier of the grant's and the NDA's (<see cref="VaultAccess.EffectiveEnd"/>).</remarks>
public sealed record GrantedItem(ArtifactKind Kind, string Title, Guid RevisionId, int Number, string FileName, long Size, string Sha256, string? ChangeNote, DateTimeOffset UploadedAt, bool Pinned, DateTimeOffset Until, int? Acknowledged)
{
    public AccessEnd? Ends { get; init; }

    public bool IsCurrent => Acknowledged == Number;
}

/// <summary>What one line of the caller's may reach of a product's package.</summary>
public sealed record GrantedLine(Guid LineId, string Line, IReadOnlyList<GrantedItem> Items);

/// <summary>
/// A manufacturer's view of a product's transfer package: per own line, the revisions it may reach now and where its
/// acknowledgements stand. Each view is logged.
/// </summary>
public sealed class ViewGrantedPackageHandler(SecondSourceDbContext db, VaultAccessGate gate, VaultLines lines, AccessLogWriter log, TimeProvider clock)
{
    public async Task<IReadOnlyList<GrantedLine>> HandleAsync(Guid productId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var view = await ListAsync(productId, ct);
        await RecordViewAsync(productId, actor, view, ct);
        return view;
    }

    /// <summary>What the caller's lines may reach now, not logged: a host that keeps it in a read model logs each showing with <see cref="RecordViewAsync"/>.</summary>
    public async Task<IReadOnlyList<GrantedLine>> ListAsync(Guid productId, CancellationToken ct)
    {
        var ownLines = await lines.OfProductAsync(productId, ct);
        var granted = await gate.GrantedAsync(productId, ct);
        var lineIds = ownLines.Select(l => l.Id).ToList();
        var acknowledged = (await db.Acknowledgements.AsNoTracking().Where(a => lineIds.Contains(a.LineId))
                .Select(a => new { a.LineId, a.ArtifactId, a.RevisionNumber, a.At }).ToListAsync(ct))
            .GroupBy(a => (a.LineId, a.ArtifactId)).ToDictionary(g => g.Key, g => g.MaxBy(a => a.At)!.RevisionNumber);
        // The manufacturer's own NDAs (its filter): each grant's effective end is the earlier of the grant's and the NDA's.
        var ndas = await db.Ndas.AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        var view = ownLines.Select(line => new GrantedLine(line.Id, line.Name, granted.Where(g => g.Grant.LineId == line.Id)
            .OrderBy(g => g.Artifact.Kind).ThenBy(g => g.Revision.Number)
            .DistinctBy(g => g.Revision.Id)
            .Select(g => new GrantedItem(g.Artifact.Kind, g.Artifact.Title, g.Revision.Id, g.Revision.Number, g.Revision.FileName, g.Revision.Size, g.Revision.Sha256, g.Revision.ChangeNote,
                g.Revision.UploadedAt, g.Grant.PinnedRevisionId is not null, g.Grant.Until, acknowledged.TryGetValue((line.Id, g.Artifact.Id), out var n) ? n : null)
                { Ends = VaultAccess.EffectiveEnd(g.Grant, ndas, now) })
            .ToList())).ToList();
        return view;
    }

    /// <summary>Logs that <paramref name="actor"/> was shown <paramref name="view"/>: every showing is an access-log entry.</summary>
    public async Task RecordViewAsync(Guid productId, Actor actor, IReadOnlyList<GrantedLine> view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(view);
        await log.AppendAsync(AccessAction.View, actor, null, null, ct, $"package of product {productId:D}: {view.Sum(l => l.Items.Count)} granted revisions listed");
        await log.SaveAsync(ct);
    }
}
