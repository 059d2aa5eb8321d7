using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

public sealed record SetDfmItemStatusRequest(Guid ItemId, DfmStatus Status, string? Resolution, string? Owner, string By);

/// <summary>Resolves, accepts or reopens a DFM item (the buyer's editors, or the line's manufacturer for its own), keeping the history.</summary>
public sealed class SetDfmItemStatusHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<DfmItem>> HandleAsync(SetDfmItemStatusRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await db.DfmItems.Include(d => d.History).SingleOrDefaultAsync(d => d.Id == request.ItemId, ct);
        if (item is null)
        {
            return Fail.NotFound("There is no such DFM item.");
        }

        try
        {
            item.SetStatus(request.Status, request.Resolution, string.IsNullOrWhiteSpace(request.Owner) ? null : request.Owner, clock.GetUtcNow(), request.By);
            await db.SaveChangesAsync(ct);
            return Result.Ok(item);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
