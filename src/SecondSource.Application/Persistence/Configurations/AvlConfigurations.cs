using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Lines;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class PartConfiguration : IEntityTypeConfiguration<Part>
{
    public void Configure(EntityTypeBuilder<Part> builder)
    {
        builder.ToTable("Parts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(1000);
        builder.Property(p => p.Value).HasMaxLength(200);
        builder.Property(p => p.Package).HasMaxLength(200);
        builder.Property(p => p.CriticalityReason).HasMaxLength(500);
        builder.Ignore(p => p.Criticality);
        builder.HasIndex(p => p.Number).IsUnique();
    }
}

internal sealed class ComponentManufacturerConfiguration : IEntityTypeConfiguration<ComponentManufacturer>
{
    public void Configure(EntityTypeBuilder<ComponentManufacturer> builder)
    {
        builder.ToTable("ComponentManufacturers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Key).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(m => m.Key).IsUnique();
        builder.HasMany(m => m.Aliases).WithOne().HasForeignKey(a => a.ManufacturerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Aliases).HasField("_aliases");
    }
}

internal sealed class ManufacturerAliasConfiguration : IEntityTypeConfiguration<ManufacturerAlias>
{
    public void Configure(EntityTypeBuilder<ManufacturerAlias> builder)
    {
        builder.ToTable("ManufacturerAliases");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Key).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Text).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => a.Key).IsUnique();
    }
}

internal sealed class AvlEntryConfiguration : IEntityTypeConfiguration<AvlEntry>
{
    public void Configure(EntityTypeBuilder<AvlEntry> builder)
    {
        builder.ToTable("AvlEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Mpn).HasMaxLength(200).IsRequired();
        builder.Property(e => e.MpnKey).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Notes).HasMaxLength(2000);
        builder.Property(e => e.StatusReason).HasMaxLength(1000);
        builder.Property(e => e.ProposedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(e => new { e.PartId, e.ManufacturerId, e.MpnKey }).IsUnique();
        builder.HasOne<Part>().WithMany().HasForeignKey(e => e.PartId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ComponentManufacturer>().WithMany().HasForeignKey(e => e.ManufacturerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Qualifications).WithOne().HasForeignKey(q => q.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Qualifications).HasField("_qualifications");
    }
}

internal sealed class QualificationRecordConfiguration : IEntityTypeConfiguration<QualificationRecord>
{
    public void Configure(EntityTypeBuilder<QualificationRecord> builder)
    {
        builder.ToTable("QualificationRecords");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Justification).HasMaxLength(2000);
        builder.Property(q => q.Evidence).HasMaxLength(2000);
        builder.Property(q => q.By).HasMaxLength(256).IsRequired();
        builder.HasIndex(q => new { q.EntryId, q.Sequence }).IsUnique();
    }
}

internal sealed class LineAcceptanceConfiguration : IEntityTypeConfiguration<LineAcceptance>
{
    public void Configure(EntityTypeBuilder<LineAcceptance> builder)
    {
        builder.ToTable("LineAcceptances");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Evidence).HasMaxLength(2000);
        builder.Property(a => a.By).HasMaxLength(256).IsRequired();
        builder.HasIndex(a => new { a.EntryId, a.LineId }).IsUnique();
        builder.HasIndex(a => a.PartyId);
        builder.HasOne<AvlEntry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(a => a.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AvlChangeConfiguration : IEntityTypeConfiguration<AvlChange>
{
    public void Configure(EntityTypeBuilder<AvlChange> builder)
    {
        builder.ToTable("AvlChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Subject).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Before).HasMaxLength(2000).IsRequired();
        builder.Property(c => c.After).HasMaxLength(2000).IsRequired();
        builder.Property(c => c.By).HasMaxLength(256).IsRequired();
        builder.HasIndex(c => new { c.PartId, c.At });
        builder.HasIndex(c => c.PartyId);
        builder.HasOne<Part>().WithMany().HasForeignKey(c => c.PartId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CoverageSnapshotConfiguration : IEntityTypeConfiguration<CoverageSnapshot>
{
    public void Configure(EntityTypeBuilder<CoverageSnapshot> builder)
    {
        builder.ToTable("CoverageSnapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.Percent);
        builder.HasIndex(s => new { s.ProductId, s.LineId, s.At });
        builder.HasIndex(s => s.PartyId);
        builder.HasOne<Domain.Programs.Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BomRevision>().WithMany().HasForeignKey(s => s.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QualificationEvidenceConfiguration : IEntityTypeConfiguration<QualificationEvidence>
{
    public void Configure(EntityTypeBuilder<QualificationEvidence> builder)
    {
        builder.ToTable("QualificationEvidence");
        StoredEvidenceColumns.Configure(builder);
        builder.HasIndex(e => e.RecordId);
        builder.HasOne<QualificationRecord>().WithMany().HasForeignKey(e => e.RecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AcceptanceEvidenceConfiguration : IEntityTypeConfiguration<AcceptanceEvidence>
{
    public void Configure(EntityTypeBuilder<AcceptanceEvidence> builder)
    {
        builder.ToTable("AcceptanceEvidence");
        StoredEvidenceColumns.Configure(builder);
        builder.HasIndex(e => e.AcceptanceId);
        builder.HasIndex(e => e.PartyId);
        builder.HasOne<LineAcceptance>().WithMany().HasForeignKey(e => e.AcceptanceId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The columns every evidence file table has.</summary>
internal static class StoredEvidenceColumns
{
    public static void Configure<TEvidence>(EntityTypeBuilder<TEvidence> builder)
        where TEvidence : StoredEvidence
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(e => e.FileName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.MediaType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.By).HasMaxLength(256).IsRequired();
    }
}
