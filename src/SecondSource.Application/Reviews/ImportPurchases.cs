using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Reviews;
using SecondSource.Formats.Reviews;

namespace SecondSource.Application.Reviews;

public sealed record ImportPurchasesRequest(Stream Content, string FileName, string By);

/// <summary>What an import stored: new records and corrected ones (same product, line, kind and reference).</summary>
public sealed record PurchasesImported(int Added, int Updated);

/// <summary>
/// Imports quotes and orders (the buyer's editors): every row checked first — the format's errors, then products and
/// lines unknown here, each with its line and field — and stored in one save. A record already stored with the same
/// product, line, kind and reference is corrected in place. A refused file changes nothing.
/// </summary>
public sealed class ImportPurchasesHandler(SecondSourceDbContext db, VaultLines vaultLines, TimeProvider clock)
{
    public async Task<Result<PurchasesImported>> HandleAsync(ImportPurchasesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<PurchaseRow> rows;
        try
        {
            rows = PurchaseCsv.Read(request.Content, request.FileName);
        }
        catch (PurchaseFileException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        var products = (await db.Products.AsNoTracking().Select(p => new { p.Id, p.Code }).ToListAsync(ct)).ToDictionary(p => p.Code, p => p.Id, StringComparer.OrdinalIgnoreCase);
        var errors = new List<PurchaseError>();
        var resolved = new List<(PurchaseRow Row, Guid ProductId, VaultLine Line)>();
        var linesOf = new Dictionary<Guid, IReadOnlyList<VaultLine>>();
        foreach (var row in rows)
        {
            if (!products.TryGetValue(row.Product, out var productId))
            {
                errors.Add(new(row.Line, "product", $"no product has the code '{row.Product}'"));
                continue;
            }

            if (!linesOf.TryGetValue(productId, out var lines))
            {
                lines = linesOf[productId] = await vaultLines.OfProductAsync(productId, ct);
            }

            var line = lines.FirstOrDefault(l => string.Equals(l.Name, row.LineName, StringComparison.OrdinalIgnoreCase))
                ?? lines.SingleOrDefault(l => string.Equals(l.Name[(l.Name.LastIndexOf(" / ", StringComparison.Ordinal) + 3)..], row.LineName, StringComparison.OrdinalIgnoreCase));
            if (line is null)
            {
                errors.Add(new(row.Line, "line", $"'{row.LineName}' is not a line of {row.Product} (write the line's name or \"Manufacturer / Line\": {string.Join(", ", lines.Select(l => l.Name))})"));
                continue;
            }

            resolved.Add((row, productId, line));
        }

        if (errors.Count > 0)
        {
            return Fail.Invalid(new PurchaseFileException(request.FileName, [.. errors.Take(PurchaseCsv.MaxErrors)]).Message);
        }

        try
        {
            var at = clock.GetUtcNow();
            int added = 0, updated = 0;
            var productIds = resolved.Select(r => r.ProductId).Distinct().ToList();
            var stored = await db.PurchaseRecords.Where(p => productIds.Contains(p.ProductId)).ToListAsync(ct);
            foreach (var (row, productId, line) in resolved)
            {
                var existing = stored.FirstOrDefault(p => p.ProductId == productId && p.LineId == line.Id && p.Kind == row.Kind && p.Reference == row.Reference);
                if (existing is null)
                {
                    db.PurchaseRecords.Add(PurchaseRecord.Create(productId, line.Id, line.PartyId, row.Kind, row.Reference, row.On, row.Quantity, row.UnitPrice, row.Currency,
                        row.QuotedLeadTimeDays, row.DeliveredOn, request.FileName, at, request.By));
                    added++;
                }
                else
                {
                    existing.Set(row.Reference, row.On, row.Quantity, row.UnitPrice, row.Currency, row.QuotedLeadTimeDays, row.DeliveredOn, request.FileName, at, request.By);
                    updated++;
                }
            }

            await db.SaveChangesAsync(ct);
            return Result.Ok(new PurchasesImported(added, updated));
        }
        catch (DomainException ex)
        {
            return Fail.Invalid($"{request.FileName}: {ex.Message}");
        }
    }
}
