using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Provisioning;

public sealed record RevokeDeviceCertificateRequest(Guid ProductId, string Serial, X509RevocationReason Reason, Actor Actor);

/// <summary>Revokes a unit's certificate and publishes its CA's revocation list in the same unit of work, logged.</summary>
public sealed class RevokeDeviceCertificateHandler(SecondSourceDbContext db, PublishCrlHandler crl, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<PublishedCrl>> HandleAsync(RevokeDeviceCertificateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var serial = request.Serial?.Trim() ?? "";
        var certificate = await db.DeviceCertificates.SingleOrDefaultAsync(c => c.ProductId == request.ProductId && c.Serial == serial, ct);
        if (certificate is null)
        {
            return Fail.NotFound($"No certificate was issued for serial {serial} of this product.");
        }

        try
        {
            certificate.Revoke(request.Reason, clock.GetUtcNow(), request.Actor.Name);
            var ca = await db.CustodyKeys.SingleAsync(k => k.Id == certificate.IssuerKeyId, ct);
            var published = await crl.BuildAsync(ca, ct);
            await log.AppendAsync(AccessAction.RevokeCertificate, request.Actor.Name, request.Actor.Party, null, null, null, request.Actor.ClientAddress, ct,
                $"serial {serial}, certificate {certificate.CertificateSerial}, reason {request.Reason}; CRL {published.Number} published");
            await log.SaveAsync(ct);
            return Result.Ok(published);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
