using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Avl;

/// <summary>A manufacturing line's answer to an approved source. No row means Pending.</summary>
public enum AcceptanceState
{
    Pending = 1,
    Accepted = 2,
    Refused = 3,
}

/// <summary>
/// Whether one manufacturing line accepts one AVL entry, with the line's evidence (first-article check, feeder and
/// program update). Owned by the line's manufacturer: its users record it, other manufacturers never see it, and a
/// refused source is not a source on that line.
/// </summary>
public sealed class LineAcceptance : IPartyOwned
{
    private LineAcceptance(Guid id, Guid entryId, Guid lineId, PartyId partyId)
    {
        Id = id;
        EntryId = entryId;
        LineId = lineId;
        PartyId = partyId;
    }

    public Guid Id { get; private set; }

    public Guid EntryId { get; private set; }

    /// <summary>The manufacturing line.</summary>
    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public AcceptanceState State { get; private set; } = AcceptanceState.Pending;

    /// <summary>The line's evidence or, for a refusal, its reason.</summary>
    public string? Evidence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; } = "";

    public static LineAcceptance For(Guid entryId, Lines.ManufacturingLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new LineAcceptance(Guid.CreateVersion7(), entryId, line.Id, line.PartyId);
    }

    /// <summary>Records the line's answer. Accepting needs evidence; refusing needs the reason.</summary>
    public (AcceptanceState Before, AcceptanceState After) Record(AcceptanceState state, string? evidence, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(state))
        {
            throw new DomainException($"'{state}' is not an acceptance state.");
        }

        var text = string.IsNullOrWhiteSpace(evidence) ? null : Guard.RequiredText(evidence, "Evidence", 2000);
        if (text is null && state != AcceptanceState.Pending)
        {
            throw new DomainException(state == AcceptanceState.Accepted
                ? "Accepting needs the line's evidence (e.g. first-article check, feeder and program update)."
                : "Refusing needs the reason.");
        }

        var before = State;
        State = state;
        Evidence = text;
        At = Guard.Utc(at, "Acceptance time");
        By = Guard.RequiredText(by, "Recorded by", 256);
        return (before, state);
    }
}
