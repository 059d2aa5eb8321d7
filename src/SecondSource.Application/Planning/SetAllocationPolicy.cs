using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

/// <summary>The program's policy and each line's standing capacity (units a week; null clears it).</summary>
public sealed record SetAllocationPolicyRequest(Guid ProductId, SharePolicy Policy, IReadOnlyDictionary<Guid, int?> StandingCapacity);

/// <summary>Sets a product program's allocation policy and its lines' standing capacities (the buyer's editors).</summary>
public sealed class SetAllocationPolicyHandler(SecondSourceDbContext db)
{
    public async Task<Result<Guid>> HandleAsync(SetAllocationPolicyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = await db.Programs.Include(p => p.Lines).FirstOrDefaultAsync(p => p.ProductId == request.ProductId, ct);
        if (program is null)
        {
            return Fail.NotFound("That product has no program.");
        }

        var strangers = request.StandingCapacity.Keys.Where(id => program.Lines.All(l => l.LineId != id)).ToList();
        if (strangers.Count > 0)
        {
            return Fail.Invalid("A capacity was given for a line that is not in the program.");
        }

        try
        {
            program.SetAllocationPolicy(request.Policy);
            foreach (var (lineId, capacity) in request.StandingCapacity)
            {
                program.Lines.Single(l => l.LineId == lineId).SetStandingCapacity(capacity);
            }
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        await db.SaveChangesAsync(ct);
        return Result.Ok(program.Id);
    }
}
