using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Planning;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Code).HasMaxLength(100).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.RequiredCertifications).HasMaxLength(200).IsRequired();
        builder.Ignore(p => p.Requirements);
    }
}

internal sealed class ProductProgramConfiguration : IEntityTypeConfiguration<ProductProgram>
{
    public void Configure(EntityTypeBuilder<ProductProgram> builder)
    {
        builder.ToTable("Programs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Lines).HasField("_lines");
        builder.Ignore(p => p.Policy);

        // The policy is one value (eight numbers read and written together): a JSON column, null for the guide's defaults.
        builder.Property(p => p.AllocationPolicy).HasMaxLength(400).HasConversion(
            policy => policy == null ? null : JsonSerializer.Serialize(policy, JsonSerializerOptions.Default),
            json => json == null ? null : JsonSerializer.Deserialize<SharePolicy>(json, JsonSerializerOptions.Default));
    }
}

internal sealed class ProgramLineConfiguration : IEntityTypeConfiguration<ProgramLine>
{
    public void Configure(EntityTypeBuilder<ProgramLine> builder)
    {
        builder.ToTable("ProgramLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => new { l.ProgramId, l.LineId }).IsUnique();
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(l => l.LineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(l => l.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.History).WithOne().HasForeignKey(h => h.ProgramLineId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.History).HasField("_history");
        builder.HasIndex(l => l.PartyId);
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.ToTable("StageChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.By).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Note).HasMaxLength(1000);
    }
}

internal sealed class SelectionDecisionConfiguration : IEntityTypeConfiguration<SelectionDecision>
{
    public void Configure(EntityTypeBuilder<SelectionDecision> builder)
    {
        builder.ToTable("SelectionDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Reasons).HasMaxLength(4000).IsRequired();
        builder.Property(d => d.DecidedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<ProductProgram>().WithMany().HasForeignKey(d => d.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(d => d.ChosenLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CandidateAssessmentConfiguration : IEntityTypeConfiguration<CandidateAssessmentRecord>
{
    public void Configure(EntityTypeBuilder<CandidateAssessmentRecord> builder)
    {
        builder.ToTable("CandidateAssessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.ProgramId, a.LineId }).IsUnique();
        builder.Property(a => a.Evidence).HasMaxLength(2000);
        builder.Property(a => a.AssessedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(a => a.Assessment);
        builder.HasOne<ProductProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ManufacturingLine>().WithMany().HasForeignKey(a => a.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}
