using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Boms;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Reviews;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.Reviews;

/// <summary>
/// Reads one line's quarter from the stored data. A quarter's test data is that of the batches started in it (golden
/// batches excluded): their units' first and last results, their defects — as the tester recorded them, or, for a
/// batch whose tester records none (a long-CSV log), each out-of-limit measurement counted as one defect of that
/// measurement — and their measurements as the opportunities. Cost and lead time come from the quarter's orders
/// (quotes when there was no order).
/// </summary>
public sealed class ReviewFactsReader(SecondSourceDbContext db)
{
    internal const string OutOfLimits = "Out of limits: ";

    public static (DateTimeOffset Start, DateTimeOffset End) Instants(Quarter quarter, int fiscalStartMonth)
    {
        var (start, end) = quarter.Period(fiscalStartMonth);
        return (new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    /// <summary>The batches of a line started in the quarter, oldest first.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> BatchesAsync(Guid productId, Guid lineId, Quarter quarter, int fiscalStartMonth, CancellationToken ct)
    {
        var (start, end) = Instants(quarter, fiscalStartMonth);
        var rows = await db.TestBatches.AsNoTracking()
            .Where(b => b.ProductId == productId && b.LineId == lineId && b.Kind != BatchKind.Golden && b.StartedAt >= start && b.StartedAt < end)
            .Select(b => new { b.Id, b.Name, b.StartedAt }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.StartedAt).Select(r => (r.Id, r.Name))];
    }

    public async Task<YieldPoint> YieldAsync(Guid productId, Guid lineId, Quarter quarter, int fiscalStartMonth, CancellationToken ct)
    {
        var batches = (await BatchesAsync(productId, lineId, quarter, fiscalStartMonth, ct)).Select(b => b.Id).ToList();
        var counts = await UnitCountsAsync(batches, ct);
        return new YieldPoint(quarter.ToString(), counts.Units, counts.FirstPassed);
    }

    public async Task<LineQuarterFacts> FactsAsync(Guid productId, Guid lineId, string lineName, IReadOnlyList<Guid> batches, Quarter quarter, int fiscalStartMonth, CancellationToken ct)
    {
        var counts = await UnitCountsAsync(batches, ct);
        var recorded = await db.TestDefects.AsNoTracking().Where(d => batches.Contains(d.BatchId))
            .GroupBy(d => new { d.BatchId, Category = d.Code ?? d.Category }).Select(g => new { g.Key.BatchId, g.Key.Category, Count = g.LongCount() }).ToListAsync(ct);
        var statistics = await db.BatchStatistics.AsNoTracking().Where(s => batches.Contains(s.BatchId))
            .Select(s => new { s.BatchId, s.Name, s.Count, s.Failed }).ToListAsync(ct);
        var withDefects = recorded.Select(r => r.BatchId).ToHashSet();
        var categories = recorded.Select(r => (r.Category, r.Count))
            .Concat(statistics.Where(s => !withDefects.Contains(s.BatchId) && s.Failed > 0).Select(s => (OutOfLimits + s.Name, s.Failed)))
            .GroupBy(c => c.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Item2), StringComparer.Ordinal);
        var firmware = await db.TestUnits.AsNoTracking().Where(u => batches.Contains(u.BatchId) && u.Runs > 0 && u.FirmwareVersion != null)
            .GroupBy(u => u.FirmwareVersion!).Select(g => new { Version = g.Key, Units = g.LongCount() }).ToListAsync(ct);
        var current = await db.TestUnits.AsNoTracking().Where(u => batches.Contains(u.BatchId) && u.Runs > 0 && u.FirmwareVersion != null)
            .OrderByDescending(u => u.LastRunAt).Select(u => u.FirmwareVersion).FirstOrDefaultAsync(ct);

        var (from, to) = quarter.Period(fiscalStartMonth);
        var purchases = await db.PurchaseRecords.AsNoTracking().Where(p => p.ProductId == productId && p.LineId == lineId && p.On >= from && p.On < to).ToListAsync(ct);
        var orders = purchases.Where(p => p.Kind == PurchaseKind.Order).ToList();
        var priced = orders.Count > 0 ? orders : purchases;
        var currencies = priced.Select(p => p.Currency).Distinct(StringComparer.Ordinal).ToList();
        var delivered = orders.Where(o => o.DeliveredOn is not null).ToList();
        var timed = delivered.Count > 0 ? delivered : purchases.Where(p => p.Kind == PurchaseKind.Quote && p.QuotedLeadTimeDays is not null).ToList();
        return new LineQuarterFacts
        {
            Line = lineName,
            Units = counts.Units,
            FirstPassed = counts.FirstPassed,
            FinalPassed = counts.FinalPassed,
            Defects = categories.Values.Sum(),
            Opportunities = statistics.Sum(s => s.Count),
            DefectsByCategory = categories,
            // Prices in more than one currency are not averaged: the item says so.
            UnitCost = priced.Count == 0 || currencies.Count > 1 ? null
                : Math.Round(priced.Sum(p => p.UnitPrice * p.Quantity) / priced.Sum(p => p.Quantity), 4),
            Currency = currencies.Count == 1 ? currencies[0] : currencies.Count > 1 ? string.Join("/", currencies) : null,
            CostRecords = priced.Count,
            LeadTimeDays = timed.Count == 0 ? null : timed.Average(p => (double)p.LeadTimeDays!.Value),
            LeadTimeRecords = timed.Count,
            FirmwareInUse = firmware.ToDictionary(f => f.Version, f => f.Units, StringComparer.Ordinal),
            CurrentFirmware = current,
        };
    }

    /// <summary>Approved (qualified) sources of the parts of the product's latest BOM revision that one line accepts and the other does not.</summary>
    public async Task<(int Compared, IReadOnlyList<AvlMismatch> Mismatches)> AvlAsync(Guid productId, (Guid Id, string Name) a, (Guid Id, string Name) b, CancellationToken ct)
    {
        var revision = await db.BomRevisions.AsNoTracking().CurrentOf(productId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (revision is null)
        {
            return (0, []);
        }

        var entries = await (from line in db.BomRevisionLines.AsNoTracking()
                             where line.RevisionId == revision && line.PartId != null
                             join part in db.Parts on line.PartId equals part.Id
                             join entry in db.AvlEntries on part.Id equals entry.PartId
                             join maker in db.ComponentManufacturers on entry.ManufacturerId equals maker.Id
                             where entry.Status == AvlStatus.Qualified
                             select new { entry.Id, part.Number, Maker = maker.Name, entry.Mpn }).Distinct().ToListAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        var states = await db.LineAcceptances.AsNoTracking().Where(x => ids.Contains(x.EntryId) && (x.LineId == a.Id || x.LineId == b.Id))
            .Select(x => new { x.EntryId, x.LineId, x.State }).ToListAsync(ct);
        string State(Guid entry, Guid line) => states.FirstOrDefault(s => s.EntryId == entry && s.LineId == line)?.State.ToString() ?? "Not asked";
        var mismatches = new List<AvlMismatch>();
        foreach (var e in entries.OrderBy(e => e.Number, StringComparer.Ordinal).ThenBy(e => e.Mpn, StringComparer.Ordinal))
        {
            var onA = State(e.Id, a.Id);
            var onB = State(e.Id, b.Id);
            if (onA == nameof(AcceptanceState.Accepted) && onB != onA)
            {
                mismatches.Add(new AvlMismatch(e.Number, e.Maker, e.Mpn, a.Name, b.Name, onB));
            }
            else if (onB == nameof(AcceptanceState.Accepted) && onA != onB)
            {
                mismatches.Add(new AvlMismatch(e.Number, e.Maker, e.Mpn, b.Name, a.Name, onA));
            }
        }

        return (entries.Count, mismatches);
    }

    private async Task<(long Units, long FirstPassed, long FinalPassed)> UnitCountsAsync(IReadOnlyList<Guid> batches, CancellationToken ct)
    {
        // The batches' tallies as their imports kept them, not a count of every unit.
        var rows = await db.TestBatches.AsNoTracking().Where(b => batches.Contains(b.Id))
            .Select(b => new { b.UnitsTested, b.FirstPassUnits, b.FinalPassUnits }).ToListAsync(ct);
        return (rows.Sum(r => (long)r.UnitsTested), rows.Sum(r => (long)r.FirstPassUnits), rows.Sum(r => (long)r.FinalPassUnits));
    }
}
