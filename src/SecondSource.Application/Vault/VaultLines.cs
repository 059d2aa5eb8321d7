using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Vault;

/// <summary>A line taking part in a product's program, as the vault names it.</summary>
public sealed record VaultLine(Guid Id, PartyId PartyId, string Name, LineRole Role, LineStage Stage);

/// <summary>The lines that build (or may build) a product: every line of its programs, primary first, candidates last.</summary>
public sealed class VaultLines(SecondSourceDbContext db)
{
    public async Task<IReadOnlyList<VaultLine>> OfProductAsync(Guid productId, CancellationToken ct)
    {
        var rows = await (from pl in db.ProgramLines
                          join program in db.Programs on pl.ProgramId equals program.Id
                          join line in db.Lines on pl.LineId equals line.Id
                          join p in db.Parties on line.PartyId equals p.Id
                          where program.ProductId == productId
                          select new { line.Id, line.PartyId, line.Name, Party = p.Name, pl.Role, pl.Stage }).ToListAsync(ct);
        return rows.OrderBy(r => r.Role).ThenBy(r => r.Stage == LineStage.Candidate).ThenBy(r => r.Party, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .DistinctBy(r => r.Id).Select(r => new VaultLine(r.Id, r.PartyId, $"{r.Party} / {r.Name}", r.Role, r.Stage)).ToList();
    }

    /// <summary>The product's second line with this id, if it is past candidacy; null otherwise (or not visible).</summary>
    public async Task<VaultLine?> SecondLineAsync(Guid productId, Guid lineId, CancellationToken ct) =>
        (await OfProductAsync(productId, ct)).FirstOrDefault(l => l.Id == lineId && l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate);
}
