using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Programs;

/// <summary>
/// How far the buyer's installation is set up, step by step in the order a new buyer takes them: manufacturers, their
/// lines and people, a product with its BOM, a program with a second line, the documentation granted to that line, and
/// API keys for the stations. Each step counts what exists; nothing is inferred.
/// </summary>
/// <param name="Manufacturers">Manufacturers named (a primary and at least one second source are needed).</param>
/// <param name="ManufacturersWithLines">Manufacturers with at least one manufacturing line.</param>
/// <param name="ManufacturersWithPeople">Manufacturers with at least one person who can sign in.</param>
/// <param name="Products">Products.</param>
/// <param name="ProductsWithBom">Products with at least one imported BOM revision.</param>
/// <param name="Programs">Programs started.</param>
/// <param name="ProgramsWithSecondLine">Programs with a second-source line besides the primary (a candidate counts).</param>
/// <param name="LinesWithGrants">Second-source lines of a program with at least one document granted and not revoked.</param>
/// <param name="ManufacturersWithKeys">Manufacturers with an API key (not revoked) for their stations.</param>
public sealed record SetupProgress(
    int Manufacturers, int ManufacturersWithLines, int ManufacturersWithPeople, int Products, int ProductsWithBom,
    int Programs, int ProgramsWithSecondLine, int LinesWithGrants, int ManufacturersWithKeys)
{
    /// <summary>True when every step has what it needs: the checklist can step aside.</summary>
    public bool Complete => Manufacturers >= 2 && ManufacturersWithLines == Manufacturers && ManufacturersWithPeople == Manufacturers
        && ProductsWithBom > 0 && ProgramsWithSecondLine > 0 && LinesWithGrants > 0 && ManufacturersWithKeys > 0;
}

/// <summary>Reads <see cref="SetupProgress"/> for the buyer (through the party filter, which lets the buyer see all).</summary>
public sealed class GettingStartedQueries(SecondSourceDbContext db)
{
    public async Task<SetupProgress> ProgressAsync(CancellationToken ct)
    {
        var manufacturers = await db.Parties.AsNoTracking().Where(p => p.Kind == PartyKind.Manufacturer).Select(p => p.Id).ToListAsync(ct);
        var withLines = await db.Lines.AsNoTracking().Select(l => l.PartyId).Distinct().CountAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).Select(u => u.PartyId).Distinct().ToListAsync(ct);
        var products = await db.Products.AsNoTracking().CountAsync(ct);
        var withBom = await db.BomRevisions.AsNoTracking().Select(r => r.ProductId).Distinct().CountAsync(ct);
        var programLines = await db.ProgramLines.AsNoTracking().Select(l => new { l.ProgramId, l.LineId, l.Role }).ToListAsync(ct);
        var programs = await db.Programs.AsNoTracking().CountAsync(ct);
        var secondLines = programLines.Where(l => l.Role == LineRole.SecondSource).Select(l => l.LineId).ToHashSet();
        var granted = await db.VaultGrants.AsNoTracking().Where(g => g.RevokedAt == null).Select(g => g.LineId).Distinct().ToListAsync(ct);
        var keyed = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).Select(k => k.PartyId).Distinct().ToListAsync(ct);
        return new SetupProgress(
            manufacturers.Count,
            withLines,
            manufacturers.Count(people.Contains),
            products,
            withBom,
            programs,
            programLines.Where(l => l.Role == LineRole.SecondSource).Select(l => l.ProgramId).Distinct().Count(),
            granted.Count(secondLines.Contains),
            manufacturers.Count(keyed.Contains));
    }
}
