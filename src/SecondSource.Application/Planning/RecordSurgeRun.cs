using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

public sealed record RecordSurgeRunRequest(Guid ProductId, Guid LineId, DateOnly On, double Hours, int GoodUnits, int TotalUnits, double SurgeHoursPerWeek, string By);

/// <summary>Records a surge Run@Rate of a second line (the buyer's editors, or the line's own members).</summary>
public sealed class RecordSurgeRunHandler(SecondSourceDbContext db, VaultLines lines, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(RecordSurgeRunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await lines.SecondLineAsync(request.ProductId, request.LineId, ct);
        if (line is null)
        {
            return Fail.NotFound("That line is not a second source of this product.");
        }

        try
        {
            var record = SurgeRunRecord.Record(request.ProductId, line.Id, line.PartyId, new SurgeRun(request.On, request.Hours, request.GoodUnits, request.TotalUnits, request.SurgeHoursPerWeek), "run at rate", clock.GetUtcNow(), request.By);
            db.SurgeRuns.Add(record);
            await db.SaveChangesAsync(ct);
            return Result.Ok(record.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
