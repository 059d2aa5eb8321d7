using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Testing;

/// <summary>Stores parties, people and keys for a test; every value valid by default.</summary>
public static class PartyBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public static async Task<Party> AddManufacturerAsync(this SecondSourceDbContext db, string name = "Apex EMS")
    {
        var party = Party.CreateManufacturer(name, Now);
        db.Parties.Add(party);
        await db.SaveChangesAsync();
        return party;
    }

    public static async Task<Party> AddBuyerAsync(this SecondSourceDbContext db, string name = "Aurora Instruments")
    {
        var party = Party.CreateBuyer(name, Now);
        db.Parties.Add(party);
        await db.SaveChangesAsync();
        return party;
    }

    /// <summary>A person stored directly (no password); for tests of isolation, not of sign-in.</summary>
    public static async Task<UserAccount> AddPersonAsync(this SecondSourceDbContext db, Party party, string email, Role? role = null)
    {
        var user = new UserAccount
        {
            Id = Guid.NewGuid(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = email,
            PartyId = party.Id,
            Role = role ?? (party.Kind == PartyKind.Buyer ? Role.Engineer : Role.Member),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = Now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task<(ApiKey Key, ApiKeyToken Token)> AddApiKeyAsync(this SecondSourceDbContext db, Party party, string name = "ICT station 1")
    {
        var issued = ApiKey.Issue(party.Id, name, "test", Now);
        db.ApiKeys.Add(issued.Key);
        await db.SaveChangesAsync();
        return issued;
    }
}
