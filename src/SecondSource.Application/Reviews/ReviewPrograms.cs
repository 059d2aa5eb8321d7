using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Reviews;

/// <summary>A program as the reviews name it.</summary>
public sealed record ReviewProgram(Guid Id, Guid ProductId, string Code, string Name);

internal static class ReviewPrograms
{
    /// <summary>The program with this id, or of the product with this code (case-insensitive).</summary>
    public static async Task<ReviewProgram?> FindAsync(SecondSourceDbContext db, string? program, CancellationToken ct)
    {
        var wanted = program?.Trim() ?? "";
        if (wanted.Length == 0)
        {
            return null;
        }

        var all = await (from p in db.Programs.AsNoTracking()
                         join product in db.Products on p.ProductId equals product.Id
                         select new ReviewProgram(p.Id, p.ProductId, product.Code, product.Name)).ToListAsync(ct);
        return all.FirstOrDefault(p => string.Equals(p.Id.ToString(), wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Code, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
