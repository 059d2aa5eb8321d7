using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

public sealed record RecordOperatorTrainingRequest(Guid ProductId, Guid LineId, string Operator, string Skill, DateOnly TrainedOn, string By);

/// <summary>Records an operator of a second line trained on the product (the buyer's editors, or the line's own members).</summary>
public sealed class RecordOperatorTrainingHandler(SecondSourceDbContext db, VaultLines lines, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(RecordOperatorTrainingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await lines.SecondLineAsync(request.ProductId, request.LineId, ct);
        if (line is null)
        {
            return Fail.NotFound("That line is not a second source of this product.");
        }

        try
        {
            var record = OperatorTraining.Record(request.ProductId, line.Id, line.PartyId, request.Operator, request.Skill, request.TrainedOn, clock.GetUtcNow(), request.By);
            db.OperatorTrainings.Add(record);
            await db.SaveChangesAsync(ct);
            return Result.Ok(record.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
