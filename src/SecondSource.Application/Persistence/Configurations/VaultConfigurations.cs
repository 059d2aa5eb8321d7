using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class ArtifactConfiguration : IEntityTypeConfiguration<Artifact>
{
    public void Configure(EntityTypeBuilder<Artifact> builder)
    {
        builder.ToTable("Artifacts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Title).HasMaxLength(200).IsRequired();
        builder.Property(a => a.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(a => a.Latest);
        builder.HasIndex(a => new { a.ProductId, a.Kind });
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Revisions).HasField("_revisions");
    }
}

internal sealed class ArtifactRevisionConfiguration : IEntityTypeConfiguration<ArtifactRevision>
{
    public void Configure(EntityTypeBuilder<ArtifactRevision> builder)
    {
        builder.ToTable("ArtifactRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(r => r.FileName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.MediaType).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ChangeNote).HasMaxLength(2000);
        builder.Property(r => r.UploadedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(r => new { r.ArtifactId, r.Number }).IsUnique();
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Party).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.ArtifactId);
        builder.HasIndex(e => new { e.Party, e.Sequence });
        // The log page filters by action and reads by sequence from a cursor: an index keeps a rare action from scanning the log.
        builder.HasIndex(e => new { e.Action, e.Sequence });
    }
}

internal sealed class LogCheckpointConfiguration : IEntityTypeConfiguration<LogCheckpoint>
{
    public void Configure(EntityTypeBuilder<LogCheckpoint> builder)
    {
        builder.ToTable("LogCheckpoints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Origin).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Head).HasMaxLength(64).IsRequired();
        builder.Property(c => c.KeyName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.KeyFingerprint).HasMaxLength(64).IsRequired();
        builder.Property(c => c.PublicKey).IsRequired();
        builder.Property(c => c.Signature).IsRequired();
        builder.Property(c => c.SignedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(c => c.SignedText);
        builder.Ignore(c => c.Text);
        builder.Ignore(c => c.FileName);
        builder.Ignore(c => c.FingerprintMatchesKey);
        builder.HasIndex(c => new { c.Size, c.SignedAt });
        builder.HasOne<Domain.Provisioning.CustodyKey>().WithMany().HasForeignKey(c => c.KeyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NdaConfiguration : IEntityTypeConfiguration<Nda>
{
    public void Configure(EntityTypeBuilder<Nda> builder)
    {
        builder.ToTable("Ndas");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Scope).HasMaxLength(500).IsRequired();
        builder.Property(n => n.DocumentSha256).HasMaxLength(64).IsRequired();
        builder.Property(n => n.DocumentName).HasMaxLength(200).IsRequired();
        builder.Property(n => n.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(n => n.PartyId);
        builder.HasOne<Party>().WithMany().HasForeignKey(n => n.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VaultGrantConfiguration : IEntityTypeConfiguration<VaultGrant>
{
    public void Configure(EntityTypeBuilder<VaultGrant> builder)
    {
        builder.ToTable("VaultGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.GrantedBy).HasMaxLength(256).IsRequired();
        builder.Property(g => g.RevokedBy).HasMaxLength(256);
        builder.Property(g => g.RevokeReason).HasMaxLength(500);
        builder.Ignore(g => g.IsRevoked);
        builder.HasIndex(g => new { g.PartyId, g.ArtifactId });
        builder.HasIndex(g => g.ArtifactId);
        builder.HasOne<Artifact>().WithMany().HasForeignKey(g => g.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ArtifactRevision>().WithMany().HasForeignKey(g => g.PinnedRevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(g => g.LineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(g => g.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DownloadLinkConfiguration : IEntityTypeConfiguration<DownloadLink>
{
    public void Configure(EntityTypeBuilder<DownloadLink> builder)
    {
        builder.ToTable("DownloadLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(l => l.UserName).HasMaxLength(256).IsRequired();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne<ArtifactRevision>().WithMany().HasForeignKey(l => l.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RevisionAcknowledgementConfiguration : IEntityTypeConfiguration<RevisionAcknowledgement>
{
    public void Configure(EntityTypeBuilder<RevisionAcknowledgement> builder)
    {
        builder.ToTable("RevisionAcknowledgements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.By).HasMaxLength(256).IsRequired();
        builder.HasIndex(a => new { a.LineId, a.ArtifactId, a.At });
        builder.HasOne<Artifact>().WithMany().HasForeignKey(a => a.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ArtifactRevision>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(a => a.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VaultNotificationConfiguration : IEntityTypeConfiguration<VaultNotification>
{
    public void Configure(EntityTypeBuilder<VaultNotification> builder)
    {
        builder.ToTable("VaultNotifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Message).HasMaxLength(2500).IsRequired();
        builder.HasIndex(n => new { n.PartyId, n.CreatedAt });
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(n => n.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LineFixtureConfiguration : IEntityTypeConfiguration<LineFixture>
{
    public void Configure(EntityTypeBuilder<LineFixture> builder)
    {
        builder.ToTable("LineFixtures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Name).HasMaxLength(200).IsRequired();
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.PhysicalId).HasMaxLength(100);
        builder.Property(f => f.Note).HasMaxLength(1000);
        builder.Property(f => f.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(f => new { f.ProductId, f.LineId, f.Name }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(f => f.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}
