using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

public sealed record RaiseDfmItemRequest(Guid ProductId, Guid LineId, DfmCategory Category, string Title, string Description, string? Evidence, string? Measurement, string Owner, string By);

/// <summary>
/// Raises a DFM difference for a product's second line: by the buyer's editors, or by that line's manufacturer
/// (it sees no other line). The item belongs to the line's manufacturer.
/// </summary>
public sealed class RaiseDfmItemHandler(SecondSourceDbContext db, VaultLines lines, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(RaiseDfmItemRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await lines.SecondLineAsync(request.ProductId, request.LineId, ct);
        if (line is null)
        {
            return Fail.NotFound("That line is not a second source of this product.");
        }

        try
        {
            var item = DfmItem.Raise(request.ProductId, line.Id, line.PartyId, request.Category, request.Title, request.Description, request.Evidence, request.Measurement, request.Owner, clock.GetUtcNow(), request.By);
            db.DfmItems.Add(item);
            await db.SaveChangesAsync(ct);
            return Result.Ok(item.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
