using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.ArtifactId);
    }
}
