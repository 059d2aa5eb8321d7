using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

public sealed record FreezeReviewRequest(Guid ReviewId, string By);

/// <summary>
/// Freezes a review version once its meeting is recorded with attendees from the buyer and from the manufacturer of
/// every line it compares; a frozen review's meeting record no longer changes.
/// </summary>
public sealed class FreezeReviewHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<QuarterlyReview>> HandleAsync(FreezeReviewRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var review = await db.QuarterlyReviews.SingleOrDefaultAsync(r => r.Id == request.ReviewId, ct);
        if (review is null)
        {
            return Fail.NotFound("No such review.");
        }

        var lineIds = await db.ReviewLineSections.Where(s => s.ReviewId == review.Id).Select(s => s.LineId).ToListAsync(ct);
        var organisations = await (from line in db.Lines
                                   join party in db.Parties on line.PartyId equals party.Id
                                   where lineIds.Contains(line.Id)
                                   select party.Name).Distinct().ToListAsync(ct);
        var buyer = await db.Parties.Where(p => p.Kind == Domain.Parties.PartyKind.Buyer).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (buyer is not null)
        {
            organisations.Insert(0, buyer);
        }

        try
        {
            review.Freeze(ReviewJson.Read<List<Attendee>>(review.Attendees), organisations, clock.GetUtcNow(), request.By);
            await db.SaveChangesAsync(ct);
            return Result.Ok(review);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
