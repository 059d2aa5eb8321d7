using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Avl;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;

namespace SecondSource.Application.Boms;

/// <summary>A stored revision: what was imported, and where it stands (a draft, or released: when, by whom, why).</summary>
public sealed record BomRevisionSummary(Guid Id, Guid ProductId, string Label, string FileName, string Sha256, string Format, DateTimeOffset ImportedAt, string ImportedBy, int Lines,
    BomRevisionState State, DateTimeOffset? ReleasedAt, string? ReleasedBy, string? ReleaseNote)
{
    public bool IsDraft => State == BomRevisionState.Draft;

    /// <summary>The product's current revision: the latest released one (<see cref="CurrentRevision"/>).</summary>
    public bool IsCurrent { get; init; }

    /// <summary>draft, current, or superseded (released, with a later release since).</summary>
    public string Status => IsDraft ? "draft" : IsCurrent ? "current" : "superseded";
}

public sealed record ProductRef(Guid Id, string Code, string Name);

public sealed record RevisionAudit(BomRevisionSummary Revision, IReadOnlyList<AuditedLine> Lines, AuditSummary Summary, IReadOnlyList<BuildLine> BuildLines);

/// <summary>
/// A product's BOM revisions and their audit, through the party filter (a manufacturer sees the products its lines
/// build). Drafts are the buyer's work in progress: a manufacturer sees released revisions only.
/// </summary>
public sealed class BomRevisionQueries(SecondSourceDbContext db, PartLibrary library, LibraryMakers makers, IPartyContext party)
{
    /// <summary>The revisions the caller may see: every one for the buyer and the system, released ones for a manufacturer.</summary>
    private IQueryable<BomRevision> Visible() =>
        party.Scope.IsRestricted ? db.BomRevisions.AsNoTracking().Where(r => r.State == BomRevisionState.Released) : db.BomRevisions.AsNoTracking();

    /// <summary>Every product the caller may see, by code.</summary>
    public async Task<IReadOnlyList<ProductRef>> ProductsAsync(CancellationToken ct) =>
        (await db.Products.AsNoTracking().Select(p => new ProductRef(p.Id, p.Code, p.Name)).ToListAsync(ct)).OrderBy(p => p.Code, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>A product by its id or its code (case-insensitive), as the caller may see it; null when there is no single one.</summary>
    public async Task<ProductRef?> FindProductAsync(string idOrCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(idOrCode);
        var products = db.Products.AsNoTracking();
        if (Guid.TryParse(idOrCode, out var id))
        {
            return await products.Where(p => p.Id == id).Select(p => new ProductRef(p.Id, p.Code, p.Name)).SingleOrDefaultAsync(ct);
        }

        // Codes are few and compared without case, which SQLite and PostgreSQL collations do differently: compare here.
        var all = await products.Select(p => new ProductRef(p.Id, p.Code, p.Name)).ToListAsync(ct);
        return all.Where(p => string.Equals(p.Code, idOrCode.Trim(), StringComparison.OrdinalIgnoreCase)).ToList() is [var only] ? only : null;
    }

    /// <summary>A product's revision by its label (case-insensitive) or id, with an error naming what exists when there is no single one.</summary>
    public async Task<Result<(ProductRef Product, BomRevisionSummary Revision)>> FindRevisionAsync(string product, string revision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var found = await FindProductAsync(product, ct);
        if (found is null)
        {
            return Fail.NotFound($"There is no single product '{product}'.");
        }

        var revisions = await ListAsync(found.Id, ct);
        var matching = Guid.TryParse(revision, out var id)
            ? revisions.Where(r => r.Id == id).ToList()
            : revisions.Where(r => string.Equals(r.Label, revision.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return matching.Count switch
        {
            0 => Fail.NotFound($"{found.Code} has no BOM revision '{revision}'" +
                (revisions.Count == 0 ? "; none has been imported." : $"; it has: {string.Join(", ", revisions.Select(r => r.Label))}.")),
            > 1 => Fail.Conflict($"{found.Code} has {matching.Count} revisions labelled '{revision}'; give the revision's id: {string.Join(", ", matching.Select(r => r.Id))}."),
            _ => Result.Ok((found, matching[0])),
        };
    }

    /// <summary>A product's revisions the caller may see, newest import first, the current one marked.</summary>
    public async Task<IReadOnlyList<BomRevisionSummary>> ListAsync(Guid productId, CancellationToken ct)
    {
        var current = await CurrentIdAsync(productId, ct);
        var all = await Visible().Where(r => r.ProductId == productId)
            .OrderByDescending(r => r.ImportedAt)
            .Select(r => new BomRevisionSummary(r.Id, r.ProductId, r.Label, r.FileName, r.Sha256, r.Format, r.ImportedAt, r.ImportedBy, r.LineCount,
                r.State, r.ReleasedAt, r.ReleasedBy, r.ReleaseNote))
            .ToListAsync(ct);
        return [.. all.Select(r => r with { IsCurrent = r.Id == current })];
    }

    /// <summary>The product's current revision's id: the latest released one; null before any release.</summary>
    public async Task<Guid?> CurrentIdAsync(Guid productId, CancellationToken ct) =>
        await db.BomRevisions.AsNoTracking().CurrentOf(productId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The revision's lines through the dual-AVL audit against the library: the same engine and policy as the file
    /// audit, with sources judged by qualification and each building line's acceptance. Makers are recognised now, by
    /// the catalogue and the library (<see cref="LibraryMakers"/>), not as the file's import recognised them: a name
    /// confirmed since counts, and a revision stored by an older reading cannot claim a maker nobody confirmed.
    /// </summary>
    public async Task<RevisionAudit?> AuditAsync(Guid revisionId, CriticalityPolicy policy, CancellationToken ct)
    {
        var revision = await Visible()
            .Include(r => r.Lines).ThenInclude(l => l.Sources)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == revisionId, ct);
        if (revision is null)
        {
            return null;
        }

        var sourcing = await library.ForRevisionAsync(revision.ProductId, revision.Id, ct);
        var catalog = await makers.CatalogAsync(ct);
        var auditor = new BomAuditor(policy, sourcing);
        var lines = revision.Lines.OrderBy(l => l.Position).Select(l => auditor.Audit(LibraryMakers.Recognised(l.ToBomLine(), catalog))).ToList();
        return new RevisionAudit(
            new BomRevisionSummary(revision.Id, revision.ProductId, revision.Label, revision.FileName, revision.Sha256, revision.Format, revision.ImportedAt, revision.ImportedBy, revision.Lines.Count,
                revision.State, revision.ReleasedAt, revision.ReleasedBy, revision.ReleaseNote) { IsCurrent = await CurrentIdAsync(revision.ProductId, ct) == revision.Id },
            lines,
            auditor.Summary,
            sourcing.Lines);
    }
}
