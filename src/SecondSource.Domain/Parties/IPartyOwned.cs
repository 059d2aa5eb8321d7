namespace SecondSource.Domain.Parties;

/// <summary>
/// A row that belongs to one party. A manufacturer's user sees and changes only rows of its own party;
/// the buyer sees all of them. Persistence enforces this for every type that implements the interface.
/// </summary>
public interface IPartyOwned
{
    /// <summary>The owning party.</summary>
    PartyId PartyId { get; }
}
