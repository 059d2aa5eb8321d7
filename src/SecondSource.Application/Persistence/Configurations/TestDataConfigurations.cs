using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Programs;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class TestBatchConfiguration : IEntityTypeConfiguration<TestBatch>
{
    public void Configure(EntityTypeBuilder<TestBatch> builder)
    {
        builder.ToTable("TestBatches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(100).IsRequired();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.CreatedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(b => new { b.LineId, b.Name }).IsUnique();
        builder.HasIndex(b => new { b.ProductId, b.LineId, b.StartedAt });
        builder.HasOne<Product>().WithMany().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(b => b.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TestUnitConfiguration : IEntityTypeConfiguration<TestUnit>
{
    public void Configure(EntityTypeBuilder<TestUnit> builder)
    {
        builder.ToTable("TestUnits");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Serial).HasMaxLength(100).IsRequired();
        builder.Property(u => u.FirmwareVersion).HasMaxLength(64);
        builder.Property(u => u.FirstResult).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.LastResult).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(u => new { u.LineId, u.Serial }).IsUnique();
        builder.HasIndex(u => u.Serial);
        builder.HasIndex(u => u.BatchId);
        builder.HasOne<TestBatch>().WithMany().HasForeignKey(u => u.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TestRunConfiguration : IEntityTypeConfiguration<TestRun>
{
    public void Configure(EntityTypeBuilder<TestRun> builder)
    {
        builder.ToTable("TestRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Station).HasMaxLength(100).IsRequired();
        builder.Property(r => r.TestPlan).HasMaxLength(100);
        builder.Property(r => r.Result).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Values).IsRequired();
        builder.Property(r => r.Attributes).HasMaxLength(8000);
        builder.HasIndex(r => new { r.UnitId, r.StartedAt, r.Station }).IsUnique();
        builder.HasIndex(r => r.BatchId);
        builder.HasOne<TestUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MeasurementSet>().WithMany().HasForeignKey(r => r.SetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeasurementSetConfiguration : IEntityTypeConfiguration<MeasurementSet>
{
    public void Configure(EntityTypeBuilder<MeasurementSet> builder)
    {
        builder.ToTable("MeasurementSets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Hash).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Definition).IsRequired();
        builder.HasIndex(s => new { s.PartyId, s.Hash }).IsUnique();
    }
}

internal sealed class BatchMeasurementStatisticConfiguration : IEntityTypeConfiguration<BatchMeasurementStatistic>
{
    public void Configure(EntityTypeBuilder<BatchMeasurementStatistic> builder)
    {
        builder.ToTable("BatchMeasurementStatistics");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Unit).HasMaxLength(10).IsRequired();
        builder.Property(s => s.LimitsKey).HasMaxLength(60).IsRequired();
        builder.Ignore(s => s.Moments);
        builder.HasIndex(s => new { s.BatchId, s.Name, s.Unit, s.LimitsKey }).IsUnique();
        builder.HasOne<TestBatch>().WithMany().HasForeignKey(s => s.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TestDataImportConfiguration : IEntityTypeConfiguration<TestDataImport>
{
    public void Configure(EntityTypeBuilder<TestDataImport> builder)
    {
        builder.ToTable("TestDataImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(i => i.FileName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Format).HasMaxLength(20).IsRequired();
        builder.Property(i => i.ImportedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(i => new { i.PartyId, i.Sha256 }).IsUnique();
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(i => i.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TestDefectConfiguration : IEntityTypeConfiguration<TestDefect>
{
    public void Configure(EntityTypeBuilder<TestDefect> builder)
    {
        builder.ToTable("TestDefects");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Category).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Code).HasMaxLength(100);
        builder.Property(d => d.Designator).HasMaxLength(200);
        builder.Property(d => d.Description).HasMaxLength(500);
        builder.HasIndex(d => new { d.BatchId, d.Category });
        builder.HasIndex(d => d.UnitId);
        builder.HasOne<TestRun>().WithMany().HasForeignKey(d => d.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DfmItemConfiguration : IEntityTypeConfiguration<DfmItem>
{
    public void Configure(EntityTypeBuilder<DfmItem> builder)
    {
        builder.ToTable("DfmItems");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(4000).IsRequired();
        builder.Property(d => d.Evidence).HasMaxLength(2000);
        builder.Property(d => d.Measurement).HasMaxLength(200);
        builder.Property(d => d.Owner).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Resolution).HasMaxLength(2000);
        builder.Property(d => d.RaisedBy).HasMaxLength(256).IsRequired();
        builder.Property(d => d.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(d => new { d.ProductId, d.LineId });
        builder.HasOne<Product>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(d => d.LineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.History).WithOne().HasForeignKey(h => h.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.History).HasField("_history");
    }
}

internal sealed class DfmItemChangeConfiguration : IEntityTypeConfiguration<DfmItemChange>
{
    public void Configure(EntityTypeBuilder<DfmItemChange> builder)
    {
        builder.ToTable("DfmItemChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.Property(c => c.By).HasMaxLength(256).IsRequired();
    }
}

internal sealed class PilotGateDecisionConfiguration : IEntityTypeConfiguration<PilotGateDecision>
{
    public void Configure(EntityTypeBuilder<PilotGateDecision> builder)
    {
        builder.ToTable("PilotGateDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Why).HasMaxLength(2000).IsRequired();
        builder.Property(d => d.Summary).HasMaxLength(8000).IsRequired();
        builder.Property(d => d.DecidedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(d => new { d.ProductId, d.LineId });
        builder.HasOne<Product>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(d => d.LineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TestBatch>().WithMany().HasForeignKey(d => d.PilotBatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeasurementMarginConfiguration : IEntityTypeConfiguration<Domain.Statistics.MeasurementMargin>
{
    public void Configure(EntityTypeBuilder<Domain.Statistics.MeasurementMargin> builder)
    {
        builder.ToTable("MeasurementMargins");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Reason).HasMaxLength(1000).IsRequired();
        builder.Property(m => m.SetBy).HasMaxLength(256).IsRequired();
        builder.Ignore(m => m.Rule);
        builder.HasIndex(m => new { m.ProductId, m.Name }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
