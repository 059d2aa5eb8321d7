using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

public sealed record SetReviewCalendarRequest(string Program, int FiscalYearStartMonth, string By);

/// <summary>
/// Sets the quarters a program is reviewed by: calendar (month 1) or a fiscal year starting in another month. Refused
/// once the program has a review: its quarters and findings' histories would no longer line up.
/// </summary>
public sealed class SetReviewCalendarHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<ReviewCalendar>> HandleAsync(SetReviewCalendarRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = await ReviewPrograms.FindAsync(db, request.Program, ct);
        if (program is null)
        {
            return Fail.NotFound($"No program '{request.Program}'.");
        }

        try
        {
            var existing = await db.ReviewCalendars.SingleOrDefaultAsync(c => c.ProgramId == program.Id, ct);
            if ((existing?.FiscalYearStartMonth ?? 1) != request.FiscalYearStartMonth && await db.QuarterlyReviews.AnyAsync(r => r.ProgramId == program.Id, ct))
            {
                return Fail.Conflict($"{program.Code} already has reviews by its current quarters; the calendar cannot change under them.");
            }

            var calendar = ReviewCalendar.Create(program.Id, request.FiscalYearStartMonth, clock.GetUtcNow(), request.By);
            if (existing is not null)
            {
                db.ReviewCalendars.Remove(existing);
            }

            db.ReviewCalendars.Add(calendar);
            await db.SaveChangesAsync(ct);
            return Result.Ok(calendar);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
