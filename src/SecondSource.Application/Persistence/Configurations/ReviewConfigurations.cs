using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class QuarterlyReviewConfiguration : IEntityTypeConfiguration<QuarterlyReview>
{
    public void Configure(EntityTypeBuilder<QuarterlyReview> builder)
    {
        builder.ToTable("QuarterlyReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Quarter).HasMaxLength(8).IsRequired();
        builder.Property(r => r.Content).IsRequired();
        builder.Property(r => r.GeneratedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Attendees).IsRequired();
        builder.Property(r => r.Decisions).HasMaxLength(8000);
        builder.Property(r => r.FrozenBy).HasMaxLength(256);
        builder.Ignore(r => r.Frozen);
        builder.Ignore(r => r.QuarterValue);
        builder.HasIndex(r => new { r.ProgramId, r.Quarter, r.Version }).IsUnique();
        builder.HasOne<ProductProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Verdicts).WithOne().HasForeignKey(v => v.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Verdicts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReviewVerdictRecordConfiguration : IEntityTypeConfiguration<ReviewVerdictRecord>
{
    public void Configure(EntityTypeBuilder<ReviewVerdictRecord> builder)
    {
        builder.ToTable("ReviewVerdicts");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Area).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Verdict).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(v => new { v.ReviewId, v.SecondLineId, v.Area }).IsUnique();
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(v => v.SecondLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewLineSectionConfiguration : IEntityTypeConfiguration<ReviewLineSection>
{
    public void Configure(EntityTypeBuilder<ReviewLineSection> builder)
    {
        builder.ToTable("ReviewLineSections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Content).IsRequired();
        builder.HasIndex(s => new { s.ReviewId, s.LineId }).IsUnique();
        builder.HasIndex(s => s.PartyId);
        builder.HasOne<QuarterlyReview>().WithMany().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(s => s.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewCalendarConfiguration : IEntityTypeConfiguration<ReviewCalendar>
{
    public void Configure(EntityTypeBuilder<ReviewCalendar> builder)
    {
        builder.ToTable("ReviewCalendars");
        builder.HasKey(c => c.ProgramId);
        builder.Property(c => c.ProgramId).ValueGeneratedNever();
        builder.Property(c => c.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<ProductProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewFindingConfiguration : IEntityTypeConfiguration<ReviewFinding>
{
    public void Configure(EntityTypeBuilder<ReviewFinding> builder)
    {
        builder.ToTable("ReviewFindings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Area).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Title).HasMaxLength(300).IsRequired();
        builder.Property(f => f.OpenedIn).HasMaxLength(8).IsRequired();
        builder.Property(f => f.RootCauseCategory).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.RootCause).HasMaxLength(4000);
        builder.Property(f => f.RootCauseEvidence).HasMaxLength(2000);
        builder.Property(f => f.RootCauseOwner).HasMaxLength(200);
        builder.Property(f => f.RootCauseBy).HasMaxLength(256);
        builder.Ignore(f => f.HasRootCause);
        builder.HasIndex(f => new { f.ProgramId, f.SecondLineId, f.Area }).IsUnique();
        builder.HasOne<ProductProgram>().WithMany().HasForeignKey(f => f.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(f => f.PrimaryLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(f => f.SecondLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Actions).WithOne().HasForeignKey(a => a.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FindingActionConfiguration : IEntityTypeConfiguration<FindingAction>
{
    public void Configure(EntityTypeBuilder<FindingAction> builder)
    {
        builder.ToTable("FindingActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Description).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.Owner).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class PurchaseRecordConfiguration : IEntityTypeConfiguration<PurchaseRecord>
{
    public void Configure(EntityTypeBuilder<PurchaseRecord> builder)
    {
        builder.ToTable("PurchaseRecords");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Reference).HasMaxLength(100).IsRequired();
        builder.Property(p => p.UnitPrice).HasPrecision(18, 4);
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.Source).HasMaxLength(260).IsRequired();
        builder.Property(p => p.ImportedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(p => p.LeadTimeDays);
        builder.HasIndex(p => new { p.ProductId, p.LineId, p.Kind, p.Reference }).IsUnique();
        builder.HasIndex(p => p.PartyId);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(p => p.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}
