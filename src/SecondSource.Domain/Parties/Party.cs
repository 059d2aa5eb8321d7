using SecondSource.Domain.Common;

namespace SecondSource.Domain.Parties;

/// <summary>
/// An organisation taking part in the program: the buyer (the hardware company) or a manufacturer (a CM).
/// Every person and machine that signs in belongs to exactly one party.
/// </summary>
public sealed class Party
{
    /// <summary>Longest party name accepted.</summary>
    public const int MaxNameLength = 200;

    private Party(PartyId id, string name, PartyKind kind, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        NormalizedName = Normalize(name);
        Kind = kind;
        CreatedAt = createdAt;
    }

    public PartyId Id { get; private set; }

    /// <summary>The organisation's name as people know it, e.g. "Shenzhen Apex Electronics".</summary>
    public string Name { get; private set; }

    /// <summary>The name in upper case, for case-insensitive uniqueness on every database.</summary>
    public string NormalizedName { get; private set; }

    public PartyKind Kind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The buyer party; an installation has exactly one (enforced where parties are stored).</summary>
    public static Party CreateBuyer(string name, DateTimeOffset now) =>
        new(PartyId.New(), Guard.RequiredText(name, "Buyer name", MaxNameLength), PartyKind.Buyer, Guard.Utc(now, "Creation time"));

    /// <summary>A contract manufacturer.</summary>
    public static Party CreateManufacturer(string name, DateTimeOffset now) =>
        new(PartyId.New(), Guard.RequiredText(name, "Manufacturer name", MaxNameLength), PartyKind.Manufacturer, Guard.Utc(now, "Creation time"));

    /// <summary>Changes the display name.</summary>
    public void Rename(string name)
    {
        Name = Guard.RequiredText(name, "Party name", MaxNameLength);
        NormalizedName = Normalize(Name);
    }

    /// <summary>The form two names are compared in: "Apex EMS" and "APEX ems " are the same party.</summary>
    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
