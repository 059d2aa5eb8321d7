using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

public sealed record CreateTestBatchRequest(Guid ProductId, Guid LineId, string Name, BatchKind Kind, int Quantity, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string By);

/// <summary>
/// Opens a batch of a product on a line of its programs (the buyer for any line; a manufacturer for its own, which are
/// the only ones it sees). Batch names are unique per line; test data names its batch.
/// </summary>
public sealed class CreateTestBatchHandler(SecondSourceDbContext db, VaultLines lines, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(CreateTestBatchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = (await lines.OfProductAsync(request.ProductId, ct)).FirstOrDefault(l => l.Id == request.LineId);
        if (line is null)
        {
            return Fail.NotFound("The line does not take part in a program of this product.");
        }

        if (await db.TestBatches.AnyAsync(b => b.LineId == line.Id && b.Name == request.Name.Trim(), ct))
        {
            return Fail.Conflict($"{line.Name} already has a batch named '{request.Name.Trim()}'.");
        }

        try
        {
            var batch = TestBatch.Create(request.ProductId, line.Id, line.PartyId, request.Name.Trim(), request.Kind, request.Quantity, request.StartedAt, request.EndedAt, clock.GetUtcNow(), request.By);
            db.TestBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            return Result.Ok(batch.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
