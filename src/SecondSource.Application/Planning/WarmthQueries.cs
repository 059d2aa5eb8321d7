using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.TestData;
using SecondSource.Application.Vault;
using SecondSource.Domain.Planning;
using SecondSource.Domain.Programs;
using SecondSource.Domain.TestData;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Planning;

/// <summary>A second line's warmth for one product, and how many package items it builds from an older revision of.</summary>
public sealed record LineWarmth(Guid ProductId, VaultLine Line, WarmthAssessment Warmth, int RevisionItemsBehind);

/// <summary>
/// The warmth of each product's second lines past candidacy, today: from the batches the line built (units tested from
/// the test data; a batch counts on the day it ended, else started) and the decay signals the caller may see — test
/// fixtures only documented or pulled, vault items the line builds from an older revision of (firmware first), and
/// operator training on the product missing or lapsed. A qualifying batch is one of at least the program's minimum warm
/// batch (its allocation policy; 50 units by default): one definition for the program page, the plan and the health check.
/// Read through <see cref="Programs.ProgramFacts"/>, which computes it over the whole program and projects it per viewer.
/// </summary>
public sealed class WarmthQueries(SecondSourceDbContext db, VaultLines lines, TestDataQueries testData, VaultAccessQueries vault, TimeProvider clock)
{
    public async Task<IReadOnlyList<LineWarmth>> OfProductAsync(Guid productId, CancellationToken ct)
    {
        var programPolicy = await db.Programs.AsNoTracking().Where(p => p.ProductId == productId).Select(p => p.AllocationPolicy).FirstOrDefaultAsync(ct);
        var policy = Programs.ProgramWarmthPolicy.For(programPolicy);
        var second = (await lines.OfProductAsync(productId, ct)).Where(l => l.Role == LineRole.SecondSource && l.Stage is not (LineStage.Candidate or LineStage.Suspended)).ToList();
        if (second.Count == 0)
        {
            return [];
        }

        var batches = await testData.BatchesAsync(productId, ct);
        var fixtures = await vault.FixturesAsync(productId, ct);
        var sync = await vault.SyncAsync(productId, ct);
        var training = await db.OperatorTrainings.AsNoTracking().Where(t => t.ProductId == productId).Select(t => new { t.LineId, t.Operator, t.TrainedOn }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return [.. second.Select(line =>
        {
            var built = batches.Where(b => b.LineId == line.Id && b.Kind != BatchKind.Golden)
                .Select(b => new BuiltBatch(b.Name, DateOnly.FromDateTime((b.EndedAt ?? b.StartedAt).UtcDateTime), b.UnitsTested));
            var behind = sync.Where(s => s.Line.Id == line.Id).SelectMany(s => s.Items.Where(i => i.Value.State == SyncState.Behind))
                .OrderBy(i => i.Key != ArtifactKind.FirmwareBinary).ToList();
            var signals = fixtures.Where(f => f.LineId == line.Id && f.State != FixtureState.Replicated)
                .Select(f => $"fixture {f.Name}: {(f.State == FixtureState.DocumentedOnly ? "documented only, no physical copy" : "pulled")}")
                .Concat(behind.Select(i => $"{ArtifactKinds.Name(i.Key)}: {i.Value.Describe()}"))
                .Concat(new[] { Warmth.TrainingSignal(training.Where(t => t.LineId == line.Id).Select(t => (t.Operator, t.TrainedOn)), today, policy) }.OfType<string>());
            return new LineWarmth(productId, line, Warmth.Assess(built, today, policy, signals), behind.Count);
        })];
    }
}
