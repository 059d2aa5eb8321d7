using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;
using SecondSource.Formats.Provisioning;

namespace SecondSource.Application.Provisioning;

/// <summary>
/// Who asks for a certificate. A station presents an API key: its party and the line it is bound to decide what it may
/// ask for. An operator at the command line (testing a station) has no key and acts for the line it names.
/// </summary>
public sealed record CertificateCaller(Actor Actor, Guid? ApiKeyId, PartyId? KeyParty, Guid? KeyLineId)
{
    public bool IsOperator => ApiKeyId is null;
}

public sealed record IssueDeviceCertificateRequest(Guid LineId, string Serial, byte[] Csr, string? FirmwareVersion, CertificateCaller Caller);

/// <summary>The certificate issued, with its chain up to (not including) the trust anchor.</summary>
public sealed record IssuedCertificate(Guid Id, string Serial, string CertificateSerial, string Subject, DateTimeOffset NotAfter, string BatchName,
    string CertificatePem, string IssuerPem, string? FirmwareWarning);

/// <summary>The outcome: a certificate, or the refusal and its reason (logged either way).</summary>
public sealed record IssuanceOutcome(IssuedCertificate? Certificate, IssuanceRefusal? Refusal, string? Reason);

/// <summary>
/// Issues a device certificate to a line's station. The checks, in order (<see cref="IssuanceRules"/>): the key is
/// bound to this line; the serial is new for the product and inside a serial block of a batch the line has open now,
/// with slots left (overbuild protection); the product has a profile; the request parses, its signature verifies and
/// its key and constraints fit the profile. Only then is the certificate signed by the device CA inside its backend.
/// Every issuance and every refusal is appended to the tamper-evident log with its reason. The reads that cross the
/// manufacturer's party filter (the serial's uniqueness over all lines, the buyer-only profile and CA) return nothing
/// to the caller but the decision.
/// </summary>
public sealed class IssueDeviceCertificateHandler(SecondSourceDbContext db, KeyCustody custody, AccessLogWriter log, TimeProvider clock)
{
    private const int Attempts = 4;

    public async Task<IssuanceOutcome> HandleAsync(IssueDeviceCertificateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(request, ct);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another station took a slot of the block (its counter moved) or the same serial at the same moment:
                // start again from what is stored now; the second request then meets the refusal it deserves.
                db.ChangeTracker.Clear();
                log.Discard();
            }
        }
    }

    private async Task<IssuanceOutcome> AttemptAsync(IssueDeviceCertificateRequest request, CancellationToken ct)
    {
        var caller = request.Caller;
        var now = clock.GetUtcNow();
        var serial = (request.Serial ?? "").Trim();
        var line = await db.Lines.Where(l => l.Id == request.LineId).Select(l => new { l.Id, l.PartyId, l.Name }).SingleOrDefaultAsync(ct);
        var mayUseLine = line is not null && (caller.IsOperator || caller.KeyLineId == line.Id && caller.KeyParty == line.PartyId);
        if (!mayUseLine)
        {
            return await RefuseAsync(request, IssuanceRefusal.WrongLine, caller.KeyLineId is null && !caller.IsOperator
                ? "the API key is bound to no line; certificates are issued only to a station key bound to its line"
                : "the API key is not bound to this line", line?.Name, null, ct);
        }

        if (serial.Length is 0 or > 100 || serial.Any(char.IsControl))
        {
            return await RefuseAsync(request, IssuanceRefusal.UnallocatedSerial, "the serial number is missing, too long or holds control characters", line!.Name, null, ct);
        }

        var open = await (from block in db.SerialBlocks
                          join batch in db.TestBatches on block.BatchId equals batch.Id
                          where block.LineId == line!.Id && batch.StartedAt <= now && (batch.EndedAt == null || batch.EndedAt >= now)
                          select new { Block = block, batch.Quantity, BatchName = batch.Name }).ToListAsync(ct);
        var allocations = open.Select(o => new OpenAllocation(o.Block, o.Quantity, o.Block.Issued)).ToList();
        var products = open.Select(o => o.Block.ProductId).Distinct().ToList();
        // Uniqueness is over every line: the other manufacturer's certificate for the serial counts (existence only).
        var certified = await db.DeviceCertificates.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AnyAsync(c => c.Serial == serial && products.Contains(c.ProductId), ct);
        var productId = allocations.FirstOrDefault(a => a.Block.Contains(serial))?.Block.ProductId;
        var profile = productId is null ? null : await db.ProvisioningProfiles.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking().SingleOrDefaultAsync(p => p.ProductId == productId, ct);
        var ca = profile is null ? null : await db.CustodyKeys.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).SingleOrDefaultAsync(k => k.Id == profile.IssuingCaKeyId && k.Purpose == KeyPurpose.DeviceCa, ct);
        if (profile is not null && ca?.CaCertificate is null)
        {
            profile = null;
        }

        var reading = CsrReader.Read(request.Csr ?? []);
        var decision = IssuanceRules.Decide(true, serial, certified, allocations, profile, reading.Facts, reading.Problem, reading.Reason);
        if (decision.Refusal is { } refusal)
        {
            return await RefuseAsync(request, refusal, decision.Reason!, line!.Name, productId, ct);
        }

        var allocation = decision.Allocation!;
        var batchName = open.First(o => o.Block.Id == allocation.Block.Id).BatchName;
        var product = await db.Products.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).Where(p => p.Id == allocation.Block.ProductId).Select(p => p.Name).SingleAsync(ct);
        string? firmwareVersion;
        try
        {
            firmwareVersion = string.IsNullOrWhiteSpace(request.FirmwareVersion) ? null : FirmwareRelease.CheckVersion(request.FirmwareVersion);
        }
        catch (DomainException ex)
        {
            return await RefuseAsync(request, IssuanceRefusal.InvalidFirmwareVersion, ex.Message, line!.Name, productId, ct);
        }

        var released = firmwareVersion is null || await db.FirmwareReleases.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AnyAsync(r => r.ProductId == allocation.Block.ProductId && r.Version == firmwareVersion, ct);
        using var caCertificate = X509CertificateLoader.LoadCertificate(ca!.CaCertificate!);
        string subject;
        try
        {
            subject = profile!.SubjectFor(serial, product);
            _ = new X500DistinguishedName(subject);
        }
        catch (Exception ex) when (ex is DomainException or System.Security.Cryptography.CryptographicException)
        {
            return await RefuseAsync(request, IssuanceRefusal.UnallocatedSerial, $"the serial cannot be placed in the profile's subject ({ex.Message.TrimEnd('.')})", line!.Name, productId, ct);
        }

        var (serialBytes, serialHex) = CreateCustodyKeyHandler.NewSerial();
        var notBefore = now.AddMinutes(-5);
        var notAfter = now.AddDays(profile.ValidityDays) < caCertificate.NotAfter ? now.AddDays(profile.ValidityDays) : new DateTimeOffset(caCertificate.NotAfter.ToUniversalTime());
        var certificateRequest = new CertificateRequest(new X500DistinguishedName(subject), reading.PublicKey!, KeyAlgorithms.Digest(ca.Algorithm));
        certificateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        certificateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(
            reading.Facts!.KeyType == DeviceKeyType.Rsa ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature, true));
        var usages = new System.Security.Cryptography.OidCollection();
        if (profile.ClientAuth)
        {
            usages.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2", "TLS client authentication"));
        }

        if (profile.ServerAuth)
        {
            usages.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1", "TLS server authentication"));
        }

        certificateRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        certificateRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(certificateRequest.PublicKey, false));
        certificateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(caCertificate, true, false));
        using var issued = certificateRequest.Create(caCertificate.SubjectName, custody.SignatureGenerator(ca), notBefore, notAfter, serialBytes);

        allocation.Block.RecordIssue();
        var record = DeviceCertificate.Record(allocation.Block.ProductId, serial, line!.Id, line.PartyId, allocation.Block.BatchId, firmwareVersion, serialHex, subject, ca.Id,
            now, notAfter, caller.Actor.Name, caller.ApiKeyId, issued.RawData);
        db.DeviceCertificates.Add(record);
        var warning = released ? null : $"firmware {firmwareVersion} is not a released version of {product}";
        await log.AppendAsync(AccessAction.IssueCertificate, caller.Actor.Name, caller.Actor.Party, null, null, null, caller.Actor.ClientAddress, ct,
            $"serial {serial}, line {line.Name}, batch {batchName}, certificate {serialHex}{(firmwareVersion is null ? "" : $", firmware {firmwareVersion}")}{(warning is null ? "" : $" (warning: {warning})")}");
        await log.SaveAsync(ct);
        return new IssuanceOutcome(new IssuedCertificate(record.Id, serial, serialHex, subject, notAfter, batchName, issued.ExportCertificatePem(), caCertificate.ExportCertificatePem(), warning), null, null);
    }

    private async Task<IssuanceOutcome> RefuseAsync(IssueDeviceCertificateRequest request, IssuanceRefusal refusal, string reason, string? lineName, Guid? productId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        log.Discard();
        var serial = request.Serial is { Length: > 0 } s ? s[..Math.Min(s.Length, 100)] : "(none)";
        await log.AppendAsync(AccessAction.RefuseCertificate, request.Caller.Actor.Name, request.Caller.Actor.Party, null, null, null, request.Caller.Actor.ClientAddress, ct,
            $"{refusal}: {reason}; serial {serial}, line {lineName ?? request.LineId.ToString("D")}{(productId is null ? "" : $", product {productId:D}")}");
        await log.SaveAsync(ct);
        return new IssuanceOutcome(null, refusal, reason);
    }

    /// <summary>Logs a refusal that happened before the request reached the handler (a revoked key, the rate limit).</summary>
    public async Task RefuseEarlyAsync(IssuanceRefusal refusal, string reason, Actor actor, string? path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await log.AppendAsync(AccessAction.RefuseCertificate, actor.Name, actor.Party, null, null, null, actor.ClientAddress, ct, $"{refusal}: {reason}{(path is null ? "" : $"; {path}")}");
        await log.SaveAsync(ct);
    }
}
