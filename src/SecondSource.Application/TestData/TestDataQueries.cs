using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

/// <summary>A line as test data names it.</summary>
public sealed record LineRef(Guid Id, PartyId PartyId, string Name);

/// <summary>A batch with what its units' runs say: units tested, first-pass and final yield.</summary>
public sealed record BatchSummary(Guid Id, string Line, string Name, BatchKind Kind, int Quantity, DateTimeOffset StartedAt, int UnitsTested, int FirstPassPassed, int FinalPassed, long Runs, Guid LineId = default, DateTimeOffset? EndedAt = null)
{
    public double? FirstPassYield => UnitsTested == 0 ? null : (double)FirstPassPassed / UnitsTested;

    public double? FinalYield => UnitsTested == 0 ? null : (double)FinalPassed / UnitsTested;
}

/// <summary>One measurement of a run, in base units, with its limits and result.</summary>
public sealed record MeasurementValue(string Name, double Value, string Unit, double? Low, double? High, TestResult Result);

public sealed record RunTrace(Guid Id, string Station, string? TestPlan, DateTimeOffset Start, DateTimeOffset? End, TestResult Result, IReadOnlyList<MeasurementValue> Measurements);

public sealed record DefectView(string Category, string? Code, string? Designator, string? Description, DateTimeOffset At);

/// <summary>Everything known of a unit on one line: batch, firmware, every run with its values, defects.</summary>
public sealed record UnitTrace(string Serial, string Line, Guid BatchId, string Batch, BatchKind Kind, string? Firmware, int? PanelPosition, IReadOnlyList<RunTrace> Runs, IReadOnlyList<DefectView> Defects);

/// <summary>A batch's defects per category, most first.</summary>
public sealed record DefectCount(string Category, int Count);

/// <summary>
/// What does not add up across a product's test data: serials seen on two lines (the first <see cref="ListedSerials"/>
/// of <see cref="SharedSerials"/>, each with the lines it was tested on), batches whose tested count is not their quantity.
/// </summary>
public sealed record Reconciliation(IReadOnlyList<(string Serial, IReadOnlyList<string> Lines)> SerialsOnSeveralLines, IReadOnlyList<BatchSummary> CountMismatches, int SharedSerials)
{
    /// <summary>How many serials are listed with their lines at most.</summary>
    public const int ListedSerials = 200;

    /// <summary>How a line the viewer may not see is named in a projection.</summary>
    public const string AnotherLine = "another manufacturer's line";
}

/// <summary>
/// Lines, batches and batch statistics as the caller may see them (the party filter decides); the serials tested on
/// several lines are found once over the whole product and projected (ADR 0013).
/// </summary>
public sealed class TestDataQueries(SecondSourceDbContext db, IPartyContext party)
{
    public async Task<IReadOnlyList<LineRef>> LinesAsync(CancellationToken ct) =>
        (await (from l in db.Lines
                join p in db.Parties on l.PartyId equals p.Id
                select new { l.Id, l.PartyId, Line = l.Name, Party = p.Name }).ToListAsync(ct))
            .Select(l => new LineRef(l.Id, l.PartyId, $"{l.Party} / {l.Line}")).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();

    public Task<IReadOnlyList<BatchSummary>> BatchesAsync(Guid productId, CancellationToken ct) =>
        SummariesAsync(db.TestBatches.AsNoTracking().Where(b => b.ProductId == productId), ct);

    /// <summary>One batch the caller sees, summed up as the batches list sums it; null otherwise.</summary>
    public async Task<BatchSummary?> BatchAsync(Guid batchId, CancellationToken ct) =>
        (await SummariesAsync(db.TestBatches.AsNoTracking().Where(b => b.Id == batchId), ct)).SingleOrDefault();

    /// <summary>Batches with their tallies as the imports kept them (<see cref="TestBatch.UnitsTested"/>): no unit is read.</summary>
    private async Task<IReadOnlyList<BatchSummary>> SummariesAsync(IQueryable<TestBatch> query, CancellationToken ct)
    {
        var lines = (await LinesAsync(ct)).ToDictionary(l => l.Id, l => l.Name);
        var batches = await query.ToListAsync(ct);
        return batches.OrderBy(b => lines.GetValueOrDefault(b.LineId), StringComparer.Ordinal).ThenBy(b => b.StartedAt)
            .Select(b => new BatchSummary(b.Id, lines.GetValueOrDefault(b.LineId) ?? "(line)", b.Name, b.Kind, b.Quantity, b.StartedAt,
                b.UnitsTested, b.FirstPassUnits, b.FinalPassUnits, b.RunsRecorded, b.LineId, b.EndedAt))
            .ToList();
    }

    /// <summary>The names of the measurements in a product's batch statistics the caller sees.</summary>
    public async Task<IReadOnlyList<string>> MeasurementNamesAsync(Guid productId, CancellationToken ct) =>
        await (from s in db.BatchStatistics
               join b in db.TestBatches on s.BatchId equals b.Id
               where b.ProductId == productId
               select s.Name).Distinct().OrderBy(n => n).ToListAsync(ct);

    public async Task<IReadOnlyList<BatchMeasurementStatistic>> StatisticsAsync(Guid batchId, CancellationToken ct) =>
        await db.BatchStatistics.AsNoTracking().Where(s => s.BatchId == batchId).OrderBy(s => s.Name).ToListAsync(ct);

    /// <summary>The units with this serial number on the lines the caller sees (one per line), with every run and defect.</summary>
    public async Task<IReadOnlyList<UnitTrace>> UnitAsync(string serial, CancellationToken ct)
    {
        var text = (serial ?? "").Trim();
        var lines = (await LinesAsync(ct)).ToDictionary(l => l.Id, l => l.Name);
        var units = await (from u in db.TestUnits.AsNoTracking()
                           join b in db.TestBatches on u.BatchId equals b.Id
                           where u.Serial == text
                           select new { Unit = u, Batch = b }).ToListAsync(ct);
        var traces = new List<UnitTrace>();
        foreach (var found in units)
        {
            var runs = await db.TestRuns.AsNoTracking().Where(r => r.UnitId == found.Unit.Id).ToListAsync(ct);
            var setIds = runs.Select(r => r.SetId).Distinct().ToList();
            var sets = (await db.MeasurementSets.AsNoTracking().Where(m => setIds.Contains(m.Id)).ToListAsync(ct)).ToDictionary(m => m.Id, m => m.Definitions());
            var defects = await db.TestDefects.AsNoTracking().Where(d => d.UnitId == found.Unit.Id).ToListAsync(ct);
            traces.Add(new UnitTrace(found.Unit.Serial, lines.GetValueOrDefault(found.Unit.LineId) ?? "(line)", found.Batch.Id, found.Batch.Name, found.Batch.Kind, found.Unit.FirmwareVersion, found.Unit.PanelPosition,
                runs.OrderBy(r => r.StartedAt).Select(r =>
                {
                    var (values, results) = RunValues.Decode(r.Values);
                    var shape = sets[r.SetId];
                    return new RunTrace(r.Id, r.Station, r.TestPlan, r.StartedAt, r.EndedAt, r.Result,
                        shape.Select((d, i) => new MeasurementValue(d.Name, values[i], d.Unit, d.Low, d.High, results[i])).ToList());
                }).ToList(),
                defects.OrderBy(d => d.At).Select(d => new DefectView(d.Category, d.Code, d.Designator, d.Description, d.At)).ToList()));
        }

        return traces;
    }

    public async Task<IReadOnlyList<DefectCount>> DefectsAsync(Guid batchId, CancellationToken ct) =>
        (await db.TestDefects.AsNoTracking().Where(d => d.BatchId == batchId).GroupBy(d => d.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(d => d.Count).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => new DefectCount(d.Key, d.Count)).ToList();

    /// <summary>The product's test data that does not add up: the serials over the whole product, projected; the caller's batches.</summary>
    public async Task<Reconciliation> ReconcileAsync(Guid productId, CancellationToken ct) =>
        await ReconcileAsync(productId, await BatchesAsync(productId, ct), ct);

    /// <summary>
    /// The reconciliation with the caller's batches of the product already read (<see cref="BatchesAsync"/>). A serial
    /// on two lines is one fact about both: it is found over every line's units of the product (the system scope, as
    /// <c>ProgramFacts</c> reads), then a manufacturer is shown the serials its own lines tested, with its line named
    /// and every other line as <see cref="Reconciliation.AnotherLine"/> — never its name, units or numbers.
    /// </summary>
    public async Task<Reconciliation> ReconcileAsync(Guid productId, IReadOnlyList<BatchSummary> batches, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var viewer = party.Scope;
        var visible = (await LinesAsync(ct)).ToDictionary(l => l.Id, l => l.Name);
        var own = visible.Keys.ToList();
        int total;
        List<string> shared;
        List<(string Serial, Guid LineId)> pairs;
        using (party.BeginSystemScope())
        {
            var units = from u in db.TestUnits.AsNoTracking()
                        join b in db.TestBatches on u.BatchId equals b.Id
                        where b.ProductId == productId
                        select u;
            var groups = units.GroupBy(u => u.Serial).Where(g => g.Select(u => u.LineId).Distinct().Count() > 1);
            if (viewer.IsRestricted)
            {
                groups = groups.Where(g => g.Count(u => own.Contains(u.LineId)) > 0);
            }

            shared = await groups.Select(g => g.Key).OrderBy(s => s).Take(Reconciliation.ListedSerials).ToListAsync(ct);
            // Counted again over the product's units only when the list is full (almost never): one grouping otherwise.
            total = shared.Count < Reconciliation.ListedSerials ? shared.Count : await groups.CountAsync(ct);
            pairs = [.. (await units.Where(u => shared.Contains(u.Serial)).Select(u => new { u.Serial, u.LineId }).ToListAsync(ct)).Select(u => (u.Serial, u.LineId))];
        }

        var lines = pairs.GroupBy(p => p.Serial).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.LineId).Distinct()
            .Select(id => visible.GetValueOrDefault(id) ?? Reconciliation.AnotherLine).Order(StringComparer.Ordinal).ToList());
        return new Reconciliation(
            shared.Select(s => (s, lines.GetValueOrDefault(s) ?? [])).ToList(),
            batches.Where(b => b.UnitsTested != b.Quantity && b.UnitsTested > 0).ToList(),
            total);
    }
}
