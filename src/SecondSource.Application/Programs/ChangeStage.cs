using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Programs;

public sealed record ChangeStageRequest(Guid ProgramId, Guid LineId, LineStage To, string? Note, string By);

/// <summary>Moves a line of a program to another stage (pilot, ramp, production, suspended), keeping the history.</summary>
public sealed class ChangeStageHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<ProgramLine>> HandleAsync(ChangeStageRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await db.ProgramLines.Include(l => l.History).SingleOrDefaultAsync(l => l.ProgramId == request.ProgramId && l.LineId == request.LineId, ct);
        if (line is null)
        {
            return Fail.NotFound("That line is not part of that program.");
        }

        line.MoveTo(request.To, clock.GetUtcNow(), request.By, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        await db.SaveChangesAsync(ct);
        return Result.Ok(line);
    }
}
