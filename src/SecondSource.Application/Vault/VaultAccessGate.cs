using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>A revision a manufacturer's line may reach now, through which grant.</summary>
public sealed record GrantedRevision(VaultGrant Grant, Artifact Artifact, ArtifactRevision Revision);

/// <summary>
/// What a manufacturer may reach in the vault, decided in one place. Its grants and NDAs are read under its own party
/// filter; the domain rule (<see cref="VaultAccess.Decide"/>) keeps the grants that are live with a live NDA at this
/// instant; only then are those artifacts read past the buyer-only filter. Nothing else of the vault is reachable by a
/// manufacturer. The buyer and the system are not gated (they see the whole vault).
/// </summary>
public sealed class VaultAccessGate(SecondSourceDbContext db, IPartyContext party, TimeProvider clock)
{
    /// <summary>True for a manufacturer's person or machine: the gate decides what it may reach.</summary>
    public bool IsGated => party.Scope.IsRestricted;

    /// <summary>The caller's party scope.</summary>
    public PartyScope Scope => party.Scope;

    /// <summary>Every revision the calling manufacturer may reach now (optionally of one product), one per live grant.</summary>
    public async Task<IReadOnlyList<GrantedRevision>> GrantedAsync(Guid? productId, CancellationToken ct)
    {
        var scope = party.Scope;
        if (!scope.IsRestricted)
        {
            throw new InvalidOperationException("The vault gate decides for manufacturers only.");
        }

        var now = clock.GetUtcNow();
        var grants = await db.VaultGrants.AsNoTracking().Where(g => g.PartyId == scope.PartyId && g.RevokedAt == null).ToListAsync(ct);
        var ndas = await db.Ndas.AsNoTracking().Where(n => n.PartyId == scope.PartyId).ToListAsync(ct);
        var live = grants.Where(g => VaultAccess.Decide(g, ndas, now) == AccessVerdict.Allowed).ToList();
        if (live.Count == 0)
        {
            return [];
        }

        var ids = live.Select(g => g.ArtifactId).Distinct().ToList();
        var artifacts = await db.Artifacts.IgnoreQueryFilters().AsNoTracking().Include(a => a.Revisions)
            .Where(a => ids.Contains(a.Id) && (productId == null || a.ProductId == productId)).ToDictionaryAsync(a => a.Id, ct);
        var granted = new List<GrantedRevision>();
        foreach (var grant in live)
        {
            if (!artifacts.TryGetValue(grant.ArtifactId, out var artifact) || artifact.Latest is not { } latest)
            {
                continue;
            }

            var revision = artifact.Revisions.FirstOrDefault(r => grant.Covers(r, latest.Number));
            if (revision is not null)
            {
                granted.Add(new GrantedRevision(grant, artifact, revision));
            }
        }

        return granted;
    }

    /// <summary>The grant through which the calling manufacturer may reach <paramref name="revisionId"/> now, or null.</summary>
    public async Task<GrantedRevision?> FindAsync(Guid revisionId, Guid? lineId, CancellationToken ct) =>
        (await GrantedAsync(null, ct)).FirstOrDefault(g => g.Revision.Id == revisionId && (lineId is null || g.Grant.LineId == lineId));
}
