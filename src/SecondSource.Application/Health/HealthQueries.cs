using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Avl;
using SecondSource.Application.Persistence;
using SecondSource.Application.Planning;
using SecondSource.Application.Provisioning;
using SecondSource.Application.Reviews;
using SecondSource.Application.TestData;
using SecondSource.Application.Vault;
using SecondSource.Domain.Health;
using SecondSource.Domain.Planning;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Health;

/// <summary>One program's scorecard: every check with its status, finding and evidence link.</summary>
/// <remarks><see cref="Warmth"/> is the second lines' warmth read on the way, so the dashboard shows it without reading it again;
/// <see cref="OverallAtLastReview"/> is the overall status the last frozen review recorded: the trend.</remarks>
public sealed record ProgramScorecard(Guid ProgramId, Guid ProductId, string ProductCode, string ProductName, IReadOnlyList<HealthCheck> Checks, IReadOnlyList<LineWarmth> Warmth,
    HealthStatus? OverallAtLastReview = null)
{
    public HealthStatus Overall => HealthRules.Overall(Checks);

    public int Count(HealthStatus status) => Checks.Count(c => c.Status == status);
}

/// <summary>
/// The program health scorecard (H1) for the buyer: the facts of each program gathered from the features that hold
/// them — AVL coverage snapshots, the allocation plan, the second lines' warmth and emergency shift, the vault's line
/// sync and fixtures, test-data reconciliation, key custody and releases — and judged by <see cref="HealthRules"/>.
/// </summary>
public sealed class HealthQueries(SecondSourceDbContext db, AvlQueries avl, Programs.ProgramFacts programFacts, VaultAccessQueries vault, TestDataQueries testData,
    ProvisioningQueries provisioning, ReviewQueries reviews, TimeProvider clock)
{
    /// <summary>Every program's scorecard, or one program's (by id or product code).</summary>
    public async Task<IReadOnlyList<ProgramScorecard>> ScorecardsAsync(string? program, CancellationToken ct)
    {
        var programs = await (from p in db.Programs.AsNoTracking()
                              join product in db.Products on p.ProductId equals product.Id
                              orderby product.Code
                              select new { p.Id, p.ProductId, product.Code, product.Name, Policy = p.AllocationPolicy }).ToListAsync(ct);
        var wanted = string.IsNullOrWhiteSpace(program) ? programs
            : programs.Where(p => p.Id.ToString() == program.Trim() || string.Equals(p.Code, program.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        // Counts only: the custody page's per-key token check is not needed here.
        var keys = await db.CustodyKeys.AsNoTracking().GroupBy(k => k.Purpose).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var warnings = await provisioning.FirmwareWarningsAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var scorecards = new List<ProgramScorecard>(wanted.Count);
        foreach (var p in wanted)
        {
            var (gathered, warmth) = await FactsAsync(p.ProductId, p.Policy ?? new SharePolicy(), today, ct);
            var review = await reviews.HealthAsync(p.Id, ct);
            var facts = gathered with
            {
                LastEndedQuarter = review.LastEnded,
                LastHeldReview = review.LastHeld,
                PersistentFindings = review.PersistentFindings,
                SigningKeysInCustody = keys.GetValueOrDefault(KeyPurpose.FirmwareSigning),
                DeviceCasInCustody = keys.GetValueOrDefault(KeyPurpose.DeviceCa),
                UnreleasedFirmwareVersions = warnings.Where(w => w.Product == p.Name).Select(w => w.Version).Distinct().Count(),
            };
            var evidence = new HealthEvidence($"/Products/Bom?id={p.ProductId}", $"/Programs/Details?id={p.Id}", $"/Vault/Lines?product={p.ProductId}",
                $"/TestData?product={p.ProductId}", $"/Vault/Fixtures?product={p.ProductId}", "/Provisioning", $"/Reviews?program={p.Id}");
            scorecards.Add(new ProgramScorecard(p.Id, p.ProductId, p.Code, p.Name, HealthRules.Evaluate(facts, evidence, today), warmth, review.OverallAtLastReview));
        }

        return scorecards;
    }

    private async Task<(HealthFacts Facts, IReadOnlyList<LineWarmth> Warmth)> FactsAsync(Guid productId, SharePolicy policy, DateOnly today, CancellationToken ct)
    {
        var coverage = (await avl.LatestCoverageAsync([productId], ct)).GetValueOrDefault(productId);
        var readiness = await programFacts.ShiftAsync(productId, ct);
        var secondLines = readiness.Select(r => r.Line.Id).ToHashSet();
        var share = await PlannedShareAsync(productId, secondLines, today, ct);
        var sync = await programFacts.SyncAsync(productId, ct);
        var primary = sync.FirstOrDefault(s => s.Line.Role == LineRole.Primary);
        var seconds = sync.Where(s => secondLines.Contains(s.Line.Id)).ToList();
        var reconciliation = await testData.ReconcileAsync(productId, ct);
        // Whether any unit was tested: one EXISTS, not the batch statistics the reconciliation already read.
        var hasTestData = await db.TestBatches.AsNoTracking().AnyAsync(b => b.ProductId == productId && db.TestUnits.Any(u => u.BatchId == b.Id), ct);
        var fixtures = await vault.FixturesAsync(productId, ct);
        var releases = await provisioning.ReleasesAsync(productId, ct);
        var lastDrill = readiness.Select(r => r.LastDrill).Where(d => d is not null).MaxBy(d => d!.HeldOn);
        var facts = new HealthFacts
        {
            CriticalLines = coverage?.CriticalLines,
            DualSourcedLines = coverage?.DualSourcedLines ?? 0,
            HasSecondLine = readiness.Count > 0,
            SecondLineShare = share,
            BandLow = policy.SteadyMin,
            BandHigh = policy.SteadyMax,
            // The coldest second line decides: a program is as warm as its least exercised second line.
            WeeksSinceSecondLineBatch = readiness.Count == 0 || readiness.Any(r => r.Warmth.WeeksSince is null) ? null : readiness.Max(r => r.Warmth.WeeksSince),
            DocumentsBehind = seconds.Sum(s => s.Drifting),
            DocumentsMissingAtSecond = primary is null ? 0 : seconds.Sum(s => s.Items.Count(i =>
                i.Value.State is SyncState.NotGranted or SyncState.NotAcknowledged && primary.Items.TryGetValue(i.Key, out var p) && p.State is SyncState.Current or SyncState.Behind)),
            HasTestData = hasTestData,
            SerialsOnSeveralLines = reconciliation.SharedSerials,
            BatchCountMismatches = reconciliation.CountMismatches.Count,
            ShiftDocumented = readiness.Any(r => r.Plan is not null),
            LastDrillOn = lastDrill?.HeldOn,
            LastDrillPassed = lastDrill?.Passed,
            ShiftNotReady = [.. readiness.Where(r => r.Assessment is { Passes: false }).Select(r => (r.Line.Name, r.Assessment!.Unmet, r.Assessment.Criteria.Count))],
            FixturesReplicated = fixtures.Count(f => f.State == FixtureState.Replicated),
            FixturesDocumentedOnly = fixtures.Count(f => f.State == FixtureState.DocumentedOnly),
            FixturesPulled = fixtures.Count(f => f.State == FixtureState.Pulled),
            SignedReleases = releases.Count(r => r.SignedAt is not null),
        };
        return (facts, [.. readiness.Select(r => new LineWarmth(productId, r.Line, r.Warmth, r.RevisionItemsBehind))]);
    }

    /// <summary>The second lines' share of the units planned over the 13 weeks from this one; null without a plan.</summary>
    private async Task<double?> PlannedShareAsync(Guid productId, HashSet<Guid> secondLines, DateOnly today, CancellationToken ct)
    {
        var from = PlanWeeks.MondayOf(today);
        var to = from.AddDays(7 * 13);
        var planned = await db.PlannedWeeks.AsNoTracking().Where(w => w.ProductId == productId && w.Monday >= from && w.Monday < to)
            .Select(w => new { w.LineId, w.Units }).ToListAsync(ct);
        var total = planned.Sum(w => w.Units);
        return total == 0 ? null : (double)planned.Where(w => secondLines.Contains(w.LineId)).Sum(w => w.Units) / total;
    }
}
