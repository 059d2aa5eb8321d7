using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

/// <summary>The meeting of a review version: who attended for which organisation, the decisions, the day it was held.</summary>
public sealed record RecordReviewMeetingRequest(Guid ReviewId, IReadOnlyList<Attendee> Attendees, string? Decisions, DateOnly HeldOn, string By);

/// <summary>Records a review's meeting (the buyer's editors); refused once the review is frozen.</summary>
public sealed class RecordReviewMeetingHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<QuarterlyReview>> HandleAsync(RecordReviewMeetingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var review = await db.QuarterlyReviews.SingleOrDefaultAsync(r => r.Id == request.ReviewId, ct);
        if (review is null)
        {
            return Fail.NotFound("No such review.");
        }

        if (request.HeldOn < review.PeriodStart || request.HeldOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            return Fail.Invalid($"The meeting is held from the quarter's first day ({review.PeriodStart:yyyy-MM-dd}) up to today (was {request.HeldOn:yyyy-MM-dd}).");
        }

        try
        {
            review.RecordMeeting(request.Attendees, request.Decisions, new DateTimeOffset(request.HeldOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ReviewJson.Write);
            await db.SaveChangesAsync(ct);
            return Result.Ok(review);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    /// <summary>Attendees written one a line as "Name, Organisation" (the last comma separates them).</summary>
    public static IReadOnlyList<Attendee> ParseAttendees(string? text)
    {
        var attendees = new List<Attendee>();
        var lines = (text ?? "").ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var comma = line.LastIndexOf(',');
            if (comma <= 0 || comma == line.Length - 1)
            {
                throw new DomainException($"Attendees, line {i + 1}: write \"Name, Organisation\" (was \"{line}\").");
            }

            attendees.Add(new Attendee(line[..comma].Trim(), line[(comma + 1)..].Trim()));
        }

        return attendees;
    }
}
