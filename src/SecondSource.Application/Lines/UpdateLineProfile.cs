using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Lines;

namespace SecondSource.Application.Lines;

public sealed record UpdateLineProfileRequest(Guid LineId, LineCapabilities Capabilities, LineCapacity Capacity, IReadOnlyList<Certification> Certifications, string By);

/// <summary>
/// Replaces a line's profile and records what changed (who, when, from what to what). A manufacturer's people can
/// update their own lines only: another party's line is not found for them, and the save would be refused anyway.
/// </summary>
public sealed class UpdateLineProfileHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<LineProfileChange?>> HandleAsync(UpdateLineProfileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == request.LineId, ct);
        if (line is null)
        {
            return Fail.NotFound($"There is no line {request.LineId}.");
        }

        var before = line.Capabilities;
        var capacityBefore = line.Capacity;
        var certificationsBefore = line.Certifications.Select(c => c.ToCertification()).ToList();
        line.Update(request.Capabilities, request.Capacity, request.Certifications);
        var change = LineProfileChange.Between(line, before, capacityBefore, certificationsBefore, clock.GetUtcNow(), request.By);
        if (change is not null)
        {
            db.LineProfileChanges.Add(change);
        }

        await db.SaveChangesAsync(ct);
        return Result.Ok(change);
    }
}

public sealed record LineProfileChangeView(Guid LineId, string Line, string Manufacturer, DateTimeOffset At, string By, string Summary);

/// <summary>The most recent profile changes, through the party filter.</summary>
public sealed class LineProfileChangeQueries(SecondSourceDbContext db)
{
    public async Task<IReadOnlyList<LineProfileChangeView>> RecentAsync(int count, CancellationToken ct) =>
        await (
            from c in db.LineProfileChanges.AsNoTracking()
            join l in db.Lines.AsNoTracking() on c.LineId equals l.Id
            join p in db.Parties.AsNoTracking() on c.PartyId equals p.Id
            orderby c.At descending
            select new LineProfileChangeView(c.LineId, l.Name, p.Name, c.At, c.By, c.Summary))
            .Take(count)
            .ToListAsync(ct);
}
