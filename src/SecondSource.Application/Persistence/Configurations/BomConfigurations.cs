using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class BomRevisionConfiguration : IEntityTypeConfiguration<BomRevision>
{
    public void Configure(EntityTypeBuilder<BomRevision> builder)
    {
        builder.ToTable("BomRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Label).HasMaxLength(100).IsRequired();
        builder.Property(r => r.FileName).HasMaxLength(260).IsRequired();
        builder.Property(r => r.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Format).HasMaxLength(20).IsRequired();
        builder.Property(r => r.ImportedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.LayoutHash).HasMaxLength(64);
        builder.Property(r => r.ColumnChoices).HasMaxLength(8000);
        builder.Property(r => r.ReleasedBy).HasMaxLength(256);
        builder.Property(r => r.ReleaseNote).HasMaxLength(2000);
        builder.HasIndex(r => new { r.ProductId, r.State });
        builder.HasIndex(r => new { r.ProductId, r.Sha256 }).IsUnique();
        builder.HasIndex(r => r.LayoutHash);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).HasField("_lines");
    }
}

internal sealed class BomRevisionLineConfiguration : IEntityTypeConfiguration<BomRevisionLine>
{
    public void Configure(EntityTypeBuilder<BomRevisionLine> builder)
    {
        builder.ToTable("BomRevisionLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Designators).IsRequired();
        builder.Property(l => l.InternalPartNumber).HasMaxLength(200);
        builder.Property(l => l.Description).HasMaxLength(1000);
        builder.Property(l => l.Value).HasMaxLength(200);
        builder.Property(l => l.Footprint).HasMaxLength(200);
        builder.HasIndex(l => new { l.RevisionId, l.Position });
        builder.HasIndex(l => l.PartId);
        builder.HasOne<Domain.Avl.Part>().WithMany().HasForeignKey(l => l.PartId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Sources).WithOne().HasForeignKey(s => s.LineId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Sources).HasField("_sources");
    }
}

internal sealed class BomRevisionSourceConfiguration : IEntityTypeConfiguration<BomRevisionSource>
{
    public void Configure(EntityTypeBuilder<BomRevisionSource> builder)
    {
        builder.ToTable("BomRevisionSources");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Manufacturer).HasMaxLength(200).IsRequired();
        builder.Property(s => s.ManufacturerKey).HasMaxLength(200);
        builder.Property(s => s.Mpn).HasMaxLength(200).IsRequired();
    }
}
