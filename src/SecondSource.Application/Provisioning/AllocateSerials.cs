using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Application.Provisioning;

public sealed record AllocateSerialsRequest(Guid BatchId, string Prefix, long First, long Last, int Width, string By);

/// <summary>
/// Allocates serial numbers to a batch: the certificates its line may obtain. The blocks of a batch together never
/// exceed its quantity, and no two blocks of a product share a serial, whichever line holds them.
/// </summary>
public sealed class AllocateSerialsHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(AllocateSerialsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var batch = await db.TestBatches.SingleOrDefaultAsync(b => b.Id == request.BatchId, ct);
        if (batch is null)
        {
            return Fail.NotFound("There is no such batch.");
        }

        try
        {
            var allocated = await db.SerialBlocks.Where(b => b.BatchId == batch.Id).SumAsync(b => b.Last - b.First + 1, ct);
            var block = SerialBlock.Allocate(batch.Id, batch.ProductId, batch.LineId, batch.PartyId, checked(batch.Quantity - (int)allocated), request.Prefix?.Trim() ?? "", request.First, request.Last, request.Width, clock.GetUtcNow(), request.By);
            var others = await db.SerialBlocks.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).Where(b => b.ProductId == batch.ProductId && b.Prefix == block.Prefix).ToListAsync(ct);
            if (others.FirstOrDefault(block.Overlaps) is { } clash)
            {
                return Fail.Conflict($"{block.FirstSerial}–{block.LastSerial} overlaps the block {clash.FirstSerial}–{clash.LastSerial} already allocated.");
            }

            db.SerialBlocks.Add(block);
            await db.SaveChangesAsync(ct);
            return Result.Ok(block.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
