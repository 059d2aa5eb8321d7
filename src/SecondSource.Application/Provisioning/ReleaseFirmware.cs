using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Provisioning;

/// <summary>Releases a firmware revision of the vault under a version: <paramref name="RevisionNumber"/> null for the latest.</summary>
public sealed record ReleaseFirmwareRequest(Guid ProductId, string Version, int? RevisionNumber, Actor Actor);

/// <summary>
/// The approval step: the buyer's engineer names a revision of the product's firmware binary and the version it
/// carries. A version is released once per product, and a revision under one version only.
/// </summary>
public sealed class ReleaseFirmwareHandler(SecondSourceDbContext db, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(ReleaseFirmwareRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var artifact = await db.Artifacts.Include(a => a.Revisions).SingleOrDefaultAsync(a => a.ProductId == request.ProductId && a.Kind == ArtifactKind.FirmwareBinary, ct);
        if (artifact is null || artifact.Revisions.Count == 0)
        {
            return Fail.NotFound("The product has no firmware binary in the vault; upload one first (Vault → Firmware binary).");
        }

        var revision = request.RevisionNumber is { } number ? artifact.Revisions.FirstOrDefault(r => r.Number == number) : artifact.Revisions.MaxBy(r => r.Number);
        if (revision is null)
        {
            return Fail.NotFound($"The firmware binary has no revision {request.RevisionNumber} (it has 1 to {artifact.Revisions.Max(r => r.Number)}).");
        }

        try
        {
            var version = FirmwareRelease.CheckVersion(request.Version);
            if (await db.FirmwareReleases.AnyAsync(r => r.ProductId == request.ProductId && r.Version == version, ct))
            {
                return Fail.Conflict($"Version {version} is already released for this product; a released version is never reassigned.");
            }

            if (await db.FirmwareReleases.Where(r => r.RevisionId == revision.Id).Select(r => r.Version).FirstOrDefaultAsync(ct) is { } other)
            {
                return Fail.Conflict($"Revision {revision.Number} is already released as version {other}.");
            }

            var release = FirmwareRelease.Approve(request.ProductId, artifact.Id, revision.Id, revision.Sha256, version, clock.GetUtcNow(), request.Actor.Name);
            db.FirmwareReleases.Add(release);
            await log.AppendAsync(AccessAction.ReleaseFirmware, request.Actor, artifact.Id, revision, ct, $"firmware {version} released from revision {revision.Number}");
            await log.SaveAsync(ct);
            return Result.Ok(release.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
