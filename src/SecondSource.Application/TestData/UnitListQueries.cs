using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

/// <summary>The columns a batch's unit list sorts by.</summary>
public enum UnitSort
{
    Serial,
    FirstRun,
    LastRun,
    Runs,
}

/// <summary>Which units of a batch: all, those that did not pass their first run, those still not passing, or those never tested.</summary>
public enum UnitResultFilter
{
    Any,
    FirstRunNotPassed,
    NotPassing,
    Untested,
}

/// <summary>A page of a batch's units: serial numbers containing <see cref="Serial"/>, the result filter, the sort, the page (1-based).</summary>
public sealed record UnitListQuery(Guid BatchId, string? Serial = null, UnitResultFilter Result = UnitResultFilter.Any, UnitSort Sort = UnitSort.Serial, bool Desc = false, int Page = 1);

/// <summary>One unit of a batch as the list shows it.</summary>
public sealed record UnitRow(string Serial, string? Firmware, int? PanelPosition, int Runs, DateTimeOffset FirstRunAt, TestResult FirstResult, DateTimeOffset LastRunAt, TestResult LastResult);

/// <summary>
/// A batch's units, filtered, sorted and paged on the server, fifty to a page. The batch's rows are read once (the
/// columns the list shows) and sorted in memory: SQLite cannot order by a date with an offset, and a batch's units are
/// thousands, not millions. Ties sort by serial, so a page never shifts between two reads of the same data.
/// </summary>
public sealed class UnitListQueries(SecondSourceDbContext db)
{
    public const int PageSize = 50;

    /// <summary>The page of units, and how many match the filters; null when the batch is not one the caller sees.</summary>
    public async Task<(IReadOnlyList<UnitRow> Units, int Matching, int All)?> ListAsync(UnitListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!await db.TestBatches.AsNoTracking().AnyAsync(b => b.Id == query.BatchId, ct))
        {
            return null;
        }

        var units = db.TestUnits.AsNoTracking().Where(u => u.BatchId == query.BatchId);
        var all = await units.CountAsync(ct);
        var serial = query.Serial?.Trim();
        if (!string.IsNullOrEmpty(serial))
        {
            units = units.Where(u => u.Serial.Contains(serial));
        }

        units = query.Result switch
        {
            UnitResultFilter.FirstRunNotPassed => units.Where(u => u.Runs > 0 && u.FirstResult != TestResult.Passed),
            UnitResultFilter.NotPassing => units.Where(u => u.Runs > 0 && u.LastResult != TestResult.Passed),
            UnitResultFilter.Untested => units.Where(u => u.Runs == 0),
            _ => units,
        };
        var rows = await units.Select(u => new UnitRow(u.Serial, u.FirmwareVersion, u.PanelPosition, u.Runs, u.FirstRunAt, u.FirstResult, u.LastRunAt, u.LastResult)).ToListAsync(ct);
        var bySerial = StringComparer.Ordinal;
        IOrderedEnumerable<UnitRow> sorted = (query.Sort, query.Desc) switch
        {
            (UnitSort.FirstRun, false) => rows.OrderBy(u => u.FirstRunAt),
            (UnitSort.FirstRun, true) => rows.OrderByDescending(u => u.FirstRunAt),
            (UnitSort.LastRun, false) => rows.OrderBy(u => u.LastRunAt),
            (UnitSort.LastRun, true) => rows.OrderByDescending(u => u.LastRunAt),
            (UnitSort.Runs, false) => rows.OrderBy(u => u.Runs),
            (UnitSort.Runs, true) => rows.OrderByDescending(u => u.Runs),
            (_, false) => rows.OrderBy(u => u.Serial, bySerial),
            (_, true) => rows.OrderByDescending(u => u.Serial, bySerial),
        };
        if (query.Sort != UnitSort.Serial)
        {
            sorted = sorted.ThenBy(u => u.Serial, bySerial);
        }

        var page = Math.Max(1, query.Page);
        return ([.. sorted.Skip((page - 1) * PageSize).Take(PageSize)], rows.Count, all);
    }
}
