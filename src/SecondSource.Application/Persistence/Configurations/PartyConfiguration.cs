using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Persistence.Configurations;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ToTable("Parties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Party.MaxNameLength).IsRequired();
        builder.Property(p => p.NormalizedName).HasMaxLength(Party.MaxNameLength).IsRequired();
        builder.HasIndex(p => p.NormalizedName).IsUnique();

        // Exactly one buyer per installation: a partial unique index, the same SQL on SQLite and PostgreSQL.
        builder.HasIndex(p => p.Kind).IsUnique().HasFilter("\"Kind\" = 'Buyer'").HasDatabaseName("IX_Parties_OneBuyer");
    }
}
