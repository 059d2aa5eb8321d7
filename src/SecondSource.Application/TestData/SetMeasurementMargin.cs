using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Statistics;

namespace SecondSource.Application.TestData;

/// <summary>A margin for one measurement of a product: a fraction of its spec window or an absolute value; both null removes it.</summary>
public sealed record SetMeasurementMarginRequest(Guid ProductId, string Measurement, double? Fraction, double? Absolute, string? Reason, string By);

/// <summary>
/// Sets (or removes) the equivalence margin of one measurement of a product — the buyer's editors only; every
/// comparison of the product then uses it. A measurement is matched by name without case.
/// </summary>
public sealed class SetMeasurementMarginHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<string>> HandleAsync(SetMeasurementMarginRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Products.AnyAsync(p => p.Id == request.ProductId, ct))
        {
            return Fail.NotFound("There is no such product.");
        }

        try
        {
            var name = Guard.RequiredText(request.Measurement, "Measurement", 200);
            var existing = (await db.MeasurementMargins.Where(m => m.ProductId == request.ProductId).ToListAsync(ct))
                .FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (request.Fraction is null && request.Absolute is null)
            {
                if (existing is null)
                {
                    return Fail.Invalid($"{name} has no margin of its own to remove.");
                }

                db.MeasurementMargins.Remove(existing);
                await db.SaveChangesAsync(ct);
                return Result.Ok($"{existing.Name} uses the default margin again.");
            }

            var now = clock.GetUtcNow();
            if (existing is null)
            {
                db.MeasurementMargins.Add(MeasurementMargin.Create(request.ProductId, name, request.Fraction, request.Absolute, request.Reason ?? "", now, request.By));
            }
            else
            {
                existing.Change(request.Fraction, request.Absolute, request.Reason ?? "", now, request.By);
            }

            await db.SaveChangesAsync(ct);
            return Result.Ok(request.Absolute is { } a
                ? $"{name}: margin ±{a.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} (absolute)."
                : $"{name}: margin {request.Fraction!.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} × spec window.");
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
