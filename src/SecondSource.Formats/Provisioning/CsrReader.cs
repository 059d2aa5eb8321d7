using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Formats.Provisioning;

/// <summary>A certificate signing request as read: its public key and the facts the profile judges, or why it was not accepted.</summary>
public sealed record CsrReading(PublicKey? PublicKey, CsrFacts? Facts, IssuanceRefusal? Problem, string? Reason);

/// <summary>
/// Reads a PKCS#10 certificate signing request, PEM ("-----BEGIN CERTIFICATE REQUEST-----") or DER. The request is
/// parsed first without checking its signature, so a malformed body and a bad signature are told apart; then its
/// signature is verified with the public key it carries (proof the station holds the device's private key). Only the
/// public key and the CA request are used: the subject and names come from the product's profile, never from the
/// request.
/// </summary>
public static class CsrReader
{
    /// <summary>A request larger than this is not a device's CSR.</summary>
    public const int MaxBytes = 64 * 1024;

    private const string EcOid = "1.2.840.10045.2.1";
    private const string RsaOid = "1.2.840.113549.1.1.1";

    public static CsrReading Read(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return Refused(IssuanceRefusal.MalformedCsr, "the certificate signing request is empty");
        }

        if (content.Length > MaxBytes)
        {
            return Refused(IssuanceRefusal.MalformedCsr, $"the certificate signing request is over {MaxBytes / 1024} KiB");
        }

        var isPem = content.IndexOf("-----BEGIN"u8) >= 0;
        CertificateRequest request;
        try
        {
            request = Load(content, isPem, CertificateRequestLoadOptions.SkipSignatureValidation | CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or DecoderFallbackException)
        {
            return Refused(IssuanceRefusal.MalformedCsr, $"the body is not a PKCS#10 certificate signing request ({ex.Message.TrimEnd('.')})");
        }

        try
        {
            _ = Load(content, isPem, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        }
        catch (CryptographicException)
        {
            return Refused(IssuanceRefusal.BadCsrSignature, "the request's signature does not verify with the public key it carries");
        }

        var requestsCa = request.CertificateExtensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
        var key = request.PublicKey;
        try
        {
            CsrFacts facts;
            switch (key.Oid.Value)
            {
                case EcOid:
                    using (var ec = key.GetECDsaPublicKey() ?? throw new CryptographicException("no EC key"))
                    {
                        var curve = ec.ExportParameters(false).Curve;
                        facts = new CsrFacts(DeviceKeyType.Ec, ec.KeySize, curve.IsNamed ? curve.Oid.Value : null, requestsCa);
                    }

                    break;
                case RsaOid:
                    using (var rsa = key.GetRSAPublicKey() ?? throw new CryptographicException("no RSA key"))
                    {
                        facts = new CsrFacts(DeviceKeyType.Rsa, rsa.KeySize, null, requestsCa);
                    }

                    break;
                default:
                    facts = new CsrFacts(DeviceKeyType.Other, 0, null, requestsCa);
                    break;
            }

            return new CsrReading(key, facts, null, null);
        }
        catch (CryptographicException ex)
        {
            return Refused(IssuanceRefusal.MalformedCsr, $"the request's public key cannot be read ({ex.Message.TrimEnd('.')})");
        }
    }

    private static CertificateRequest Load(ReadOnlySpan<byte> content, bool isPem, CertificateRequestLoadOptions options) => isPem
        ? CertificateRequest.LoadSigningRequestPem(new UTF8Encoding(false, true).GetString(content), HashAlgorithmName.SHA256, options)
        : CertificateRequest.LoadSigningRequest(content.ToArray(), HashAlgorithmName.SHA256, options);

    private static CsrReading Refused(IssuanceRefusal problem, string reason) => new(null, null, problem, reason);
}
