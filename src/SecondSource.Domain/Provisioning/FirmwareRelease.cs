using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Provisioning;

/// <summary>
/// A firmware version the buyer released for production: one revision of the product's firmware binary in the vault,
/// its version, who approved it and when, and — once signed — the detached signature over the image digest made with a
/// firmware signing key in custody. A line that holds a grant to the revision fetches the image and its signature; a
/// version a line reports that is not released here is a warning.
/// </summary>
public sealed class FirmwareRelease : IBuyerOnly
{
    public const int MaxVersionLength = 50;

    private FirmwareRelease()
    {
        Version = ImageSha256 = ApprovedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid ArtifactId { get; private set; }

    public Guid RevisionId { get; private set; }

    /// <summary>The version the firmware reports, as the devices print it ("2.4.1").</summary>
    public string Version { get; private set; }

    /// <summary>SHA-256 of the image, lower-case hex (the vault revision's hash).</summary>
    public string ImageSha256 { get; private set; }

    public string ApprovedBy { get; private set; }

    public DateTimeOffset ApprovedAt { get; private set; }

    public Guid? SigningKeyId { get; private set; }

    /// <summary>The detached signature: ECDSA over the image digest, DER (RFC 3279) as <c>openssl dgst -verify</c> reads it.</summary>
    public byte[]? Signature { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public string? SignedBy { get; private set; }

    public bool IsSigned => Signature is not null;

    public static FirmwareRelease Approve(Guid productId, Guid artifactId, Guid revisionId, string imageSha256, string version, DateTimeOffset at, string by) => new()
    {
        Id = Guid.CreateVersion7(),
        ProductId = productId,
        ArtifactId = artifactId,
        RevisionId = revisionId,
        ImageSha256 = imageSha256 is { Length: 64 } && imageSha256.All(Uri.IsHexDigit) ? imageSha256.ToLowerInvariant() : throw new DomainException("The image digest must be 64 hexadecimal digits (SHA-256)."),
        Version = CheckVersion(version),
        ApprovedAt = Guard.Utc(at, "Approval time"),
        ApprovedBy = Guard.RequiredText(by, "Approved by", 256),
    };

    /// <summary>A version: 1 to 50 printable characters without spaces ("2.4.1", "v3.0.0-rc2").</summary>
    public static string CheckVersion(string? version)
    {
        var text = Guard.RequiredText(version, "Firmware version", MaxVersionLength);
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new DomainException($"The firmware version '{text}' contains spaces; a version is one word such as 2.4.1.");
        }

        return text;
    }

    /// <summary>Records the signature made with <paramref name="key"/>; a release is signed once.</summary>
    public void RecordSignature(CustodyKey key, byte[] signature, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsSigned)
        {
            throw new DomainException($"Release {Version} is already signed; a signature is never replaced (release a new version instead).");
        }

        if (key.Purpose != KeyPurpose.FirmwareSigning)
        {
            throw new DomainException($"{key.Name} is a device CA key; firmware is signed with a firmware signing key.");
        }

        Signature = signature is { Length: > 0 } ? signature : throw new DomainException("The signature is empty.");
        SigningKeyId = key.Id;
        SignedAt = Guard.Utc(at, "Signing time");
        SignedBy = Guard.RequiredText(by, "Signed by", 256);
    }
}
