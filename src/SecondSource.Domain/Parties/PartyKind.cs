namespace SecondSource.Domain.Parties;

/// <summary>What a party is to the second-source program.</summary>
public enum PartyKind
{
    /// <summary>The hardware company that owns the product and runs the program; exactly one per installation.</summary>
    Buyer = 1,

    /// <summary>A contract manufacturer (CM) that builds the product on one or more lines, primary or second source.</summary>
    Manufacturer = 2,
}
