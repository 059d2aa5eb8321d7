using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("Sites");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Address).HasMaxLength(500).IsRequired();
        builder.Property(s => s.Region).HasMaxLength(100);
        builder.HasOne<Party>().WithMany().HasForeignKey(s => s.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.PartyId);
    }
}

internal sealed class ManufacturingLineConfiguration : IEntityTypeConfiguration<ManufacturingLine>
{
    public void Configure(EntityTypeBuilder<ManufacturingLine> builder)
    {
        builder.ToTable("ManufacturingLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(200).IsRequired();
        builder.Property(l => l.SurgeEvidence).HasMaxLength(1000);
        builder.Ignore(l => l.Capabilities);
        builder.Ignore(l => l.Capacity);
        builder.HasOne<Party>().WithMany().HasForeignKey(l => l.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(l => l.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Certifications).WithOne().HasForeignKey(c => c.LineId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Certifications).HasField("_certifications").AutoInclude();
        builder.HasIndex(l => l.PartyId);
    }
}

internal sealed class LineCertificationConfiguration : IEntityTypeConfiguration<LineCertification>
{
    public void Configure(EntityTypeBuilder<LineCertification> builder)
    {
        builder.ToTable("LineCertifications");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}

internal sealed class LineProfileChangeConfiguration : IEntityTypeConfiguration<LineProfileChange>
{
    public void Configure(EntityTypeBuilder<LineProfileChange> builder)
    {
        builder.ToTable("LineProfileChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.By).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Summary).HasMaxLength(4000).IsRequired();
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(c => c.LineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PartyId, c.At });
    }
}

internal sealed class ZoneDefinitionConfiguration : IEntityTypeConfiguration<ZoneDefinition>
{
    public void Configure(EntityTypeBuilder<ZoneDefinition> builder)
    {
        builder.ToTable("Zones");
        builder.HasKey(z => z.Id);
        builder.Property(z => z.Id).ValueGeneratedNever();
        builder.Property(z => z.Name).HasMaxLength(100).IsRequired();
        builder.Property(z => z.Countries).HasMaxLength(1000).IsRequired();
    }
}
