using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Programs;

public sealed record RecordAssessmentRequest(Guid ProgramId, Guid LineId, CandidateAssessment Assessment, string? Evidence, string By);

/// <summary>Records (or replaces) the buyer's assessment of a candidate line: scores, terms and quote.</summary>
public sealed class RecordAssessmentHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<CandidateAssessmentRecord>> HandleAsync(RecordAssessmentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var isCandidate = await db.ProgramLines.AnyAsync(l => l.ProgramId == request.ProgramId && l.LineId == request.LineId && l.Role == LineRole.SecondSource, ct);
        if (!isCandidate)
        {
            return Fail.NotFound("That line is not a candidate of that program.");
        }

        var record = await db.Assessments.SingleOrDefaultAsync(a => a.ProgramId == request.ProgramId && a.LineId == request.LineId, ct);
        if (record is null)
        {
            record = CandidateAssessmentRecord.Create(request.ProgramId, request.LineId);
            db.Assessments.Add(record);
        }

        record.Record(request.Assessment, request.Evidence, clock.GetUtcNow(), request.By);
        await db.SaveChangesAsync(ct);
        return Result.Ok(record);
    }
}
