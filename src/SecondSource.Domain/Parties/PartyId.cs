namespace SecondSource.Domain.Parties;

/// <summary>Identifies a <see cref="Party"/>: the buyer or one manufacturer.</summary>
public readonly record struct PartyId(Guid Value)
{
    /// <summary>A fresh, time-ordered id.</summary>
    public static PartyId New() => new(Guid.CreateVersion7());

    /// <summary>Parses the text form written by <see cref="ToString"/>; false when it is not an id.</summary>
    public static bool TryParse(string? text, out PartyId id)
    {
        if (Guid.TryParse(text, out var value) && value != Guid.Empty)
        {
            id = new PartyId(value);
            return true;
        }

        id = default;
        return false;
    }

    public override string ToString() => Value.ToString();
}
