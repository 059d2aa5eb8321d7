using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SecondSource.Domain.Provisioning;
using SecondSource.Formats.Provisioning;

namespace SecondSource.Formats.Tests.Provisioning;

/// <summary>PKCS#10 requests as stations send them: PEM and DER read, a malformed body and a bad signature told apart, the key and CA request reported.</summary>
public sealed class CsrReaderTests
{
    [Fact]
    public void A_PEM_or_DER_request_gives_its_key_and_curve()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest("CN=unit", key, HashAlgorithmName.SHA384);
        foreach (var body in new[] { Encoding.ASCII.GetBytes(request.CreateSigningRequestPem()), request.CreateSigningRequest() })
        {
            var reading = CsrReader.Read(body);
            reading.Problem.ShouldBeNull(reading.Reason);
            reading.Facts.ShouldBe(new CsrFacts(DeviceKeyType.Ec, 384, "1.3.132.0.34", false));
            reading.PublicKey!.ExportSubjectPublicKeyInfo().ShouldBe(key.ExportSubjectPublicKeyInfo());
        }
    }

    [Fact]
    public void An_RSA_key_and_a_CA_request_are_reported()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=unit", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        CsrReader.Read(request.CreateSigningRequest()).Facts.ShouldBe(new CsrFacts(DeviceKeyType.Rsa, 2048, null, true));
    }

    [Fact]
    public void A_malformed_body_an_altered_request_and_an_oversized_one_are_refused_apart()
    {
        CsrReader.Read([]).Problem.ShouldBe(IssuanceRefusal.MalformedCsr);
        CsrReader.Read("-----BEGIN CERTIFICATE REQUEST-----\nnot base64\n-----END CERTIFICATE REQUEST-----"u8).Problem.ShouldBe(IssuanceRefusal.MalformedCsr);
        CsrReader.Read(new byte[CsrReader.MaxBytes + 1]).Reason!.ShouldContain("over 64 KiB");

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var der = new CertificateRequest("CN=unit", key, HashAlgorithmName.SHA256).CreateSigningRequest();
        // Change the subject inside the signed part: still a well-formed request, but its signature no longer matches.
        var at = der.AsSpan().IndexOf("unit"u8);
        der[at] = (byte)'v';
        var reading = CsrReader.Read(der);
        reading.Problem.ShouldBe(IssuanceRefusal.BadCsrSignature);
        reading.Reason.ShouldBe("the request's signature does not verify with the public key it carries");
    }
}
