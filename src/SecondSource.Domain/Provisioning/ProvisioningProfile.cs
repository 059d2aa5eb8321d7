using System.Globalization;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Provisioning;

/// <summary>The public key a device's certificate request carries, as far as the profile judges it.</summary>
public enum DeviceKeyType
{
    Ec = 1,
    Rsa = 2,
    Other = 3,
}

/// <summary>What the issuing rules need to know about a certificate signing request (read by the formats layer).</summary>
/// <param name="KeyType">The public key's type.</param>
/// <param name="KeySize">Bits: the curve size for EC, the modulus for RSA.</param>
/// <param name="CurveOid">For EC, the named curve's OID.</param>
/// <param name="RequestsCa">The request asks for basicConstraints CA:true.</param>
public sealed record CsrFacts(DeviceKeyType KeyType, int KeySize, string? CurveOid, bool RequestsCa);

/// <summary>
/// The PKI provisioning template of a product: how its device certificates look — the subject (a pattern holding the
/// unit's serial number), which device keys are accepted, validity, extended key usages, and the device CA that issues
/// them. The guide names it in the transfer package; here it is also what the issuing service enforces.
/// </summary>
public sealed class ProvisioningProfile : IBuyerOnly
{
    public const string SerialPlaceholder = "{serial}";
    public const string ProductPlaceholder = "{product}";

    /// <summary>NIST SP 800-57 part 1: RSA below 2048 bits is below 112-bit security, disallowed since 2013.</summary>
    public const int MinimumRsaBits = 2048;

    private ProvisioningProfile()
    {
        SubjectPattern = UpdatedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>An X.500 name with placeholders, e.g. <c>CN={serial}, OU={product}, O=Example Devices Ltd</c>.</summary>
    public string SubjectPattern { get; private set; }

    public bool AllowEcP256 { get; private set; }

    public bool AllowEcP384 { get; private set; }

    /// <summary>Smallest RSA modulus accepted; 0 when RSA device keys are not accepted.</summary>
    public int MinRsaBits { get; private set; }

    public int ValidityDays { get; private set; }

    /// <summary>The certificate carries the TLS client authentication usage (the device logs in to a service).</summary>
    public bool ClientAuth { get; private set; }

    /// <summary>The certificate carries the TLS server authentication usage (the device serves TLS).</summary>
    public bool ServerAuth { get; private set; }

    public Guid IssuingCaKeyId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public static ProvisioningProfile Create(Guid productId, Guid issuingCaKeyId, DateTimeOffset at, string by) => new()
    {
        Id = Guid.CreateVersion7(),
        ProductId = productId,
        IssuingCaKeyId = issuingCaKeyId,
        SubjectPattern = "CN={serial}, OU={product}",
        AllowEcP256 = true,
        AllowEcP384 = true,
        MinRsaBits = 0,
        ValidityDays = 3650,
        ClientAuth = true,
        UpdatedAt = Guard.Utc(at, "Update time"),
        UpdatedBy = Guard.RequiredText(by, "Updated by", 256),
    };

    /// <summary>Changes the template; the rules hold for certificates issued from now on.</summary>
    public void Update(string subjectPattern, bool allowEcP256, bool allowEcP384, int minRsaBits, int validityDays, bool clientAuth, bool serverAuth, Guid issuingCaKeyId, DateTimeOffset at, string by)
    {
        var pattern = Guard.RequiredText(subjectPattern, "Subject pattern", 500);
        if (!pattern.Contains(SerialPlaceholder, StringComparison.Ordinal))
        {
            throw new DomainException($"The subject pattern must hold {SerialPlaceholder}: every device certificate names its unit.");
        }

        if (!allowEcP256 && !allowEcP384 && minRsaBits == 0)
        {
            throw new DomainException("The profile accepts no device key at all; allow P-256, P-384 or RSA.");
        }

        if (minRsaBits != 0 && minRsaBits < MinimumRsaBits)
        {
            throw new DomainException($"RSA keys under {MinimumRsaBits.ToString(CultureInfo.InvariantCulture)} bits are too weak (NIST SP 800-57); set at least {MinimumRsaBits.ToString(CultureInfo.InvariantCulture)} or 0 to refuse RSA.");
        }

        if (validityDays is < 1 or > 9125)
        {
            throw new DomainException("The validity must be from 1 day to 25 years (9,125 days).");
        }

        if (!clientAuth && !serverAuth)
        {
            throw new DomainException("Choose at least one use: TLS client or TLS server authentication.");
        }

        SubjectPattern = pattern;
        AllowEcP256 = allowEcP256;
        AllowEcP384 = allowEcP384;
        MinRsaBits = minRsaBits;
        ValidityDays = validityDays;
        ClientAuth = clientAuth;
        ServerAuth = serverAuth;
        IssuingCaKeyId = issuingCaKeyId;
        UpdatedAt = Guard.Utc(at, "Update time");
        UpdatedBy = Guard.RequiredText(by, "Updated by", 256);
    }

    /// <summary>The subject for one unit. Characters that would change the name's structure are refused, not escaped.</summary>
    public string SubjectFor(string serial, string product)
    {
        ArgumentNullException.ThrowIfNull(serial);
        ArgumentNullException.ThrowIfNull(product);
        if (serial.IndexOfAny([',', '+', '=', '"', '\\', '<', '>', ';', '#']) >= 0)
        {
            throw new DomainException($"The serial '{serial}' holds a character that is special in a distinguished name.");
        }

        return SubjectPattern.Replace(SerialPlaceholder, serial, StringComparison.Ordinal)
            .Replace(ProductPlaceholder, product.Replace(",", " ", StringComparison.Ordinal).Replace("=", "-", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>The accepted device keys in words.</summary>
    public string AcceptedKeys => string.Join(", ", new[]
    {
        AllowEcP256 ? "ECDSA P-256" : null,
        AllowEcP384 ? "ECDSA P-384" : null,
        MinRsaBits > 0 ? $"RSA ≥ {MinRsaBits.ToString(CultureInfo.InvariantCulture)}" : null,
    }.Where(s => s is not null));

    /// <summary>Why the request's key or constraints break the profile, or null when they fit.</summary>
    public (IssuanceRefusal Refusal, string Reason)? Judge(CsrFacts csr)
    {
        ArgumentNullException.ThrowIfNull(csr);
        if (csr.RequestsCa)
        {
            return (IssuanceRefusal.CaRequested, "the request asks for CA:true; a device certificate is never a CA");
        }

        switch (csr.KeyType)
        {
            case DeviceKeyType.Ec when csr.CurveOid == KeyAlgorithms.CurveOid(KeyAlgorithm.EcdsaP256):
                return AllowEcP256 ? null : (IssuanceRefusal.KeyTypeNotAllowed, $"ECDSA P-256 keys are not accepted by this profile (accepted: {AcceptedKeys})");
            case DeviceKeyType.Ec when csr.CurveOid == KeyAlgorithms.CurveOid(KeyAlgorithm.EcdsaP384):
                return AllowEcP384 ? null : (IssuanceRefusal.KeyTypeNotAllowed, $"ECDSA P-384 keys are not accepted by this profile (accepted: {AcceptedKeys})");
            case DeviceKeyType.Ec when csr.KeySize < 256:
                return (IssuanceRefusal.WeakKey, $"an EC key of {csr.KeySize.ToString(CultureInfo.InvariantCulture)} bits is too weak (accepted: {AcceptedKeys})");
            case DeviceKeyType.Ec:
                return (IssuanceRefusal.KeyTypeNotAllowed, $"the curve {csr.CurveOid ?? "(unnamed)"} is not accepted (accepted: {AcceptedKeys})");
            case DeviceKeyType.Rsa when csr.KeySize < MinimumRsaBits || MinRsaBits > 0 && csr.KeySize < MinRsaBits:
                return (IssuanceRefusal.WeakKey, $"an RSA key of {csr.KeySize.ToString(CultureInfo.InvariantCulture)} bits is too weak (accepted: {AcceptedKeys})");
            case DeviceKeyType.Rsa:
                return MinRsaBits > 0 ? null : (IssuanceRefusal.KeyTypeNotAllowed, $"RSA keys are not accepted by this profile (accepted: {AcceptedKeys})");
            default:
                return (IssuanceRefusal.KeyTypeNotAllowed, $"the key type is not accepted (accepted: {AcceptedKeys})");
        }
    }
}
