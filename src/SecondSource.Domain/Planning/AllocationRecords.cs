using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Planning;

/// <summary>
/// One period of a product's demand forecast (an ISO week or a calendar month; <see cref="End"/> is the day after the
/// last), with the file it came from. A newer import replaces the periods it overlaps. The buyer's figure, seen by the
/// buyer only.
/// </summary>
public sealed class ForecastPeriod : IBuyerOnly
{
    private ForecastPeriod()
    {
        ImportedBy = Source = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public int Quantity { get; private set; }

    public string Source { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public string ImportedBy { get; private set; }

    public static ForecastPeriod Create(Guid productId, DateOnly start, DateOnly end, int quantity, string source, DateTimeOffset at, string by)
    {
        if (end <= start || quantity < 0)
        {
            throw new DomainException($"A forecast period ends after it starts and has a quantity of at least 0 (was {start:yyyy-MM-dd}–{end:yyyy-MM-dd}, {quantity}).");
        }

        return new()
        {
            Id = Guid.CreateVersion7(), ProductId = productId, Start = start, End = end, Quantity = quantity,
            Source = Guard.RequiredText(source, "Source", 260), ImportedAt = Guard.Utc(at, "Imported at"), ImportedBy = Guard.RequiredText(by, "Imported by", 256),
        };
    }
}

/// <summary>
/// Units planned at a line for a product in one week (keyed by its Monday), from an optimiser run the buyer adopted or
/// an imported plan. Owned by the line's manufacturer: each line sees its own volume, the buyer sees both.
/// </summary>
public sealed class PlannedWeek : IPartyOwned
{
    private PlannedWeek()
    {
        Source = UpdatedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public DateOnly Monday { get; private set; }

    public int Units { get; private set; }

    public string Source { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public static PlannedWeek Create(Guid productId, Guid lineId, PartyId partyId, DateOnly monday, int units, string source, DateTimeOffset at, string by)
    {
        if (monday.DayOfWeek != DayOfWeek.Monday || units < 0)
        {
            throw new DomainException($"A plan week starts on a Monday and plans at least 0 units (was {monday:yyyy-MM-dd}, {units}).");
        }

        return new()
        {
            Id = Guid.CreateVersion7(), ProductId = productId, LineId = lineId, PartyId = partyId, Monday = monday, Units = units,
            Source = Guard.RequiredText(source, "Source", 100), UpdatedAt = Guard.Utc(at, "Updated at"), UpdatedBy = Guard.RequiredText(by, "Updated by", 256),
        };
    }
}
