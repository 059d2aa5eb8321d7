using System.Security.Cryptography;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Domain.Tests.Provisioning;

/// <summary>The pure rules of provisioning: serial blocks, the certificate profile's judgement, the order of the issuing checks, releases and keys.</summary>
public sealed class ProvisioningRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly string P256 = KeyAlgorithms.CurveOid(KeyAlgorithm.EcdsaP256);
    private static readonly string P384 = KeyAlgorithms.CurveOid(KeyAlgorithm.EcdsaP384);

    private static SerialBlock Block(string prefix = "AUR-V", long first = 101, long last = 200, int width = 6, int units = 500) =>
        SerialBlock.Allocate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new PartyId(Guid.NewGuid()), units, prefix, first, last, width, At, "buyer");

    private static ProvisioningProfile Profile(bool p256 = true, bool p384 = false, int rsa = 0)
    {
        var profile = ProvisioningProfile.Create(Guid.NewGuid(), Guid.NewGuid(), At, "buyer");
        profile.Update("CN={serial}, OU={product}, O=Aurora", p256, p384, rsa, 3650, true, false, profile.IssuingCaKeyId, At, "buyer");
        return profile;
    }

    [Theory]
    [InlineData("AUR-V000101", true)]
    [InlineData("AUR-V000200", true)]
    [InlineData("AUR-V000100", false)]
    [InlineData("AUR-V000201", false)]
    [InlineData("AUR-V00150", false)]
    [InlineData("AUR-V0001500", false)]
    [InlineData("AUR-P000150", false)]
    [InlineData("AUR-V00015x", false)]
    [InlineData("aur-v000150", false)]
    public void A_block_holds_exactly_its_serials(string serial, bool inside) => Block().Contains(serial).ShouldBe(inside);

    [Fact]
    public void A_block_is_never_larger_than_the_units_without_serials_and_is_well_formed()
    {
        Should.Throw<DomainException>(() => Block(units: 99)).Message.ShouldContain("only 99 units of the batch have none yet");
        Should.Throw<DomainException>(() => Block(first: 10, last: 9)).Message.ShouldContain("empty");
        Should.Throw<DomainException>(() => Block(last: 1_000_000)).Message.ShouldContain("does not fit in 6 digits");
        Should.Throw<DomainException>(() => Block(prefix: "AUR V")).Message.ShouldContain("without spaces");
        Should.Throw<DomainException>(() => Block(prefix: "AUR,O=Evil")).Message.ShouldContain("special in a certificate's subject");
        var block = Block();
        (block.Count, block.FirstSerial, block.LastSerial).ShouldBe((100L, "AUR-V000101", "AUR-V000200"));
        block.Overlaps(Block(first: 200, last: 250)).ShouldBeTrue();
        block.Overlaps(Block(first: 201, last: 250)).ShouldBeFalse();
        block.Overlaps(Block(prefix: "AUR-P")).ShouldBeFalse();
    }

    [Fact]
    public void A_block_counts_its_certificates_and_refuses_one_more_than_it_holds()
    {
        var block = Block(first: 1, last: 2);
        block.RecordIssue();
        block.RecordIssue();
        Should.Throw<DomainException>(block.RecordIssue).Message.ShouldContain("used up");
    }

    [Theory]
    [InlineData(DeviceKeyType.Ec, 256, "p256", false, null)]
    [InlineData(DeviceKeyType.Ec, 384, "p384", false, IssuanceRefusal.KeyTypeNotAllowed)]
    [InlineData(DeviceKeyType.Ec, 256, "p256", true, IssuanceRefusal.CaRequested)]
    [InlineData(DeviceKeyType.Ec, 192, "1.2.840.10045.3.1.1", false, IssuanceRefusal.WeakKey)]
    [InlineData(DeviceKeyType.Ec, 256, "1.3.132.0.10", false, IssuanceRefusal.KeyTypeNotAllowed)]
    [InlineData(DeviceKeyType.Rsa, 1024, null, false, IssuanceRefusal.WeakKey)]
    [InlineData(DeviceKeyType.Rsa, 2048, null, false, IssuanceRefusal.KeyTypeNotAllowed)]
    [InlineData(DeviceKeyType.Other, 0, null, false, IssuanceRefusal.KeyTypeNotAllowed)]
    public void The_profile_judges_the_requested_key_and_constraints(DeviceKeyType type, int size, string? curve, bool ca, IssuanceRefusal? expected)
    {
        var oid = curve switch { "p256" => P256, "p384" => P384, _ => curve };
        IssuanceRefusal? judged = Profile().Judge(new CsrFacts(type, size, oid, ca))?.Refusal;
        judged.ShouldBe(expected);
    }

    [Fact]
    public void RSA_is_accepted_at_the_profiles_minimum_and_never_below_2048()
    {
        var profile = Profile(rsa: 3072);
        profile.Judge(new CsrFacts(DeviceKeyType.Rsa, 3072, null, false)).ShouldBeNull();
        profile.Judge(new CsrFacts(DeviceKeyType.Rsa, 2048, null, false))!.Value.Refusal.ShouldBe(IssuanceRefusal.WeakKey);
        Should.Throw<DomainException>(() => Profile(rsa: 1024)).Message.ShouldContain("NIST SP 800-57");
        profile.AcceptedKeys.ShouldBe("ECDSA P-256, RSA ≥ 3072");
    }

    [Fact]
    public void The_profile_requires_the_serial_a_key_and_a_use_and_names_the_unit_safely()
    {
        var profile = Profile();
        Should.Throw<DomainException>(() => profile.Update("CN=device", true, false, 0, 365, true, false, Guid.NewGuid(), At, "b")).Message.ShouldContain("{serial}");
        Should.Throw<DomainException>(() => profile.Update("CN={serial}", false, false, 0, 365, true, false, Guid.NewGuid(), At, "b")).Message.ShouldContain("no device key");
        Should.Throw<DomainException>(() => profile.Update("CN={serial}", true, false, 0, 365, false, false, Guid.NewGuid(), At, "b")).Message.ShouldContain("at least one use");
        Should.Throw<DomainException>(() => profile.Update("CN={serial}", true, false, 0, 0, true, false, Guid.NewGuid(), At, "b")).Message.ShouldContain("validity");
        profile.SubjectFor("SN-7", "VSM-200, rev B").ShouldBe("CN=SN-7, OU=VSM-200  rev B, O=Aurora");
        Should.Throw<DomainException>(() => profile.SubjectFor("SN,O=Evil", "P")).Message.ShouldContain("special in a distinguished name");
    }

    [Fact]
    public void The_issuing_checks_apply_in_order_line_serial_allocation_profile_request()
    {
        var block = Block(first: 1, last: 2, units: 2);
        var open = new[] { new OpenAllocation(block, 2, 0) };
        var good = new CsrFacts(DeviceKeyType.Ec, 256, P256, false);
        var profile = Profile();
        IssuanceRules.Decide(false, "AUR-V000001", true, open, null, null, IssuanceRefusal.BadCsrSignature, "x").Refusal.ShouldBe(IssuanceRefusal.WrongLine);
        IssuanceRules.Decide(true, "AUR-V000001", true, open, null, null, null, null).Refusal.ShouldBe(IssuanceRefusal.DuplicateSerial);
        IssuanceRules.Decide(true, "AUR-V000003", false, open, profile, good, null, null).Refusal.ShouldBe(IssuanceRefusal.UnallocatedSerial);
        IssuanceRules.Decide(true, "AUR-V000001", false, [], profile, good, null, null).Reason!.ShouldContain("no open batch");
        IssuanceRules.Decide(true, "AUR-V000001", false, [new OpenAllocation(block, 2, 2)], profile, good, null, null).Refusal.ShouldBe(IssuanceRefusal.AllocationUsedUp);
        IssuanceRules.Decide(true, "AUR-V000001", false, open, null, good, null, null).Refusal.ShouldBe(IssuanceRefusal.NoProfile);
        IssuanceRules.Decide(true, "AUR-V000001", false, open, profile, null, IssuanceRefusal.BadCsrSignature, "sig").Refusal.ShouldBe(IssuanceRefusal.BadCsrSignature);
        IssuanceRules.Decide(true, "AUR-V000001", false, open, profile, good with { RequestsCa = true }, null, null).Refusal.ShouldBe(IssuanceRefusal.CaRequested);
        var granted = IssuanceRules.Decide(true, "AUR-V000002", false, open, profile, good, null, null);
        (granted.Refusal, granted.Allocation!.Block).ShouldBe((null, block));
    }

    [Fact]
    public void A_release_has_a_one_word_version_and_is_signed_once_with_a_firmware_key()
    {
        Should.Throw<DomainException>(() => FirmwareRelease.CheckVersion("2.4 beta")).Message.ShouldContain("one word");
        Should.Throw<DomainException>(() => FirmwareRelease.Approve(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "abc", "1.0", At, "b")).Message.ShouldContain("64 hexadecimal");
        var release = FirmwareRelease.Approve(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new string('A', 64), "2.5.0", At, "engineer");
        release.ImageSha256.ShouldBe(new string('a', 64));
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = ec.ExportSubjectPublicKeyInfo();
        var ca = CustodyKey.Record(Guid.NewGuid(), "CA", KeyPurpose.DeviceCa, KeyBackend.Software, KeyAlgorithm.EcdsaP256, "h", spki, At, "admin");
        var signing = CustodyKey.Record(Guid.NewGuid(), "Release", KeyPurpose.FirmwareSigning, KeyBackend.Pkcs11, KeyAlgorithm.EcdsaP256, "h2", spki, At, "admin");
        Should.Throw<DomainException>(() => release.RecordSignature(ca, [1], At, "admin")).Message.ShouldContain("device CA key");
        release.RecordSignature(signing, [1, 2], At, "admin");
        release.IsSigned.ShouldBeTrue();
        Should.Throw<DomainException>(() => release.RecordSignature(signing, [3], At, "admin")).Message.ShouldContain("never replaced");
    }

    [Fact]
    public void A_keys_fingerprint_is_the_SHA256_of_its_public_key_and_a_CA_numbers_its_CRLs()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = ec.ExportSubjectPublicKeyInfo();
        var key = CustodyKey.Record(Guid.NewGuid(), "CA", KeyPurpose.DeviceCa, KeyBackend.Software, KeyAlgorithm.EcdsaP256, "h", spki, At, "admin");
        key.Fingerprint.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(spki)));
        key.FingerprintGroups.Split(' ').Length.ShouldBe(16);
        key.NextCrlNumber.ShouldBe(1);
        key.RecordCrl([0x30], At);
        (key.CrlNumber, key.NextCrlNumber).ShouldBe((1L, 2L));
        var signing = CustodyKey.Record(Guid.NewGuid(), "S", KeyPurpose.FirmwareSigning, KeyBackend.Software, KeyAlgorithm.EcdsaP256, "h", spki, At, "admin");
        Should.Throw<DomainException>(() => signing.RecordCrl([0x30], At)).Message.ShouldContain("only a CA");
        KeyAlgorithms.Parse("ECDSA P-384").ShouldBe(KeyAlgorithm.EcdsaP384);
        Should.Throw<DomainException>(() => KeyAlgorithms.Parse("rsa2048")).Message.ShouldContain("ecdsa-p256 or ecdsa-p384");
    }

    [Fact]
    public void A_certificate_is_revoked_once_for_a_device_reason()
    {
        var certificate = DeviceCertificate.Record(Guid.NewGuid(), "SN1", Guid.NewGuid(), new PartyId(Guid.NewGuid()), Guid.NewGuid(), "2.4.1", "0A", "CN=SN1", Guid.NewGuid(), At, At.AddYears(10), "station", null, [1]);
        Should.Throw<DomainException>(() => certificate.Revoke(System.Security.Cryptography.X509Certificates.X509RevocationReason.CACompromise, At, "b")).Message.ShouldContain("not a reason");
        certificate.Revoke(System.Security.Cryptography.X509Certificates.X509RevocationReason.KeyCompromise, At, "buyer");
        Should.Throw<DomainException>(() => certificate.Revoke(System.Security.Cryptography.X509Certificates.X509RevocationReason.Superseded, At, "b")).Message.ShouldContain("already revoked");
    }
}
