using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Planning;

/// <summary>The program's policy, each line's standing capacity and ramp limit (units a week; null clears them).</summary>
public sealed record SetAllocationPolicyRequest(Guid ProductId, SharePolicy Policy, IReadOnlyDictionary<Guid, int?> StandingCapacity, IReadOnlyDictionary<Guid, int?>? RampLimit = null);

/// <summary>Sets a product program's allocation policy and its lines' standing capacities and ramp limits (the buyer's editors).</summary>
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

        var ramps = request.RampLimit ?? new Dictionary<Guid, int?>();
        var strangers = request.StandingCapacity.Keys.Concat(ramps.Keys).Where(id => program.Lines.All(l => l.LineId != id)).ToList();
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

            foreach (var (lineId, limit) in ramps)
            {
                program.Lines.Single(l => l.LineId == lineId).SetRampLimit(limit);
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
