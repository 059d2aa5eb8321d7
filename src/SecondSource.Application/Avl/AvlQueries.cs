using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;

namespace SecondSource.Application.Avl;

public sealed record PartSummary(Guid Id, string Number, string? Description, bool? Critical, int Entries, int Qualified);

/// <summary>The columns the parts list sorts by.</summary>
public enum PartSort
{
    Number,
    Description,
    Sources,
    Qualified,
}

/// <summary>Which parts by criticality: all, marked critical, marked not critical, or left to the policy.</summary>
public enum PartCriticalFilter
{
    Any,
    Critical,
    NotCritical,
    ByPolicy,
}

/// <summary>What the parts list shows: the search, the filters, the sort and the page (1-based).</summary>
public sealed record PartListQuery(string? Search, int Page = 1, PartSort Sort = PartSort.Number, bool Descending = false,
    PartCriticalFilter Critical = PartCriticalFilter.Any, bool FewerThanTwoQualified = false);

public sealed record PartUse(Guid ProductId, string ProductCode, Guid RevisionId, string RevisionLabel, string Designators);

/// <summary>An evidence file as listed: download it by <see cref="Id"/>.</summary>
public sealed record AttachmentView(Guid Id, string FileName, long Size);

/// <summary>An evidence file to send: where its content is and what to call it.</summary>
public sealed record EvidenceDownload(string Sha256, string FileName, string MediaType);

public sealed record QualificationView(QualificationAspect Aspect, QualificationVerdict Verdict, QualificationMethod Method, string? Evidence, string? Justification, DateTimeOffset At, string By, bool Superseded)
{
    public IReadOnlyList<AttachmentView> Files { get; init; } = [];
}

public sealed record AcceptanceView(AcceptanceState State, string? Evidence, DateTimeOffset At, string By)
{
    public IReadOnlyList<AttachmentView> Files { get; init; } = [];
}

public sealed record AvlEntryView(
    Guid Id, string Manufacturer, string Mpn, AvlStatus Status, int Rank, Lifecycle? Lifecycle, int? LeadTimeWeeks, bool LeadTimeInternal,
    string? Notes, string? StatusReason, DateTimeOffset ProposedAt, string ProposedBy, IReadOnlyList<QualificationView> Qualifications,
    IReadOnlyDictionary<Guid, AcceptanceView> Acceptance)
{
    public QualificationView? Latest(QualificationAspect aspect) => Qualifications.LastOrDefault(q => q.Aspect == aspect && !q.Superseded);

    public AcceptanceState On(Guid lineId) => Acceptance.TryGetValue(lineId, out var a) ? a.State : AcceptanceState.Pending;
}

public sealed record EntryRef(Guid Id, Guid PartId, string PartNumber, string Manufacturer, string Mpn, AvlStatus Status)
{
    public AvlEntryDetails Details { get; init; } = new(1);
}

/// <summary>One point of a coverage trend: on every line (LineId null) or on one line.</summary>
public sealed record CoveragePoint(DateTimeOffset At, Guid? LineId, string Revision, int CriticalLines, int DualSourcedLines)
{
    public Guid ProductId { get; init; }

    public double Percent => CriticalLines == 0 ? 100 : 100.0 * DualSourcedLines / CriticalLines;
}

/// <summary>A source qualified for another part of the library that could serve this one, and why it is suggested.</summary>
public sealed record SuggestedAlternate(string Manufacturer, string Mpn, Guid FromPartId, string FromPartNumber, string Reason);

public sealed record ManufacturerView(Guid Id, string Name, IReadOnlyList<string> Aliases, int Sources);

public sealed record AvlChangeView(string Subject, string? Source, string Before, string After, DateTimeOffset At, string By);

public sealed record PartView(
    Guid Id, string Number, string? Description, string? Value, string? Package, bool? Critical, string? CriticalityReason,
    IReadOnlyList<PartUse> Uses, IReadOnlyList<BuildLine> Lines, IReadOnlyList<AvlEntryView> Entries, IReadOnlyList<AvlChangeView> Changes)
{
    /// <summary>Distinct manufacturers usable (qualified and accepted) on each line.</summary>
    public int UsableOn(Guid lineId) => Entries.Where(e => e.Status == AvlStatus.Qualified && e.On(lineId) == AcceptanceState.Accepted)
        .Select(e => e.Manufacturer).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>The library as pages and the CLI read it, through the party filter; internal lead times are hidden from manufacturers.</summary>
public sealed class AvlQueries(SecondSourceDbContext db, IPartyContext partyContext, PartLibrary library)
{
    public const int PageSize = 50;

    /// <summary>
    /// One page of the library's parts: found by part number or source MPN, narrowed to critical or single-qualified
    /// parts, sorted in the database by the column asked for (then by part number), fifty to a page.
    /// </summary>
    public async Task<(IReadOnlyList<PartSummary> Parts, int Total)> ListPartsAsync(PartListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = db.Parts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = Part.Normalize(query.Search);
            parts = parts.Where(p => p.Number.Contains(term) || db.AvlEntries.Any(e => e.PartId == p.Id && e.MpnKey.Contains(term)));
        }

        parts = query.Critical switch
        {
            PartCriticalFilter.Critical => parts.Where(p => p.Critical == true),
            PartCriticalFilter.NotCritical => parts.Where(p => p.Critical == false),
            PartCriticalFilter.ByPolicy => parts.Where(p => p.Critical == null),
            _ => parts,
        };
        if (query.FewerThanTwoQualified)
        {
            parts = parts.Where(p => db.AvlEntries.Count(e => e.PartId == p.Id && e.Status == AvlStatus.Qualified) < 2);
        }

        var total = await parts.CountAsync(ct);
        var rows = parts.Select(p => new
        {
            Part = p,
            Entries = db.AvlEntries.Count(e => e.PartId == p.Id),
            Qualified = db.AvlEntries.Count(e => e.PartId == p.Id && e.Status == AvlStatus.Qualified),
        });
        var sorted = (query.Sort, query.Descending) switch
        {
            (PartSort.Description, false) => rows.OrderBy(r => r.Part.Description).ThenBy(r => r.Part.Number),
            (PartSort.Description, true) => rows.OrderByDescending(r => r.Part.Description).ThenBy(r => r.Part.Number),
            (PartSort.Sources, false) => rows.OrderBy(r => r.Entries).ThenBy(r => r.Part.Number),
            (PartSort.Sources, true) => rows.OrderByDescending(r => r.Entries).ThenBy(r => r.Part.Number),
            (PartSort.Qualified, false) => rows.OrderBy(r => r.Qualified).ThenBy(r => r.Part.Number),
            (PartSort.Qualified, true) => rows.OrderByDescending(r => r.Qualified).ThenBy(r => r.Part.Number),
            (_, true) => rows.OrderByDescending(r => r.Part.Number),
            _ => rows.OrderBy(r => r.Part.Number),
        };
        var page = await sorted.Skip(Math.Max(0, query.Page - 1) * PageSize).Take(PageSize)
            .Select(r => new PartSummary(r.Part.Id, r.Part.Number, r.Part.Description, r.Part.Critical, r.Entries, r.Qualified))
            .ToListAsync(ct);
        return (page, total);
    }

    /// <summary>A product's coverage over time, oldest first, as the caller may see it (a manufacturer: its own line only).</summary>
    public async Task<(IReadOnlyList<BuildLine> Lines, IReadOnlyList<CoveragePoint> Points)> CoverageTrendAsync(Guid productId, CancellationToken ct)
    {
        var points = await (from s in db.CoverageSnapshots.AsNoTracking()
                            join r in db.BomRevisions on s.RevisionId equals r.Id
                            where s.ProductId == productId
                            orderby s.At
                            select new CoveragePoint(s.At, s.LineId, r.Label, s.CriticalLines, s.DualSourcedLines)).Take(2000).ToListAsync(ct);
        return (await library.BuildLinesAsync([productId], ct), points);
    }

    /// <summary>
    /// Alternates for a part (A8): sources already qualified in the library for other parts with the same value and
    /// package, or for parts that share one of this part's manufacturer part numbers, leaving out makers and part
    /// numbers this part's AVL already has. Read through the party filter.
    /// </summary>
    public async Task<IReadOnlyList<SuggestedAlternate>> SuggestAlternatesAsync(Guid partId, CancellationToken ct)
    {
        var part = await db.Parts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == partId, ct);
        if (part is null)
        {
            return [];
        }

        var own = await db.AvlEntries.AsNoTracking().Where(e => e.PartId == partId).Select(e => new { e.ManufacturerId, e.MpnKey }).ToListAsync(ct);
        var ownMpns = own.Select(o => o.MpnKey).ToList();
        var siblingsByMpn = db.AvlEntries.Where(e => e.PartId != partId && ownMpns.Contains(e.MpnKey)).Select(e => e.PartId);
        var candidates = await (from e in db.AvlEntries.AsNoTracking()
                                join p in db.Parts on e.PartId equals p.Id
                                join m in db.ComponentManufacturers on e.ManufacturerId equals m.Id
                                where e.PartId != partId && e.Status == AvlStatus.Qualified
                                    && ((part.Value != null && part.Package != null && p.Value == part.Value && p.Package == part.Package) || siblingsByMpn.Contains(p.Id))
                                orderby e.Rank
                                select new { e.ManufacturerId, e.MpnKey, Maker = m.Name, e.Mpn, p.Id, p.Number, SameValue = p.Value == part.Value && p.Package == part.Package })
            .Take(200).ToListAsync(ct);
        return candidates
            .Where(c => !own.Any(o => o.MpnKey == c.MpnKey) && !own.Any(o => o.ManufacturerId == c.ManufacturerId && o.MpnKey == c.MpnKey))
            .DistinctBy(c => (c.ManufacturerId, c.MpnKey))
            .Select(c => new SuggestedAlternate(c.Maker, c.Mpn, c.Id, c.Number,
                c.SameValue ? $"qualified for {c.Number}, same value {part.Value} and package {part.Package}" : $"qualified for {c.Number}, which shares a part number with this part"))
            .ToList();
    }

    /// <summary>An evidence file the caller may see (qualification evidence where the record is visible; a line's only to its manufacturer and the buyer).</summary>
    public async Task<EvidenceDownload?> EvidenceAsync(Guid id, CancellationToken ct) =>
        await db.QualificationEvidence.AsNoTracking().Where(f => f.Id == id).Select(f => new EvidenceDownload(f.Sha256, f.FileName, f.MediaType)).SingleOrDefaultAsync(ct)
        ?? await db.AcceptanceEvidence.AsNoTracking().Where(f => f.Id == id).Select(f => new EvidenceDownload(f.Sha256, f.FileName, f.MediaType)).SingleOrDefaultAsync(ct);

    /// <summary>The library's component manufacturers with their aliases and how many sources each makes (manufacturers are shared reference data).</summary>
    public async Task<IReadOnlyList<ManufacturerView>> ManufacturersAsync(CancellationToken ct) =>
        (await db.ComponentManufacturers.AsNoTracking().Include(m => m.Aliases).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, Aliases = m.Aliases.Select(a => a.Text).ToList(), Sources = db.AvlEntries.Count(e => e.ManufacturerId == m.Id) })
            .ToListAsync(ct))
        .Select(m => new ManufacturerView(m.Id, m.Name, m.Aliases.Order(StringComparer.OrdinalIgnoreCase).ToList(), m.Sources)).ToList();

    /// <summary>
    /// The latest coverage of each product as the caller may see it: on every line for the buyer, on its own line(s)
    /// for a manufacturer (the lowest, when it has several).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, CoveragePoint>> LatestCoverageAsync(IReadOnlyCollection<Guid> productIds, CancellationToken ct)
    {
        var restricted = partyContext.Scope.IsRestricted;
        var latest = await db.CoverageSnapshots.AsNoTracking()
            .Where(s => productIds.Contains(s.ProductId) && (restricted ? s.LineId != null : s.LineId == null))
            .Where(s => !db.CoverageSnapshots.Any(n => n.ProductId == s.ProductId && n.LineId == s.LineId && n.At > s.At))
            .Join(db.BomRevisions, s => s.RevisionId, r => r.Id, (s, r) => new CoveragePoint(s.At, s.LineId, r.Label, s.CriticalLines, s.DualSourcedLines) { ProductId = s.ProductId })
            .ToListAsync(ct);
        return latest.GroupBy(p => p.ProductId).ToDictionary(g => g.Key, g => g.MinBy(p => p.Percent)!);
    }

    public async Task<EntryRef?> EntryAsync(Guid id, CancellationToken ct) =>
        await (from e in db.AvlEntries.AsNoTracking()
               join p in db.Parts on e.PartId equals p.Id
               join m in db.ComponentManufacturers on e.ManufacturerId equals m.Id
               where e.Id == id
               select new EntryRef(e.Id, p.Id, p.Number, m.Name, e.Mpn, e.Status) { Details = new AvlEntryDetails(e.Rank, e.Lifecycle, e.LeadTimeWeeks, e.LeadTimeInternal, e.Notes) }).SingleOrDefaultAsync(ct);

    public async Task<PartView?> PartAsync(Guid id, CancellationToken ct)
    {
        var part = await db.Parts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (part is null)
        {
            return null;
        }

        var uses = await (from l in db.BomRevisionLines
                          join r in db.BomRevisions on l.RevisionId equals r.Id
                          join p in db.Products on r.ProductId equals p.Id
                          where l.PartId == id
                          orderby p.Code, r.ImportedAt descending
                          select new PartUse(p.Id, p.Code, r.Id, r.Label, l.Designators)).Take(200).ToListAsync(ct);
        var lines = await library.BuildLinesAsync(uses.Select(u => u.ProductId).Distinct().ToList(), ct);
        var restricted = partyContext.Scope.IsRestricted;
        var entries = await (from e in db.AvlEntries.AsNoTracking().Include(e => e.Qualifications)
                             join m in db.ComponentManufacturers on e.ManufacturerId equals m.Id
                             where e.PartId == id
                             select new { Entry = e, Maker = m.Name }).ToListAsync(ct);
        var entryIds = entries.Select(e => e.Entry.Id).ToList();
        var acceptances = (await db.LineAcceptances.AsNoTracking().Where(a => entryIds.Contains(a.EntryId)).ToListAsync(ct)).ToLookup(a => a.EntryId);
        var recordFiles = (await db.QualificationEvidence.AsNoTracking()
                .Where(f => db.QualificationRecords.Any(q => q.Id == f.RecordId && entryIds.Contains(q.EntryId))).OrderBy(f => f.At).ToListAsync(ct))
            .ToLookup(f => f.RecordId, f => new AttachmentView(f.Id, f.FileName, f.Size));
        var acceptanceFiles = (await db.AcceptanceEvidence.AsNoTracking()
                .Where(f => db.LineAcceptances.Any(a => a.Id == f.AcceptanceId && entryIds.Contains(a.EntryId))).OrderBy(f => f.At).ToListAsync(ct))
            .ToLookup(f => f.AcceptanceId, f => new AttachmentView(f.Id, f.FileName, f.Size));
        var views = entries
            .OrderBy(e => e.Entry.Status is AvlStatus.Rejected or AvlStatus.Retired).ThenBy(e => e.Entry.Rank).ThenBy(e => e.Entry.ProposedAt)
            .Select(x => new AvlEntryView(x.Entry.Id, x.Maker, x.Entry.Mpn, x.Entry.Status, x.Entry.Rank, x.Entry.Lifecycle,
                restricted && x.Entry.LeadTimeInternal ? null : x.Entry.LeadTimeWeeks, x.Entry.LeadTimeInternal, x.Entry.Notes, x.Entry.StatusReason,
                x.Entry.ProposedAt, x.Entry.ProposedBy,
                x.Entry.Qualifications.OrderBy(q => q.Sequence).Select(q => new QualificationView(q.Aspect, q.Verdict, q.Method, q.Evidence, q.Justification, q.At, q.By, q.Superseded) { Files = [.. recordFiles[q.Id]] }).ToList(),
                acceptances[x.Entry.Id].ToDictionary(a => a.LineId, a => new AcceptanceView(a.State, a.Evidence, a.At, a.By) { Files = [.. acceptanceFiles[a.Id]] })))
            .ToList();
        var names = entries.ToDictionary(e => e.Entry.Id, e => $"{e.Maker} {e.Entry.Mpn}");
        var changes = (await db.AvlChanges.AsNoTracking().Where(c => c.PartId == id).OrderByDescending(c => c.At).Take(100).ToListAsync(ct))
            .Select(c => new AvlChangeView(c.Subject, c.EntryId is { } e && names.TryGetValue(e, out var n) ? n : null, c.Before, c.After, c.At, c.By)).ToList();
        return new PartView(part.Id, part.Number, part.Description, part.Value, part.Package, part.Critical, part.CriticalityReason, uses, lines, views, changes);
    }
}
