using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Avl;

/// <summary>
/// The dual-sourcing coverage of a product's latest BOM revision at one moment: how many critical lines, and how many
/// of them are dual-sourced — on every line (<see cref="LineId"/> null, owned by the buyer) or on one manufacturing
/// line (owned by that line's manufacturer, so it sees its own trend only). Recorded when the library changes; the
/// series is the coverage trend.
/// </summary>
public sealed class CoverageSnapshot : IPartyOwned
{
    private CoverageSnapshot(Guid id, PartyId partyId, Guid productId, Guid revisionId, Guid? lineId, DateTimeOffset at, int criticalLines, int dualSourcedLines)
    {
        Id = id;
        PartyId = partyId;
        ProductId = productId;
        RevisionId = revisionId;
        LineId = lineId;
        At = at;
        CriticalLines = criticalLines;
        DualSourcedLines = dualSourcedLines;
    }

    public Guid Id { get; private set; }

    public PartyId PartyId { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid RevisionId { get; private set; }

    public Guid? LineId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int CriticalLines { get; private set; }

    public int DualSourcedLines { get; private set; }

    /// <summary>Share of critical lines dual-sourced, 0-100 (100 when there is no critical line).</summary>
    public double Percent => CriticalLines == 0 ? 100 : 100.0 * DualSourcedLines / CriticalLines;

    public static CoverageSnapshot Take(PartyId owner, Guid productId, Guid revisionId, Guid? lineId, DateTimeOffset at, int criticalLines, int dualSourcedLines)
    {
        if (criticalLines < 0 || dualSourcedLines < 0 || dualSourcedLines > criticalLines)
        {
            throw new DomainException($"Coverage of {dualSourcedLines} out of {criticalLines} critical lines is impossible.");
        }

        return new CoverageSnapshot(Guid.CreateVersion7(), owner, productId, revisionId, lineId, Guard.Utc(at, "Snapshot time"), criticalLines, dualSourcedLines);
    }

    /// <summary>True when this snapshot says the same as <paramref name="other"/> (so a new one adds nothing to the trend).</summary>
    public bool SameAs(CoverageSnapshot? other) =>
        other is not null && other.RevisionId == RevisionId && other.CriticalLines == CriticalLines && other.DualSourcedLines == DualSourcedLines;
}
