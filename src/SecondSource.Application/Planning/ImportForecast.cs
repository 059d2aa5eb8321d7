using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Planning;
using SecondSource.Formats.Planning;

namespace SecondSource.Application.Planning;

public sealed record ImportForecastRequest(Stream Content, string FileName, string By);

/// <summary>What an import stored: periods per product code, and how many stored periods it replaced.</summary>
public sealed record ForecastImported(int Periods, int Replaced, IReadOnlyDictionary<string, int> PeriodsByProduct);

/// <summary>
/// Imports a demand forecast file (the buyer's editors): every row checked first (the format's errors, and products
/// unknown here, each with line and field); then, in one save (one transaction), for each product the stored periods overlapping
/// the file's span for it are replaced — a newer forecast supersedes the older one where they meet. A refused file
/// changes nothing.
/// </summary>
public sealed class ImportForecastHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<ForecastImported>> HandleAsync(ImportForecastRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<ForecastRow> rows;
        try
        {
            rows = ForecastCsv.Read(request.Content, request.FileName);
        }
        catch (ForecastFileException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        // Codes match without regard to case (a catalogue holds tens of products, not millions: read them all).
        var products = (await db.Products.AsNoTracking().Select(p => new { p.Id, p.Code }).ToListAsync(ct))
            .ToDictionary(p => p.Code, p => p.Id, StringComparer.OrdinalIgnoreCase);
        var unknown = rows.Where(r => !products.ContainsKey(r.Product)).Take(ForecastCsv.MaxErrors)
            .Select(r => new ForecastError(r.Line, "product", $"no product has the code '{r.Product}'")).ToList();
        if (unknown.Count > 0)
        {
            return Fail.Invalid(new ForecastFileException(request.FileName, unknown).Message);
        }

        var at = clock.GetUtcNow();
        var replaced = 0;
        foreach (var group in rows.GroupBy(r => products[r.Product]))
        {
            DateOnly from = group.Min(r => r.Start), to = group.Max(r => r.End);
            var old = await db.ForecastPeriods.Where(f => f.ProductId == group.Key && f.Start < to && f.End > from).ToListAsync(ct);
            db.ForecastPeriods.RemoveRange(old);
            replaced += old.Count;
            db.ForecastPeriods.AddRange(group.Select(r => ForecastPeriod.Create(group.Key, r.Start, r.End, r.Quantity, request.FileName, at, request.By)));
        }

        await db.SaveChangesAsync(ct); // one SaveChanges: the removals and the new periods commit together
        return Result.Ok(new ForecastImported(rows.Count, replaced,
            rows.GroupBy(r => products[r.Product]).ToDictionary(g => products.First(p => p.Value == g.Key).Key, g => g.Count())));
    }
}
