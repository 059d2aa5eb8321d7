using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record AcknowledgeRevisionRequest(Guid LineId, Guid RevisionId, Actor Actor);

/// <summary>
/// A line states that it builds with a revision. A manufacturer may acknowledge only a revision granted to that line
/// now (anything else is "not found" and logged); the acknowledgement and its log entry commit together.
/// </summary>
public sealed class AcknowledgeRevisionHandler(SecondSourceDbContext db, VaultAccessGate gate, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<int>> HandleAsync(AcknowledgeRevisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Artifact? artifact;
        ArtifactRevision? revision;
        if (gate.IsGated)
        {
            var granted = await gate.FindAsync(request.RevisionId, request.LineId, ct);
            if (granted is null)
            {
                await log.AppendAsync(AccessAction.Refused, request.Actor, null, null, ct, $"acknowledgement of revision {request.RevisionId:D} for line {request.LineId:D}: not granted to that line");
                await log.SaveAsync(ct);
                return Fail.NotFound("That revision is not granted to that line.");
            }

            (artifact, revision) = (granted.Artifact, granted.Revision);
        }
        else
        {
            revision = await db.ArtifactRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RevisionId, ct);
            artifact = revision is null ? null : await db.Artifacts.AsNoTracking().SingleAsync(a => a.Id == revision.ArtifactId, ct);
            if (artifact is null || revision is null)
            {
                return Fail.NotFound($"There is no artifact revision {request.RevisionId}.");
            }
        }

        var line = await (from l in db.Lines
                          join p in db.Parties on l.PartyId equals p.Id
                          where l.Id == request.LineId
                          select new { l.Id, l.PartyId, Name = p.Name + " / " + l.Name }).SingleOrDefaultAsync(ct);
        if (line is null)
        {
            return Fail.NotFound("There is no such line.");
        }

        try
        {
            db.Acknowledgements.Add(RevisionAcknowledgement.Record(line.Id, line.PartyId, artifact, revision, clock.GetUtcNow(), request.Actor.Name));
            await log.AppendAsync(AccessAction.Acknowledge, request.Actor, artifact.Id, revision, ct, $"{line.Name} builds with revision {revision.Number}");
            await log.SaveAsync(ct);
            return Result.Ok(revision.Number);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
