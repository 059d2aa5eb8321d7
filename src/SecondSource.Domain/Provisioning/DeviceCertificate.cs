using System.Security.Cryptography.X509Certificates;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Provisioning;

/// <summary>Why a device certificate was not issued. Each refusal is logged with its reason; none yields a certificate.</summary>
public enum IssuanceRefusal
{
    /// <summary>The API key belongs to another line (or another manufacturer) than the one asked for.</summary>
    WrongLine = 1,

    /// <summary>A certificate was already issued for this serial number of the product.</summary>
    DuplicateSerial = 2,

    /// <summary>The serial is in no serial block of a batch the line has open now.</summary>
    UnallocatedSerial = 3,

    /// <summary>The batch already has as many certificates as units (overbuild protection).</summary>
    AllocationUsedUp = 4,

    /// <summary>The body is not a PKCS#10 certificate signing request.</summary>
    MalformedCsr = 5,

    /// <summary>The request's signature does not verify with the key it carries (not made by the device's key).</summary>
    BadCsrSignature = 6,

    /// <summary>The request asks for CA:true.</summary>
    CaRequested = 7,

    /// <summary>The device key is shorter than the profile accepts.</summary>
    WeakKey = 8,

    /// <summary>The device key's type or curve is not one the profile accepts.</summary>
    KeyTypeNotAllowed = 9,

    /// <summary>The product has no provisioning profile (or its CA key is missing).</summary>
    NoProfile = 10,

    /// <summary>The API key presented is revoked or expired.</summary>
    RevokedApiKey = 11,

    /// <summary>The key sent more requests than the rate limit allows.</summary>
    RateLimited = 12,

    /// <summary>The firmware version the station reported is not a version at all (spaces, control characters, too long).</summary>
    InvalidFirmwareVersion = 13,
}

/// <summary>
/// A device certificate issued to one unit: its serial number, the line and batch that built it, the firmware it
/// runs, when and through which API key — the traceability record the test data joins on the unit's serial. Owned by
/// the line's manufacturer (it sees the certificates it obtained); the buyer sees all.
/// </summary>
public sealed class DeviceCertificate : IPartyOwned
{
    private DeviceCertificate()
    {
        Serial = CertificateSerial = Subject = RequestedBy = "";
        Der = [];
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>The unit's serial number.</summary>
    public string Serial { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public Guid BatchId { get; private set; }

    /// <summary>The firmware version the station reported for the unit, if it did.</summary>
    public string? FirmwareVersion { get; private set; }

    /// <summary>The certificate's serial number (X.509), upper-case hex.</summary>
    public string CertificateSerial { get; private set; }

    public string Subject { get; private set; }

    public Guid IssuerKeyId { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset NotAfter { get; private set; }

    /// <summary>The API key's name (the station) that asked.</summary>
    public string RequestedBy { get; private set; }

    public Guid? ApiKeyId { get; private set; }

    /// <summary>The certificate, DER.</summary>
    public byte[] Der { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public X509RevocationReason? RevocationReason { get; private set; }

    public static DeviceCertificate Record(Guid productId, string serial, Guid lineId, PartyId partyId, Guid batchId, string? firmwareVersion, string certificateSerial, string subject,
        Guid issuerKeyId, DateTimeOffset issuedAt, DateTimeOffset notAfter, string requestedBy, Guid? apiKeyId, byte[] der) => new()
    {
        Id = Guid.CreateVersion7(),
        ProductId = productId,
        Serial = Guard.RequiredText(serial, "Serial", 100),
        LineId = lineId,
        PartyId = partyId,
        BatchId = batchId,
        FirmwareVersion = string.IsNullOrWhiteSpace(firmwareVersion) ? null : FirmwareRelease.CheckVersion(firmwareVersion),
        CertificateSerial = Guard.RequiredText(certificateSerial, "Certificate serial", 64),
        Subject = Guard.RequiredText(subject, "Subject", 500),
        IssuerKeyId = issuerKeyId,
        IssuedAt = Guard.Utc(issuedAt, "Issue time"),
        NotAfter = Guard.Utc(notAfter, "Expiry"),
        RequestedBy = Guard.RequiredText(requestedBy, "Requested by", 256),
        ApiKeyId = apiKeyId,
        Der = der is { Length: > 0 } ? der : throw new DomainException("The certificate is empty."),
    };

    /// <summary>The reasons a device certificate is revoked for (RFC 5280 §5.3.1, the ones that apply to a device).</summary>
    public static IReadOnlyList<X509RevocationReason> Reasons { get; } =
        [X509RevocationReason.Unspecified, X509RevocationReason.KeyCompromise, X509RevocationReason.Superseded, X509RevocationReason.CessationOfOperation, X509RevocationReason.AffiliationChanged];

    public void Revoke(X509RevocationReason reason, DateTimeOffset at, string by)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException($"The certificate of {Serial} was already revoked on {RevokedAt:yyyy-MM-dd}.");
        }

        if (!Reasons.Contains(reason))
        {
            throw new DomainException($"'{reason}' is not a reason a device certificate is revoked for.");
        }

        RevocationReason = reason;
        RevokedAt = Guard.Utc(at, "Revocation time");
        RevokedBy = Guard.RequiredText(by, "Revoked by", 256);
    }
}

/// <summary>A serial block of a batch the line has open now, with the batch's size and the certificates already issued for the batch.</summary>
public sealed record OpenAllocation(SerialBlock Block, int BatchQuantity, int Issued);

/// <summary>The decision on one request: the allocation it draws on, or a refusal with its reason.</summary>
public sealed record IssuanceDecision(OpenAllocation? Allocation, IssuanceRefusal? Refusal, string? Reason)
{
    public static IssuanceDecision Refuse(IssuanceRefusal refusal, string reason) => new(null, refusal, reason);
}

/// <summary>
/// The issuing rules in the order they are applied: the line first (a key never learns anything about another line),
/// then the serial (new, inside an open allocation with units left), then the profile and the request. Pure: the caller
/// reads the facts and acts on the decision.
/// </summary>
public static class IssuanceRules
{
    public static IssuanceDecision Decide(bool keyMayUseLine, string serial, bool serialCertified, IReadOnlyList<OpenAllocation> open, ProvisioningProfile? profile, CsrFacts? csr, IssuanceRefusal? csrProblem, string? csrProblemReason)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (!keyMayUseLine)
        {
            return IssuanceDecision.Refuse(IssuanceRefusal.WrongLine, "the API key is not bound to this line");
        }

        if (serialCertified)
        {
            return IssuanceDecision.Refuse(IssuanceRefusal.DuplicateSerial, $"serial {serial} already has a certificate");
        }

        var allocation = open.FirstOrDefault(a => a.Block.Contains(serial));
        if (allocation is null)
        {
            return IssuanceDecision.Refuse(IssuanceRefusal.UnallocatedSerial, open.Count == 0
                ? $"serial {serial} is not allocated: the line has no open batch with serial numbers"
                : $"serial {serial} is in none of the line's open serial blocks ({string.Join(", ", open.Select(a => $"{a.Block.FirstSerial}–{a.Block.LastSerial}"))})");
        }

        if (allocation.Issued >= Math.Min(allocation.BatchQuantity, allocation.Block.Count))
        {
            return IssuanceDecision.Refuse(IssuanceRefusal.AllocationUsedUp, $"the batch's allocation of {allocation.BatchQuantity} units is used up ({allocation.Issued} certificates issued)");
        }

        if (profile is null)
        {
            return IssuanceDecision.Refuse(IssuanceRefusal.NoProfile, "the product has no provisioning profile");
        }

        if (csrProblem is { } problem)
        {
            return IssuanceDecision.Refuse(problem, csrProblemReason ?? "the request is not acceptable");
        }

        if (csr is null)
        {
            return IssuanceDecision.Refuse(IssuanceRefusal.MalformedCsr, "no certificate signing request was sent");
        }

        return profile.Judge(csr) is { } judged ? IssuanceDecision.Refuse(judged.Refusal, judged.Reason) : new IssuanceDecision(allocation, null, null);
    }
}
