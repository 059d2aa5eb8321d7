using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Health;
using SecondSource.Application.Persistence;
using SecondSource.Application.TestData;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

/// <summary>A program (id or product code) and the quarter to review, e.g. 2026Q3.</summary>
public sealed record GenerateReviewRequest(string Program, string Quarter, string By);

/// <summary>
/// Generates a new version of a program's quarterly review: for the primary and each second line past candidacy, the
/// quarter's facts of both lines and every item judged by <see cref="ReviewRules"/> (test results through the
/// statistics engine on the quarter's batch statistics), the yield trend over the last four quarters, and the
/// scorecard as it stands. The numbers are stored with the version and never recomputed; each line's own numbers go to
/// a section its manufacturer can read. Each different item opens a finding (or adds to the one already open for
/// that area and line). The buyer's editors run it.
/// </summary>
public sealed class GenerateReviewHandler(SecondSourceDbContext db, VaultLines lines, ReviewFactsReader facts, CompareBatchesHandler compare,
    PilotQueries pilot, HealthQueries health, TimeProvider clock)
{
    public async Task<Result<QuarterlyReview>> HandleAsync(GenerateReviewRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = await ReviewPrograms.FindAsync(db, request.Program, ct);
        if (program is null)
        {
            return Fail.NotFound($"No program '{request.Program}' (give the product code or the program id).");
        }

        try
        {
            var quarter = Quarter.Parse(request.Quarter);
            var calendar = await db.ReviewCalendars.AsNoTracking().Where(c => c.ProgramId == program.Id).Select(c => (int?)c.FiscalYearStartMonth).SingleOrDefaultAsync(ct) ?? 1;
            var now = clock.GetUtcNow();
            var (start, _) = quarter.Period(calendar);
            if (start > DateOnly.FromDateTime(now.UtcDateTime))
            {
                return Fail.Invalid($"{quarter} ({quarter.Months(calendar)}) has not begun; a review looks back on a quarter that has.");
            }

            var productLines = await lines.OfProductAsync(program.ProductId, ct);
            var primary = productLines.FirstOrDefault(l => l.Role == LineRole.Primary);
            var seconds = productLines.Where(l => l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate).ToList();
            if (primary is null || seconds.Count == 0)
            {
                return Fail.Invalid($"{program.Code} has no second line past candidacy to compare with its primary.");
            }

            var released = await db.FirmwareReleases.AsNoTracking().Where(r => r.ProductId == program.ProductId).Select(r => r.Version).ToListAsync(ct);
            var policy = new ReviewPolicy();
            var comparisonPolicy = await pilot.PolicyAsync(program.ProductId, null, ct);
            var trendQuarters = new[] { quarter.Previous.Previous.Previous, quarter.Previous.Previous, quarter.Previous, quarter };
            var primaryBatches = await facts.BatchesAsync(program.ProductId, primary.Id, quarter, calendar, ct);
            var primaryFacts = await facts.FactsAsync(program.ProductId, primary.Id, primary.Name, [.. primaryBatches.Select(b => b.Id)], quarter, calendar, ct);
            var primaryTrend = await TrendAsync(program.ProductId, primary.Id, trendQuarters, calendar, ct);
            var pairs = new List<LinePairReport>();
            foreach (var second in seconds)
            {
                var secondBatches = await facts.BatchesAsync(program.ProductId, second.Id, quarter, calendar, ct);
                var secondFacts = await facts.FactsAsync(program.ProductId, second.Id, second.Name, [.. secondBatches.Select(b => b.Id)], quarter, calendar, ct);
                IReadOnlyList<Domain.Statistics.MeasurementComparison> measurements = [];
                if (primaryBatches.Count > 0 && secondBatches.Count > 0)
                {
                    var comparison = await compare.HandleAsync(new CompareBatchesRequest(program.ProductId, [.. primaryBatches.Select(b => b.Id)], [.. secondBatches.Select(b => b.Id)], comparisonPolicy), ct);
                    if (comparison.Failure is { } refused)
                    {
                        // The statistics engine refused the quarter's batches: say why rather than report "no shared measurement".
                        return Fail.Invalid($"The test results of {quarter} on {primary.Name} and {second.Name} cannot be compared: {refused.Message}");
                    }

                    measurements = comparison.Value!.Measurements;
                }

                var (compared, mismatches) = await facts.AvlAsync(program.ProductId, (primary.Id, primary.Name), (second.Id, second.Name), ct);
                ReviewItem[] items =
                [
                    ReviewRules.Yield(primaryFacts, secondFacts, firstPass: true, policy),
                    ReviewRules.Yield(primaryFacts, secondFacts, firstPass: false, policy),
                    ReviewRules.Defects(primaryFacts, secondFacts, policy),
                    ReviewRules.Cost(primaryFacts, secondFacts, policy),
                    ReviewRules.LeadTime(primaryFacts, secondFacts, policy),
                    ReviewRules.Avl(primary.Name, second.Name, compared, mismatches),
                    ReviewRules.Firmware(primaryFacts, secondFacts, released),
                    ReviewRules.TestResults(primary.Name, second.Name, measurements),
                ];
                pairs.Add(new LinePairReport(primary.Id, primary.Name, second.Id, second.Name, primaryFacts, secondFacts, items,
                    primaryTrend, await TrendAsync(program.ProductId, second.Id, trendQuarters, calendar, ct),
                    [.. primaryBatches.Select(b => b.Name)], [.. secondBatches.Select(b => b.Name)]));
            }

            var version = await db.QuarterlyReviews.Where(r => r.ProgramId == program.Id && r.Quarter == quarter.ToString()).MaxAsync(r => (int?)r.Version, ct) ?? 0;
            var scorecard = (await health.ScorecardsAsync(program.Id.ToString(), ct)).SingleOrDefault();
            var report = new ReviewReport(program.Code, program.Name, quarter.ToString(), quarter.Months(calendar), calendar, pairs,
                scorecard is null ? null : new ScorecardSnapshot(scorecard.Overall, scorecard.Checks));
            var review = QuarterlyReview.Generate(program.Id, program.ProductId, quarter, calendar, version + 1, ReviewJson.Write(report),
                pairs.SelectMany(p => p.Items.Select(i => (p.SecondLineId, i.Area, i.Verdict))), now, request.By);
            db.QuarterlyReviews.Add(review);
            foreach (var line in seconds.Prepend(primary))
            {
                var own = pairs.Where(p => p.PrimaryLineId == line.Id || p.SecondLineId == line.Id).ToList();
                var isPrimary = line.Id == primary.Id;
                var section = new LineSectionReport(program.Code, program.Name, quarter.ToString(), quarter.Months(calendar), version + 1, line.Id, line.Name,
                    isPrimary ? primaryFacts : own[0].Second,
                    [.. own.SelectMany(p => p.Items.Select(i => new LineSectionVerdict(i.Area, i.Verdict, i.Title)))],
                    isPrimary ? primaryTrend : own[0].SecondTrend,
                    isPrimary ? own[0].PrimaryBatches : own[0].SecondBatches);
                db.ReviewLineSections.Add(ReviewLineSection.Create(review.Id, line.Id, line.PartyId, ReviewJson.Write(section)));
            }

            await OpenFindingsAsync(program.Id, quarter, pairs, now, ct);
            await db.SaveChangesAsync(ct);
            return Result.Ok(review);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    private async Task<IReadOnlyList<YieldPoint>> TrendAsync(Guid productId, Guid lineId, IEnumerable<Quarter> quarters, int calendar, CancellationToken ct)
    {
        var points = new List<YieldPoint>();
        foreach (var q in quarters)
        {
            points.Add(await facts.YieldAsync(productId, lineId, q, calendar, ct));
        }

        return points;
    }

    private async Task OpenFindingsAsync(Guid programId, Quarter quarter, IReadOnlyList<LinePairReport> pairs, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.ReviewFindings.Where(f => f.ProgramId == programId).Select(f => new { f.SecondLineId, f.Area }).ToListAsync(ct);
        foreach (var pair in pairs)
        {
            foreach (var item in pair.Items.Where(i => i.Verdict == ReviewVerdict.Different && !open.Any(o => o.SecondLineId == pair.SecondLineId && o.Area == i.Area)))
            {
                db.ReviewFindings.Add(ReviewFinding.Open(programId, pair.PrimaryLineId, pair.SecondLineId, item.Area, item.Title, quarter, now));
            }
        }
    }
}
