using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Health;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

/// <summary>A review version in a list.</summary>
public sealed record ReviewSummary(Guid Id, Guid ProgramId, string ProductCode, string Quarter, int Version, bool Latest, DateTimeOffset GeneratedAt, string GeneratedBy,
    DateTimeOffset? HeldOn, bool Frozen, int Different, int Persistent);

/// <summary>An action on a finding as shown.</summary>
public sealed record ActionView(Guid Id, string Description, string Owner, DateOnly Due, ActionStatus Status, bool Overdue, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>A finding as of a quarter: its history (latest review version of each quarter), state, root cause and actions.</summary>
public sealed record FindingView(
    Guid Id, ReviewArea Area, string Title, Guid SecondLineId, string OpenedIn, IReadOnlyList<(string Quarter, ReviewVerdict Verdict)> History, FindingState State,
    RootCauseCategory? RootCauseCategory, string? RootCause, string? RootCauseEvidence, string? RootCauseOwner, DateTimeOffset? RootCauseAt,
    IReadOnlyList<ActionView> Actions);

/// <summary>The buyer's review pack: the version, its numbers as generated, the meeting, the findings as of its quarter.</summary>
public sealed record ReviewPack(QuarterlyReview Review, ReviewReport Report, IReadOnlyList<Attendee> Attendees, IReadOnlyList<FindingView> Findings,
    IReadOnlyList<ReviewSummary> Versions, IReadOnlyList<string> Organisations)
{
    public IReadOnlyList<FindingView> Persistent => [.. Findings.Where(f => f.State == FindingState.Persistent)];
}

/// <summary>A manufacturer's view of a review: its own lines' sections and the findings that concern them, nothing of the other line.</summary>
public sealed record LineReviewView(Guid ReviewId, IReadOnlyList<LineSectionReport> Sections, IReadOnlyList<FindingView> Findings);

/// <summary>What the scorecard takes from the reviews: the last quarter ended, the last one held, the persistent findings, the scorecard then.</summary>
public sealed record ReviewHealth(Quarter LastEnded, Quarter? LastHeld, int PersistentFindings, HealthStatus? OverallAtLastReview);

/// <summary>
/// Reads reviews. The buyer reads versions, packs and findings; a manufacturer reads only its own lines' sections and,
/// past the buyer-only filter, the findings on those lines — their titles, states, root causes and actions, which
/// name no number of either line.
/// </summary>
public sealed class ReviewQueries(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReviewSummary>> ListAsync(Guid? programId, CancellationToken ct)
    {
        var rows = await (from r in db.QuarterlyReviews.AsNoTracking()
                          join p in db.Programs on r.ProgramId equals p.Id
                          join product in db.Products on p.ProductId equals product.Id
                          where programId == null || r.ProgramId == programId
                          select new { r.Id, r.ProgramId, product.Code, r.Quarter, r.Version, r.GeneratedAt, r.GeneratedBy, r.HeldOn, r.FrozenAt }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var different = await db.ReviewVerdicts.AsNoTracking().Where(v => ids.Contains(v.ReviewId) && v.Verdict == ReviewVerdict.Different)
            .GroupBy(v => v.ReviewId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var persistent = new Dictionary<Guid, int>();
        foreach (var program in rows.GroupBy(r => r.ProgramId))
        {
            foreach (var quarter in program.Select(r => r.Quarter).Distinct())
            {
                var count = (await FindingsAsync(program.Key, Quarter.Parse(quarter), null, ct)).Count(f => f.State == FindingState.Persistent);
                foreach (var r in program.Where(r => r.Quarter == quarter))
                {
                    persistent[r.Id] = count;
                }
            }
        }

        return [.. rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenByDescending(r => Quarter.Parse(r.Quarter)).ThenByDescending(r => r.Version)
            .Select(r => new ReviewSummary(r.Id, r.ProgramId, r.Code, r.Quarter, r.Version, !rows.Any(o => o.ProgramId == r.ProgramId && o.Quarter == r.Quarter && o.Version > r.Version),
                r.GeneratedAt, r.GeneratedBy, r.HeldOn, r.FrozenAt is not null, different.GetValueOrDefault(r.Id), persistent.GetValueOrDefault(r.Id)))];
    }

    public async Task<ReviewPack?> PackAsync(Guid reviewId, CancellationToken ct)
    {
        var review = await db.QuarterlyReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null)
        {
            return null;
        }

        var lineIds = await db.ReviewLineSections.AsNoTracking().Where(s => s.ReviewId == reviewId).Select(s => s.LineId).ToListAsync(ct);
        var organisations = await (from line in db.Lines.AsNoTracking()
                                   join party in db.Parties on line.PartyId equals party.Id
                                   where lineIds.Contains(line.Id)
                                   select party.Name).Distinct().ToListAsync(ct);
        var versions = (await ListAsync(review.ProgramId, ct)).Where(v => v.Quarter == review.Quarter).ToList();
        return new ReviewPack(review, ReviewJson.Read<ReviewReport>(review.Content), ReviewJson.Read<List<Attendee>>(review.Attendees),
            await FindingsAsync(review.ProgramId, review.QuarterValue, null, ct), versions, organisations);
    }

    /// <summary>A manufacturer's view; null when it holds no section of that review.</summary>
    public async Task<LineReviewView?> LineViewAsync(Guid reviewId, CancellationToken ct)
    {
        var sections = (await db.ReviewLineSections.AsNoTracking().Where(s => s.ReviewId == reviewId).Select(s => s.Content).ToListAsync(ct))
            .Select(ReviewJson.Read<LineSectionReport>).OrderBy(s => s.Line, StringComparer.Ordinal).ToList();
        if (sections.Count == 0)
        {
            return null;
        }

        var ownLines = sections.Select(s => s.LineId).ToHashSet();
        // Past the buyer-only filter: the program of this review, and only findings on the manufacturer's own lines.
        var programId = await db.QuarterlyReviews.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking()
            .Where(r => r.Id == reviewId).Select(r => r.ProgramId).SingleAsync(ct);
        return new LineReviewView(reviewId, sections, await FindingsAsync(programId, Quarter.Parse(sections[0].Quarter), ownLines, ct));
    }

    /// <summary>A manufacturer's reviews: the latest version of each quarter it holds a section of.</summary>
    public async Task<IReadOnlyList<(Guid ReviewId, LineSectionReport Section)>> LineSectionsAsync(CancellationToken ct)
    {
        var rows = await db.ReviewLineSections.AsNoTracking().Select(s => new { s.ReviewId, s.Content }).ToListAsync(ct);
        var sections = rows.Select(r => (r.ReviewId, Section: ReviewJson.Read<LineSectionReport>(r.Content))).ToList();
        return [.. sections.Where(s => !sections.Any(o => o.Section.LineId == s.Section.LineId && o.Section.ProductCode == s.Section.ProductCode
                && o.Section.Quarter == s.Section.Quarter && o.Section.Version > s.Section.Version))
            .OrderBy(s => s.Section.ProductCode, StringComparer.Ordinal).ThenByDescending(s => Quarter.Parse(s.Section.Quarter)).ThenBy(s => s.Section.Line, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A program's findings as of a quarter, each with its verdict in the latest review version of every quarter up to
    /// it. With <paramref name="onLines"/> (a manufacturer's lines) only findings on those lines, read past the
    /// buyer-only filter.
    /// </summary>
    public async Task<IReadOnlyList<FindingView>> FindingsAsync(Guid programId, Quarter asOf, IReadOnlySet<Guid>? onLines, CancellationToken ct)
    {
        var bypass = onLines is not null;
        var findingSet = bypass ? db.ReviewFindings.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]) : db.ReviewFindings;
        var findings = await findingSet.AsNoTracking().Include(f => f.Actions).Where(f => f.ProgramId == programId).ToListAsync(ct);
        if (onLines is not null)
        {
            findings = [.. findings.Where(f => onLines.Contains(f.PrimaryLineId) || onLines.Contains(f.SecondLineId))];
        }

        var reviewSet = bypass ? db.QuarterlyReviews.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]) : db.QuarterlyReviews;
        var reviews = (await reviewSet.AsNoTracking().Where(r => r.ProgramId == programId).Select(r => new { r.Id, r.Quarter, r.Version }).ToListAsync(ct))
            .Where(r => Quarter.Parse(r.Quarter) <= asOf).GroupBy(r => r.Quarter).Select(g => g.MaxBy(r => r.Version)!).ToList();
        var reviewIds = reviews.Select(r => r.Id).ToList();
        var verdictSet = bypass ? db.ReviewVerdicts.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]) : db.ReviewVerdicts;
        var verdicts = await verdictSet.AsNoTracking().Where(v => reviewIds.Contains(v.ReviewId)).Select(v => new { v.ReviewId, v.SecondLineId, v.Area, v.Verdict }).ToListAsync(ct);
        var quarterOf = reviews.ToDictionary(r => r.Id, r => Quarter.Parse(r.Quarter));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return [.. findings.Where(f => Quarter.Parse(f.OpenedIn) <= asOf).Select(f =>
        {
            var history = verdicts.Where(v => v.SecondLineId == f.SecondLineId && v.Area == f.Area)
                .ToDictionary(v => quarterOf[v.ReviewId], v => v.Verdict);
            return new FindingView(f.Id, f.Area, bypass ? ReviewRules.TitleForOneLine(f.Area) : f.Title, f.SecondLineId, f.OpenedIn,
                [.. history.OrderBy(h => h.Key).Select(h => (h.Key.ToString(), h.Value))], FindingRules.State(history, asOf, f.HasRootCause),
                f.RootCauseCategory, f.RootCause, f.RootCauseEvidence, f.RootCauseOwner, f.RootCauseAt,
                [.. f.Actions.OrderBy(a => a.Due).Select(a => new ActionView(a.Id, a.Description, a.Owner, a.Due, a.Status, a.IsOverdue(today), a.UpdatedAt, a.UpdatedBy))]);
        }).OrderBy(f => f.State).ThenBy(f => f.Area)];
    }

    public async Task<int> CalendarAsync(Guid programId, CancellationToken ct) =>
        await db.ReviewCalendars.AsNoTracking().Where(c => c.ProgramId == programId).Select(c => (int?)c.FiscalYearStartMonth).SingleOrDefaultAsync(ct) ?? 1;

    /// <summary>The reviews' part of a program's scorecard.</summary>
    public async Task<ReviewHealth> HealthAsync(Guid programId, CancellationToken ct)
    {
        var calendar = await CalendarAsync(programId, ct);
        var lastEnded = Quarter.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), calendar).Previous;
        // Versions first; the content (the whole report) of the latest frozen one only: this runs for every dashboard view.
        var frozen = await db.QuarterlyReviews.AsNoTracking().Where(r => r.ProgramId == programId && r.FrozenAt != null)
            .Select(r => new { r.Id, r.Quarter, r.Version }).ToListAsync(ct);
        if (frozen.Count == 0)
        {
            return new ReviewHealth(lastEnded, null, 0, null);
        }

        var held = frozen.Max(r => Quarter.Parse(r.Quarter));
        var latest = frozen.Where(r => Quarter.Parse(r.Quarter) == held).MaxBy(r => r.Version)!;
        var content = await db.QuarterlyReviews.AsNoTracking().Where(r => r.Id == latest.Id).Select(r => r.Content).SingleAsync(ct);
        var persistent = (await FindingsAsync(programId, held, null, ct)).Count(f => f.State == FindingState.Persistent);
        return new ReviewHealth(lastEnded, held, persistent, ReviewJson.Read<ReviewReport>(content).Scorecard?.Overall);
    }
}
