using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>
/// Access for <c>LineId</c> to the product's artifact of <c>Kind</c>: <c>PinnedRevision</c> is the revision number to
/// pin, or null for the latest revision whichever it is; <c>Until</c> is the last day of access (inclusive, UTC).
/// </summary>
public sealed record GrantAccessRequest(Guid ProductId, ArtifactKind Kind, Guid LineId, int? PinnedRevision, DateOnly Until, Actor Actor);

public sealed record GrantedAccess(Guid GrantId, string Line, string Artifact);

/// <summary>
/// Gives a line of the product's programs access to one artifact until a day. Access also needs a live NDA with the
/// line's manufacturer; a grant without one waits for it. The grant and its log entry commit together.
/// </summary>
public sealed class GrantAccessHandler(SecondSourceDbContext db, VaultLines lines, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<GrantedAccess>> HandleAsync(GrantAccessRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var artifact = await db.Artifacts.Include(a => a.Revisions).FirstOrDefaultAsync(a => a.ProductId == request.ProductId && a.Kind == request.Kind, ct);
        if (artifact is null)
        {
            return Fail.Invalid($"The product has no {ArtifactKinds.Name(request.Kind)} in its transfer package yet; upload it before granting it.");
        }

        var line = (await lines.OfProductAsync(request.ProductId, ct)).FirstOrDefault(l => l.Id == request.LineId);
        if (line is null)
        {
            return Fail.Invalid("The line does not take part in a program of this product.");
        }

        ArtifactRevision? pinned = null;
        if (request.PinnedRevision is { } number)
        {
            pinned = artifact.Revisions.FirstOrDefault(r => r.Number == number);
            if (pinned is null)
            {
                return Fail.Invalid($"{artifact.Title} has no revision {number.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        try
        {
            var now = clock.GetUtcNow();
            var until = new DateTimeOffset(request.Until.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var grant = VaultGrant.Give(artifact, pinned, line.Id, line.PartyId, now, until, now, request.Actor.Name);
            db.VaultGrants.Add(grant);
            var what = pinned is null ? "the latest revision" : $"revision {pinned.Number.ToString(CultureInfo.InvariantCulture)}";
            await log.AppendAsync(AccessAction.Grant, request.Actor, artifact.Id, pinned, ct,
                $"to {line.Name}: {what}, until {request.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            await log.SaveAsync(ct);
            return Result.Ok(new GrantedAccess(grant.Id, line.Name, artifact.Title));
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
