using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Application.Scheduling;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class StoredXmlKeyConfiguration : IEntityTypeConfiguration<StoredXmlKey>
{
    public void Configure(EntityTypeBuilder<StoredXmlKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(StoredXmlKey.MaxFriendlyNameLength).IsRequired();
        builder.Property(k => k.Xml).IsRequired();
    }
}

internal sealed class ScheduledRunConfiguration : IEntityTypeConfiguration<ScheduledRun>
{
    public void Configure(EntityTypeBuilder<ScheduledRun> builder)
    {
        builder.ToTable("ScheduledRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Job).HasMaxLength(ScheduledRun.MaxJobLength).IsRequired();
        builder.Property(r => r.Instance).HasMaxLength(ScheduledRun.MaxInstanceLength).IsRequired();
        builder.Property(r => r.Outcome).HasMaxLength(ScheduledRun.MaxOutcomeLength).IsRequired();
        builder.HasIndex(r => new { r.Job, r.PeriodStart }).IsUnique();
    }
}
