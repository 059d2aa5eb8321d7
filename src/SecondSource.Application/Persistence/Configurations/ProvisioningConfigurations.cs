using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.TestData;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class CustodyKeyConfiguration : IEntityTypeConfiguration<CustodyKey>
{
    public void Configure(EntityTypeBuilder<CustodyKey> builder)
    {
        builder.ToTable("CustodyKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(CustodyKey.MaxNameLength).IsRequired();
        builder.Property(k => k.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Backend).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Algorithm).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Handle).HasMaxLength(200).IsRequired();
        builder.Property(k => k.PublicKey).IsRequired();
        builder.Property(k => k.Fingerprint).HasMaxLength(64).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(k => k.CrlNumber).IsConcurrencyToken();
        builder.Ignore(k => k.FingerprintGroups);
        builder.Ignore(k => k.NextCrlNumber);
        builder.HasIndex(k => k.Name).IsUnique();
        builder.HasIndex(k => k.Fingerprint).IsUnique();
    }
}

internal sealed class FirmwareReleaseConfiguration : IEntityTypeConfiguration<FirmwareRelease>
{
    public void Configure(EntityTypeBuilder<FirmwareRelease> builder)
    {
        builder.ToTable("FirmwareReleases");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).HasMaxLength(FirmwareRelease.MaxVersionLength).IsRequired();
        builder.Property(r => r.ImageSha256).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ApprovedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.SignedBy).HasMaxLength(256);
        builder.Ignore(r => r.IsSigned);
        builder.HasIndex(r => new { r.ProductId, r.Version }).IsUnique();
        builder.HasIndex(r => r.RevisionId);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Artifact>().WithMany().HasForeignKey(r => r.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ArtifactRevision>().WithMany().HasForeignKey(r => r.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustodyKey>().WithMany().HasForeignKey(r => r.SigningKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProvisioningProfileConfiguration : IEntityTypeConfiguration<ProvisioningProfile>
{
    public void Configure(EntityTypeBuilder<ProvisioningProfile> builder)
    {
        builder.ToTable("ProvisioningProfiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.SubjectPattern).HasMaxLength(500).IsRequired();
        builder.Property(p => p.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(p => p.AcceptedKeys);
        builder.HasIndex(p => p.ProductId).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustodyKey>().WithMany().HasForeignKey(p => p.IssuingCaKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SerialBlockConfiguration : IEntityTypeConfiguration<SerialBlock>
{
    public void Configure(EntityTypeBuilder<SerialBlock> builder)
    {
        builder.ToTable("SerialBlocks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Prefix).HasMaxLength(50).IsRequired();
        builder.Property(b => b.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(b => b.Issued).IsConcurrencyToken();
        builder.Ignore(b => b.Count);
        builder.Ignore(b => b.FirstSerial);
        builder.Ignore(b => b.LastSerial);
        builder.HasIndex(b => b.BatchId);
        builder.HasIndex(b => new { b.ProductId, b.Prefix });
        builder.HasOne<TestBatch>().WithMany().HasForeignKey(b => b.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(b => b.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeviceCertificateConfiguration : IEntityTypeConfiguration<DeviceCertificate>
{
    public void Configure(EntityTypeBuilder<DeviceCertificate> builder)
    {
        builder.ToTable("DeviceCertificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Serial).HasMaxLength(100).IsRequired();
        builder.Property(c => c.FirmwareVersion).HasMaxLength(FirmwareRelease.MaxVersionLength);
        builder.Property(c => c.CertificateSerial).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Subject).HasMaxLength(500).IsRequired();
        builder.Property(c => c.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(c => c.RevokedBy).HasMaxLength(256);
        builder.Property(c => c.RevocationReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Der).IsRequired();
        // One certificate per unit of a product, whichever line asks: the database refuses the second even when two
        // stations race past the handler's check.
        builder.HasIndex(c => new { c.ProductId, c.Serial }).IsUnique();
        builder.HasIndex(c => c.CertificateSerial).IsUnique();
        builder.HasIndex(c => new { c.BatchId, c.IssuedAt });
        builder.HasIndex(c => new { c.LineId, c.IssuedAt });
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(c => c.LineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TestBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustodyKey>().WithMany().HasForeignKey(c => c.IssuerKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
