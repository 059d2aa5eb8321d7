using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Programs;

public sealed record StageChangeView(LineStage? From, LineStage To, DateTimeOffset At, string By, string? Note);

public sealed record ProgramLineView(Guid LineId, string LineName, string Manufacturer, LineRole Role, LineStage Stage, IReadOnlyList<StageChangeView> History, IReadOnlyList<LineStage> AllowedMoves);

public sealed record ProgramView(Guid Id, string Name, Guid ProductId, string Product, string ProductCode, int FullDemandUnitsPerWeek, IReadOnlyList<ProgramLineView> Lines);

/// <summary>
/// Reads of programs through the party filter: the buyer sees every program with all its lines; a manufacturer
/// sees the programs its lines take part in, with its own lines only.
/// </summary>
public sealed class ProgramQueries(SecondSourceDbContext db)
{
    public async Task<IReadOnlyList<ProgramView>> ListAsync(CancellationToken ct)
    {
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var programLines = await db.ProgramLines.AsNoTracking().Include(l => l.History).ToListAsync(ct);
        var lines = await (
            from l in db.Lines.AsNoTracking()
            join p in db.Parties.AsNoTracking() on l.PartyId equals p.Id
            where programLines.Select(pl => pl.LineId).Contains(l.Id)
            select new { l.Id, l.Name, Manufacturer = p.Name })
            .ToDictionaryAsync(x => x.Id, ct);
        return programs
            .Where(p => products.ContainsKey(p.ProductId))
            .Select(p => new ProgramView(p.Id, p.Name, p.ProductId, products[p.ProductId].Name, products[p.ProductId].Code, p.FullDemandUnitsPerWeek,
                programLines.Where(l => l.ProgramId == p.Id)
                    .OrderBy(l => l.Role).ThenByDescending(l => l.Stage == LineStage.Suspended ? 0 : (int)l.Stage).ThenBy(l => l.LineId)
                    .Select(l => new ProgramLineView(l.LineId, lines[l.LineId].Name, lines[l.LineId].Manufacturer, l.Role, l.Stage,
                        l.History.OrderBy(h => h.At).Select(h => new StageChangeView(h.From, h.To, h.At, h.By, h.Note)).ToList(), l.AllowedMoves))
                    .ToList()))
            .ToList();
    }

    /// <summary>A program by id, or by its name (ignoring case) when that is unique.</summary>
    public async Task<ProgramView?> FindAsync(string idOrName, CancellationToken ct)
    {
        var all = await ListAsync(ct);
        return Guid.TryParse(idOrName, out var id)
            ? all.SingleOrDefault(p => p.Id == id)
            : all.Where(p => string.Equals(p.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase)).ToList() is [var only] ? only : null;
    }
}
