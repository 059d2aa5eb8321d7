using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Planning;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class ShiftPlanConfiguration : IEntityTypeConfiguration<ShiftPlan>
{
    public void Configure(EntityTypeBuilder<ShiftPlan> builder)
    {
        builder.ToTable("ShiftPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(p => p.Clause);
        builder.HasIndex(p => new { p.ProductId, p.LineId }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(p => p.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurgeRunRecordConfiguration : IEntityTypeConfiguration<SurgeRunRecord>
{
    public void Configure(EntityTypeBuilder<SurgeRunRecord> builder)
    {
        builder.ToTable("SurgeRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Source).HasMaxLength(40).IsRequired();
        builder.Property(r => r.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(r => r.Run);
        builder.HasIndex(r => new { r.ProductId, r.LineId, r.On });
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(r => r.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShiftDrillConfiguration : IEntityTypeConfiguration<ShiftDrill>
{
    public void Configure(EntityTypeBuilder<ShiftDrill> builder)
    {
        builder.ToTable("ShiftDrills");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.WeeklyOutput).HasMaxLength(2000).IsRequired();
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.Property(d => d.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(d => d.Weeks);
        builder.Ignore(d => d.ReachedInWeek);
        builder.HasIndex(d => new { d.ProductId, d.LineId, d.HeldOn });
        builder.HasOne<Product>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(d => d.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ForecastPeriodConfiguration : IEntityTypeConfiguration<ForecastPeriod>
{
    public void Configure(EntityTypeBuilder<ForecastPeriod> builder)
    {
        builder.ToTable("ForecastPeriods");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Source).HasMaxLength(260).IsRequired();
        builder.Property(f => f.ImportedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(f => new { f.ProductId, f.Start });
        builder.HasOne<Product>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlannedWeekConfiguration : IEntityTypeConfiguration<PlannedWeek>
{
    public void Configure(EntityTypeBuilder<PlannedWeek> builder)
    {
        builder.ToTable("PlannedWeeks");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Source).HasMaxLength(100).IsRequired();
        builder.Property(w => w.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(w => new { w.ProductId, w.LineId, w.Monday }).IsUnique();
        builder.HasIndex(w => w.PartyId);
        builder.HasOne<Product>().WithMany().HasForeignKey(w => w.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(w => w.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OperatorTrainingConfiguration : IEntityTypeConfiguration<OperatorTraining>
{
    public void Configure(EntityTypeBuilder<OperatorTraining> builder)
    {
        builder.ToTable("OperatorTrainings");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Operator).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Skill).HasMaxLength(100).IsRequired();
        builder.Property(t => t.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(t => new { t.ProductId, t.LineId, t.TrainedOn });
        builder.HasIndex(t => t.PartyId);
        builder.HasOne<Product>().WithMany().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(t => t.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}
