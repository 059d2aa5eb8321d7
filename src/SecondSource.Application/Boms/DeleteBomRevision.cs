using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Boms;

public sealed record DeleteBomRevisionRequest(Guid RevisionId);

/// <summary>
/// Deletes a draft BOM revision with its lines. A released revision is refused (it is superseded by releasing a later
/// one). The imported file stays in the data folder's content store, where another product's revision may share it.
/// </summary>
public sealed class DeleteBomRevisionHandler(SecondSourceDbContext db)
{
    public async Task<Result<string>> HandleAsync(DeleteBomRevisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var revision = await db.BomRevisions.Include(r => r.Lines).ThenInclude(l => l.Sources).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == request.RevisionId, ct);
        if (revision is null)
        {
            return Fail.NotFound($"There is no BOM revision {request.RevisionId}.");
        }

        try
        {
            revision.EnsureDeletable();
        }
        catch (DomainException ex)
        {
            return Fail.Conflict(ex.Message);
        }

        db.BomRevisions.Remove(revision);
        await db.SaveChangesAsync(ct);
        return Result.Ok(revision.Label);
    }
}
