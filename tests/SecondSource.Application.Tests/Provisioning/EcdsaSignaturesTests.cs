using System.Security.Cryptography;
using SecondSource.Application.Provisioning;

namespace SecondSource.Application.Tests.Provisioning;

/// <summary>r‖s from a token becomes the DER signature X.509 and openssl expect, including values with leading zero bytes.</summary>
public sealed class EcdsaSignaturesTests
{
    [Fact]
    public void Converted_signatures_verify_as_DER_for_many_keys_and_digests()
    {
        for (var i = 0; i < 200; i++)
        {
            using var key = ECDsa.Create(i % 2 == 0 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384);
            var digest = SHA256.HashData(BitConverter.GetBytes(i));
            var raw = key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            key.VerifyHash(digest, EcdsaSignatures.ToDer(raw), DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue($"signature {i}");
        }
    }

    [Fact]
    public void Leading_zeros_are_dropped_and_high_bits_padded_as_DER_requires()
    {
        // r = 00 00 01, s = 80 00 01 → SEQUENCE { INTEGER 01, INTEGER 00 80 00 01 }.
        EcdsaSignatures.ToDer([0, 0, 1, 0x80, 0, 1]).ShouldBe(new byte[] { 0x30, 0x09, 0x02, 0x01, 0x01, 0x02, 0x04, 0x00, 0x80, 0x00, 0x01 });
        Should.Throw<CryptographicException>(() => EcdsaSignatures.ToDer([1, 2, 3]));
    }
}
