using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

/// <summary>A line as test data names it.</summary>
public sealed record LineRef(Guid Id, PartyId PartyId, string Name);

/// <summary>A batch with what its units' runs say: units tested, first-pass and final yield.</summary>
public sealed record BatchSummary(Guid Id, string Line, string Name, BatchKind Kind, int Quantity, DateTimeOffset StartedAt, int UnitsTested, int FirstPassPassed, int FinalPassed, long Runs)
{
    public double? FirstPassYield => UnitsTested == 0 ? null : (double)FirstPassPassed / UnitsTested;

    public double? FinalYield => UnitsTested == 0 ? null : (double)FinalPassed / UnitsTested;
}

/// <summary>Lines, batches and batch statistics as the caller may see them (the party filter decides).</summary>
public sealed class TestDataQueries(SecondSourceDbContext db)
{
    public async Task<IReadOnlyList<LineRef>> LinesAsync(CancellationToken ct) =>
        (await (from l in db.Lines
                join p in db.Parties on l.PartyId equals p.Id
                select new { l.Id, l.PartyId, Line = l.Name, Party = p.Name }).ToListAsync(ct))
            .Select(l => new LineRef(l.Id, l.PartyId, $"{l.Party} / {l.Line}")).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<BatchSummary>> BatchesAsync(Guid productId, CancellationToken ct)
    {
        var lines = (await LinesAsync(ct)).ToDictionary(l => l.Id, l => l.Name);
        var batches = await db.TestBatches.AsNoTracking().Where(b => b.ProductId == productId).ToListAsync(ct);
        var ids = batches.Select(b => b.Id).ToList();
        var units = (await db.TestUnits.AsNoTracking().Where(u => ids.Contains(u.BatchId))
                .GroupBy(u => u.BatchId)
                .Select(g => new
                {
                    BatchId = g.Key,
                    Tested = g.Count(u => u.Runs > 0),
                    FirstPass = g.Count(u => u.Runs > 0 && u.FirstResult == TestResult.Passed),
                    Final = g.Count(u => u.Runs > 0 && u.LastResult == TestResult.Passed),
                    Runs = g.Sum(u => (long)u.Runs),
                }).ToListAsync(ct))
            .ToDictionary(u => u.BatchId);
        return batches.OrderBy(b => lines.GetValueOrDefault(b.LineId), StringComparer.Ordinal).ThenBy(b => b.StartedAt)
            .Select(b => units.TryGetValue(b.Id, out var u)
                ? new BatchSummary(b.Id, lines.GetValueOrDefault(b.LineId) ?? "(line)", b.Name, b.Kind, b.Quantity, b.StartedAt, u.Tested, u.FirstPass, u.Final, u.Runs)
                : new BatchSummary(b.Id, lines.GetValueOrDefault(b.LineId) ?? "(line)", b.Name, b.Kind, b.Quantity, b.StartedAt, 0, 0, 0, 0))
            .ToList();
    }

    public async Task<IReadOnlyList<BatchMeasurementStatistic>> StatisticsAsync(Guid batchId, CancellationToken ct) =>
        await db.BatchStatistics.AsNoTracking().Where(s => s.BatchId == batchId).OrderBy(s => s.Name).ToListAsync(ct);
}
