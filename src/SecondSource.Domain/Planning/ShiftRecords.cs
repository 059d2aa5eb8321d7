using System.Globalization;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Planning;

/// <summary>
/// The emergency-shift plan of a product's second line, set by the buyer: the contract clause (target share, weeks
/// to reach it), the reference weekly demand the clause covers, reserved and installed weekly capacity at the second
/// line, the primary's recovery time (P90 weeks) and the finished-goods bridge inventory held. Owned by the second
/// line's manufacturer (its contract), so that line sees it.
/// </summary>
public sealed class ShiftPlan : IPartyOwned
{
    private ShiftPlan()
    {
        UpdatedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public double TargetShare { get; private set; }

    public int WeeksToReach { get; private set; }

    public double WeeklyDemand { get; private set; }

    public double ReservedWeekly { get; private set; }

    public double InstalledWeekly { get; private set; }

    public double PrimaryRecoveryWeeks { get; private set; }

    public double BridgeInventory { get; private set; }

    /// <summary>
    /// Sets of the product's critical components held for the second line beyond its standing needs (what a surge can
    /// draw on before replenishment); null when not recorded, and then the stress test does not limit the surge by it.
    /// </summary>
    public double? ComponentKits { get; private set; }

    /// <summary>Weeks until component supply for the second line runs at the surged rate (the kits must last that long).</summary>
    public int ComponentLeadWeeks { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public ShiftClause Clause => new(TargetShare, WeeksToReach);

    /// <summary>Records the component kits held for a surge and the weeks until supply catches up (null kits: not recorded).</summary>
    public void SetComponents(double? kits, int leadWeeks)
    {
        if (kits is { } k && (k < 0 || !double.IsFinite(k)) || leadWeeks is < 0 or > 52)
        {
            throw new DomainException($"Component kits are not negative and the lead time lies in 0–52 weeks (were {kits}, {leadWeeks}).");
        }

        (ComponentKits, ComponentLeadWeeks) = (kits, kits is null ? 0 : leadWeeks);
    }

    public static ShiftPlan Create(Guid productId, Guid lineId, PartyId partyId) => new() { Id = Guid.CreateVersion7(), ProductId = productId, LineId = lineId, PartyId = partyId };

    public void Set(ShiftClause clause, double weeklyDemand, double reservedWeekly, double installedWeekly, double primaryRecoveryWeeks, double bridgeInventory, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(clause);
        clause.Checked();
        if (!(weeklyDemand > 0) || reservedWeekly < 0 || installedWeekly < 0 || primaryRecoveryWeeks < 0 || bridgeInventory < 0
            || new[] { weeklyDemand, reservedWeekly, installedWeekly, primaryRecoveryWeeks, bridgeInventory }.Any(v => !double.IsFinite(v)))
        {
            throw new DomainException("Weekly demand is positive; capacities, the recovery time and inventory are finite and not negative.");
        }

        (TargetShare, WeeksToReach, WeeklyDemand, ReservedWeekly, InstalledWeekly, PrimaryRecoveryWeeks, BridgeInventory) =
            (clause.TargetShare, clause.WeeksToReach, weeklyDemand, reservedWeekly, installedWeekly, primaryRecoveryWeeks, bridgeInventory);
        UpdatedAt = Guard.Utc(at, "Updated at");
        UpdatedBy = Guard.RequiredText(by, "Updated by", 256);
    }
}

/// <summary>A recorded surge Run@Rate of a second line for a product (from a run, or a physical drill's best week).</summary>
public sealed class SurgeRunRecord : IPartyOwned
{
    private SurgeRunRecord()
    {
        RecordedBy = Source = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public DateOnly On { get; private set; }

    public double Hours { get; private set; }

    public int GoodUnits { get; private set; }

    public int TotalUnits { get; private set; }

    public double SurgeHoursPerWeek { get; private set; }

    /// <summary>"run at rate" or "physical drill".</summary>
    public string Source { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public SurgeRun Run => new(On, Hours, GoodUnits, TotalUnits, SurgeHoursPerWeek);

    public static SurgeRunRecord Record(Guid productId, Guid lineId, PartyId partyId, SurgeRun run, string source, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Checked();
        if (DateOnly.FromDateTime(at.UtcDateTime) < run.On)
        {
            throw new DomainException("A surge run is recorded after it happened, not before.");
        }

        return new SurgeRunRecord
        {
            Id = Guid.CreateVersion7(), ProductId = productId, LineId = lineId, PartyId = partyId, On = run.On, Hours = run.Hours, GoodUnits = run.GoodUnits,
            TotalUnits = run.TotalUnits, SurgeHoursPerWeek = run.SurgeHoursPerWeek, Source = source, RecordedAt = Guard.Utc(at, "Recorded at"), RecordedBy = Guard.RequiredText(by, "Recorded by", 256),
        };
    }
}

/// <summary>How an emergency-shift drill was held.</summary>
public enum DrillKind
{
    /// <summary>The shift played through on paper with live data (quarterly).</summary>
    Tabletop = 1,

    /// <summary>The second line actually ran at surge rate (semi-annually).</summary>
    Physical = 2,
}

/// <summary>
/// An emergency-shift drill: when, how, what the line achieved week by week (physical) or was shown able to achieve
/// (tabletop), against the clause as it stood; passed when the target share of the reference demand was reached
/// within the clause's weeks.
/// </summary>
public sealed class ShiftDrill : IPartyOwned
{
    private ShiftDrill()
    {
        WeeklyOutput = RecordedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public DrillKind Kind { get; private set; }

    public DateOnly HeldOn { get; private set; }

    /// <summary>Units per week achieved, in order, separated by ';'.</summary>
    public string WeeklyOutput { get; private set; }

    public double TargetShare { get; private set; }

    public int WeeksToReach { get; private set; }

    public double WeeklyDemand { get; private set; }

    public bool Passed { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public IReadOnlyList<double> Weeks => [.. WeeklyOutput.Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    /// <summary>The first week the target was reached, if it was.</summary>
    public int? ReachedInWeek => Weeks.Select((units, i) => (units, i)).Where(w => w.units >= TargetShare * WeeklyDemand).Select(w => (int?)(w.i + 1)).FirstOrDefault();

    public static ShiftDrill Record(ShiftPlan plan, DrillKind kind, DateOnly heldOn, IReadOnlyList<double> weeklyOutput, string? note, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(weeklyOutput);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException($"'{kind}' is not a kind of drill.");
        }

        if (weeklyOutput.Count is 0 or > 52 || weeklyOutput.Any(u => !double.IsFinite(u) || u < 0))
        {
            throw new DomainException("Give the units achieved in each week of the drill (1 to 52 weeks, none negative).");
        }

        if (DateOnly.FromDateTime(at.UtcDateTime) < heldOn)
        {
            throw new DomainException("A drill is recorded after it was held.");
        }

        var drill = new ShiftDrill
        {
            Id = Guid.CreateVersion7(), ProductId = plan.ProductId, LineId = plan.LineId, PartyId = plan.PartyId, Kind = kind, HeldOn = heldOn,
            WeeklyOutput = string.Join(';', weeklyOutput.Select(u => u.ToString("R", CultureInfo.InvariantCulture))),
            TargetShare = plan.TargetShare, WeeksToReach = plan.WeeksToReach, WeeklyDemand = plan.WeeklyDemand,
            Note = string.IsNullOrWhiteSpace(note) ? null : Guard.RequiredText(note, "Note", 2000),
            RecordedAt = Guard.Utc(at, "Recorded at"), RecordedBy = Guard.RequiredText(by, "Recorded by", 256),
        };
        drill.Passed = drill.ReachedInWeek is { } week && week <= drill.WeeksToReach;
        return drill;
    }
}

/// <summary>
/// An operator of a second line trained on a product (a skill such as SMT, ICT, FCT, rework), with the day. Training
/// older than <see cref="WarmthPolicy.TrainingValidMonths"/> counts as lapsed in the line's warmth signals. Owned by
/// the line's manufacturer; recorded by the line itself or the buyer's editors.
/// </summary>
public sealed class OperatorTraining : IPartyOwned
{
    private OperatorTraining()
    {
        Operator = Skill = RecordedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Operator { get; private set; }

    public string Skill { get; private set; }

    public DateOnly TrainedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public static OperatorTraining Record(Guid productId, Guid lineId, PartyId partyId, string person, string skill, DateOnly trainedOn, DateTimeOffset at, string by)
    {
        var recorded = Guard.Utc(at, "Recorded at");
        if (trainedOn > DateOnly.FromDateTime(recorded.UtcDateTime))
        {
            throw new DomainException($"A training day cannot be in the future ({trainedOn:yyyy-MM-dd}).");
        }

        return new()
        {
            Id = Guid.CreateVersion7(), ProductId = productId, LineId = lineId, PartyId = partyId, Operator = Guard.RequiredText(person, "Operator", 200),
            Skill = Guard.RequiredText(skill, "Skill", 100), TrainedOn = trainedOn, RecordedAt = recorded, RecordedBy = Guard.RequiredText(by, "Recorded by", 256),
        };
    }
}
