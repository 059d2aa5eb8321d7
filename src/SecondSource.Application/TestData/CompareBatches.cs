using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Statistics;

namespace SecondSource.Application.TestData;

/// <summary>Two sets of batches of one product: A the reference, B the line judged against it; how many of the worst measurements to chart.</summary>
public sealed record CompareBatchesRequest(Guid ProductId, IReadOnlyList<Guid> BatchesA, IReadOnlyList<Guid> BatchesB, ComparisonPolicy Policy, int Charts = 0);

/// <summary>
/// Compares two sets of batches from their stored statistics alone (never a raw value): every measurement they share
/// (merged moments and sketches per side), first-pass yield from the units' first results, defect categories. The
/// party filter applies: a batch the caller cannot see is not found.
/// </summary>
public sealed class CompareBatchesHandler(SecondSourceDbContext db)
{
    public async Task<Result<LineComparisonReport>> HandleAsync(CompareBatchesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BatchesA.Count == 0 || request.BatchesB.Count == 0)
        {
            return Fail.Invalid("Choose at least one batch on each side.");
        }

        if (request.BatchesA.Intersect(request.BatchesB).Any())
        {
            return Fail.Invalid("A batch cannot be on both sides of a comparison.");
        }

        var ids = request.BatchesA.Concat(request.BatchesB).Distinct().ToList();
        var batches = await db.TestBatches.AsNoTracking().Where(b => ids.Contains(b.Id) && b.ProductId == request.ProductId).ToListAsync(ct);
        if (batches.Count != ids.Count)
        {
            return Fail.NotFound("A batch of that comparison does not exist for this product.");
        }

        try
        {
            var policy = request.Policy.Checked();
            var a = await SideAsync(request.BatchesA, ct);
            var b = await SideAsync(request.BatchesB, ct);
            var (onlyA, onlyB) = LineComparison.Unshared(a.Partitions, b.Partitions);
            string Names(IReadOnlyList<Guid> side) => string.Join(", ", batches.Where(x => side.Contains(x.Id)).OrderBy(x => x.StartedAt).Select(x => x.Name));
            var measurements = LineComparison.Compare(a.Partitions, b.Partitions, policy);
            return Result.Ok(new LineComparisonReport(
                Names(request.BatchesA), Names(request.BatchesB), policy, measurements, onlyA, onlyB,
                a.Units > 0 && b.Units > 0 ? YieldComparison.Of(a.Units, a.Passed, b.Units, b.Passed, policy.Alpha) : null,
                a.Defects.Count + b.Defects.Count > 0 ? DefectComparison.Of(a.Defects, b.Defects, policy.Alpha) : null)
            {
                Distributions = LineComparisonReport.DistributionsOf(a.Partitions, b.Partitions, measurements, request.Charts),
            });
        }
        catch (Domain.Common.DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    private async Task<(List<MeasurementPartition> Partitions, long Units, long Passed, Dictionary<string, long> Defects)> SideAsync(IReadOnlyList<Guid> batchIds, CancellationToken ct)
    {
        var statistics = await db.BatchStatistics.AsNoTracking().Where(s => batchIds.Contains(s.BatchId)).ToListAsync(ct);
        var partitions = statistics.Select(s => new MeasurementPartition(s.Name, s.Unit, s.Low, s.High, s.Moments, s.Quantiles())).ToList();
        // The batches' tallies as their imports kept them, not a count of every unit.
        var tallies = await db.TestBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).Select(b => new { b.UnitsTested, b.FirstPassUnits }).ToListAsync(ct);
        var units = new { Units = tallies.Sum(t => (long)t.UnitsTested), Passed = tallies.Sum(t => (long)t.FirstPassUnits) };
        var defects = await db.TestDefects.AsNoTracking().Where(d => batchIds.Contains(d.BatchId))
            .GroupBy(d => d.Category).Select(g => new { Category = g.Key, Count = g.LongCount() }).ToDictionaryAsync(x => x.Category, x => x.Count, StringComparer.Ordinal, ct);
        return (partitions, units.Units, units.Passed, defects);
    }
}
