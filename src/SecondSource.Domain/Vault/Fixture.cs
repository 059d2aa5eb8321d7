using System.Globalization;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Vault;

/// <summary>Where a line's copy of a test fixture stands.</summary>
public enum FixtureState
{
    /// <summary>A physical copy is on the line, identified and verified.</summary>
    Replicated = 1,

    /// <summary>Only the drawings and files exist for this line: the guide's pitfall.</summary>
    DocumentedOnly = 2,

    /// <summary>The line's copy was removed (sent back, scrapped, moved).</summary>
    Pulled = 3,
}

/// <summary>
/// A test fixture the product needs (an ICT bed of nails, an FCT rig, a programming jig), as one line holds it. Owned by
/// the line's manufacturer; kept by the buyer or that manufacturer.
/// </summary>
public sealed class LineFixture : IPartyOwned
{
    /// <summary>A replicated fixture whose last verification is older than this is flagged.</summary>
    public const int VerificationDays = 365;

    private LineFixture()
    {
        Name = UpdatedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Name { get; private set; }

    public FixtureState State { get; private set; }

    public string? PhysicalId { get; private set; }

    public DateOnly? LastVerifiedOn { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public static LineFixture Create(Guid productId, Guid lineId, PartyId partyId, string name, FixtureState state, string? physicalId, DateOnly? lastVerifiedOn, string? note, DateTimeOffset at, string by)
    {
        var fixture = new LineFixture
        {
            Id = Guid.CreateVersion7(),
            ProductId = productId,
            LineId = lineId,
            PartyId = partyId,
            Name = Guard.RequiredText(name, "Fixture", 200),
        };
        fixture.Update(state, physicalId, lastVerifiedOn, note, at, by);
        return fixture;
    }

    public void Update(FixtureState state, string? physicalId, DateOnly? lastVerifiedOn, string? note, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(state))
        {
            throw new DomainException($"'{state}' is not a fixture state.");
        }

        var id = string.IsNullOrWhiteSpace(physicalId) ? null : Guard.RequiredText(physicalId, "Fixture id", 100);
        var updatedAt = Guard.Utc(at, "Update time");
        if (state == FixtureState.Replicated && (id is null || lastVerifiedOn is null))
        {
            throw new DomainException($"A replicated fixture needs its physical id and the date it was last verified ({Name}).");
        }

        if (lastVerifiedOn is { } verified && verified > DateOnly.FromDateTime(updatedAt.UtcDateTime))
        {
            throw new DomainException($"The verification date {verified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is in the future.");
        }

        State = state;
        PhysicalId = id;
        LastVerifiedOn = lastVerifiedOn;
        Note = string.IsNullOrWhiteSpace(note) ? null : Guard.RequiredText(note, "Note", 1000);
        UpdatedAt = updatedAt;
        UpdatedBy = Guard.RequiredText(by, "Updated by", 256);
    }

    /// <summary>What the buyer should worry about, or null.</summary>
    public string? WarningAt(DateTimeOffset now) => State switch
    {
        FixtureState.DocumentedOnly => "only documented, not replicated: the line cannot test without it (the guide's pitfall)",
        FixtureState.Pulled => "pulled from the line",
        FixtureState.Replicated when LastVerifiedOn is { } verified && DateOnly.FromDateTime(now.UtcDateTime).DayNumber - verified.DayNumber > VerificationDays
            => $"last verified {verified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, more than a year ago",
        _ => null,
    };
}
