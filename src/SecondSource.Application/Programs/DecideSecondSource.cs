using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Programs;

public sealed record DecideSecondSourceRequest(Guid ProgramId, Guid ChosenLineId, string Reasons, string By);

/// <summary>Records the choice of the second source; the chosen line moves to the Transfer stage, in one transaction.</summary>
public sealed class DecideSecondSourceHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<SelectionDecision>> HandleAsync(DecideSecondSourceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = await db.Programs.Include(p => p.Lines).ThenInclude(l => l.History).SingleOrDefaultAsync(p => p.Id == request.ProgramId, ct);
        if (program is null)
        {
            return Fail.NotFound($"There is no program {request.ProgramId}.");
        }

        var decision = program.Decide(request.ChosenLineId, request.Reasons, clock.GetUtcNow(), request.By);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return Result.Ok(decision);
    }
}
