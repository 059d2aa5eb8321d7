using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Boms;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;

namespace SecondSource.Application.Avl;

/// <summary>
/// Records the coverage trend: after a library change, audits the latest revision of each product the change touches
/// and stores a snapshot (overall and per line) where the figures moved. The audit must see every line's
/// acceptances even when a manufacturer's user made the change, so it runs in the system scope; what it writes is
/// party-owned (per-line snapshots by the line's manufacturer), so nobody reads more than before.
/// </summary>
public sealed class CoverageRecorder(SecondSourceDbContext db, IPartyContext partyContext, BomRevisionQueries revisions, PartLibrary library, TimeProvider clock)
{
    public async Task RecordForPartAsync(Guid partId, CancellationToken ct)
    {
        List<Guid> products;
        using (partyContext.BeginSystemScope())
        {
            products = await db.BomRevisionLines.Where(l => l.PartId == partId)
                .Join(db.BomRevisions, l => l.RevisionId, r => r.Id, (_, r) => r.ProductId).Distinct().ToListAsync(ct);
        }

        await RecordAsync(products, null, ct);
    }

    /// <summary>Snapshots the products' coverage now (or at <paramref name="at"/>, for the demo's history).</summary>
    public async Task RecordAsync(IReadOnlyCollection<Guid> productIds, DateTimeOffset? at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        using var system = partyContext.BeginSystemScope();
        var when = at ?? clock.GetUtcNow();
        var buyer = await library.BuyerAsync(ct);
        foreach (var productId in productIds)
        {
            var latest = await db.BomRevisions.CurrentOf(productId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (latest is not { } revisionId || await revisions.AuditAsync(revisionId, CriticalityPolicy.Default, ct) is not { } audit)
            {
                continue;
            }

            var owners = await db.Lines.Where(l => audit.BuildLines.Select(b => b.Id).Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.PartyId, ct);
            var snapshots = new List<CoverageSnapshot> { CoverageSnapshot.Take(buyer, productId, revisionId, null, when, audit.Summary.CriticalLines, audit.Summary.DualSourcedCriticalLines) };
            snapshots.AddRange(audit.BuildLines.Select(line => CoverageSnapshot.Take(owners[line.Id], productId, revisionId, line.Id, when,
                audit.Summary.CriticalLines, audit.Summary.DualSourcedCriticalLinesOn(line.Id))));
            foreach (var snapshot in snapshots)
            {
                var previous = await db.CoverageSnapshots.Where(s => s.ProductId == productId && s.LineId == snapshot.LineId)
                    .OrderByDescending(s => s.At).FirstOrDefaultAsync(ct);
                if (!snapshot.SameAs(previous))
                {
                    db.CoverageSnapshots.Add(snapshot);
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
