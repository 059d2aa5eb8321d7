using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Persistence;

/// <summary>
/// Refuses, before anything reaches the database, any write by a restricted caller to a row of another party:
/// adding a row for another party, changing or deleting one (judged by its original owner as well, so a row
/// cannot be moved between parties), and any change to rows no single manufacturer owns (parties, products,
/// programs, the buyer's assessments and decisions).
/// </summary>
public sealed class PartyIsolationInterceptor(IPartyContext partyContext) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Check(DbContext? context)
    {
        var scope = partyContext.Scope;
        if (context is null || !scope.IsRestricted)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Domain.Vault.AccessLogEntry when entry.State == EntityState.Added:
                    // The vault's access log records manufacturers' downloads and refused attempts: anyone appends, nobody changes.
                    break;
                case Party:
                    throw Violation(entry, "parties are managed by the buyer");
                case IPartyOwned owned:
                    if (owned.PartyId != scope.PartyId)
                    {
                        throw Violation(entry, $"the row belongs to party {owned.PartyId}");
                    }

                    if (entry.State != EntityState.Added
                        && entry.Property(nameof(IPartyOwned.PartyId)).OriginalValue is PartyId original
                        && original != scope.PartyId)
                    {
                        throw Violation(entry, $"the row belonged to party {original}");
                    }

                    break;
                case Microsoft.AspNetCore.Identity.IdentityUserToken<Guid> or Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid> or Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>:
                    // Identity's side tables of the person's own account (the account itself is party-owned).
                    break;
                default:
                    throw Violation(entry, "only the buyer changes rows that no single manufacturer owns");
            }
        }
    }

    private static PartyIsolationException Violation(EntityEntry entry, string why) =>
        new($"Refused to {Verb(entry.State)} a {entry.Metadata.ClrType.Name}: {why}, not to the caller's party.");

    private static string Verb(EntityState state) => state switch
    {
        EntityState.Added => "add",
        EntityState.Deleted => "delete",
        _ => "change",
    };
}
