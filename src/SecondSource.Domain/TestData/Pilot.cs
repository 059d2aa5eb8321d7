using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Statistics;

namespace SecondSource.Domain.TestData;

/// <summary>What a DFM difference between the lines is about.</summary>
public enum DfmCategory
{
    Stencil = 1,
    Footprint = 2,
    Placement = 3,
    ReflowProfile = 4,
    TestCoverage = 5,
    Fixture = 6,
    Other = 7,
}

/// <summary>Where a DFM item stands.</summary>
public enum DfmStatus
{
    /// <summary>Raised, not yet dealt with: blocks the pilot gate.</summary>
    Open = 1,

    /// <summary>Fixed (the stencil re-cut, the profile changed); explains a difference seen before the fix.</summary>
    Resolved = 2,

    /// <summary>Understood and accepted as it is (a known, harmless difference), with the reason.</summary>
    Accepted = 3,
}

/// <summary>
/// A design-for-manufacturing difference between the primary and the second line, raised by the buyer or the second
/// line's manufacturer during transfer and pilot: category, description, evidence, owner, status, and — when it
/// explains a measurement that differs between the lines — that measurement's name. Owned by the second line's
/// manufacturer, so its members and the buyer see and keep it.
/// </summary>
public sealed class DfmItem : IPartyOwned
{
    private readonly List<DfmItemChange> _history = [];

    private DfmItem()
    {
        Title = Description = Owner = RaisedBy = UpdatedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>The second line the item concerns.</summary>
    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public DfmCategory Category { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public string? Evidence { get; private set; }

    /// <summary>The measurement whose difference this item explains, if any.</summary>
    public string? Measurement { get; private set; }

    public string Owner { get; private set; }

    public DfmStatus Status { get; private set; }

    /// <summary>Why it was resolved or accepted.</summary>
    public string? Resolution { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public string RaisedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public IReadOnlyList<DfmItemChange> History => _history;

    /// <summary>True when it explains <paramref name="measurement"/>'s difference: linked to it, and resolved or accepted.</summary>
    public bool Explains(string measurement) =>
        Status != DfmStatus.Open && Measurement is { } m && string.Equals(m, measurement, StringComparison.OrdinalIgnoreCase);

    public static DfmItem Raise(Guid productId, Guid lineId, PartyId partyId, DfmCategory category, string title, string description, string? evidence, string? measurement, string owner, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(category))
        {
            throw new DomainException($"'{category}' is not a DFM category.");
        }

        var item = new DfmItem
        {
            Id = Guid.CreateVersion7(),
            ProductId = productId,
            LineId = lineId,
            PartyId = partyId,
            Category = category,
            Title = Guard.RequiredText(title, "Title", 200),
            Description = Guard.RequiredText(description, "Description", 4000),
            Evidence = Optional(evidence, "Evidence", 2000),
            Measurement = Optional(measurement, "Measurement", 200),
            Owner = Guard.RequiredText(owner, "Owner", 200),
            Status = DfmStatus.Open,
            RaisedAt = Guard.Utc(at, "Raised at"),
            RaisedBy = Guard.RequiredText(by, "Raised by", 256),
        };
        item.UpdatedAt = item.RaisedAt;
        item.UpdatedBy = item.RaisedBy;
        item._history.Add(DfmItemChange.Of(item, null, DfmStatus.Open, null, at, by));
        return item;
    }

    /// <summary>Moves the item to another status: resolving or accepting needs the reason; reopening clears it.</summary>
    public void SetStatus(DfmStatus status, string? resolution, string? owner, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException($"'{status}' is not a DFM status.");
        }

        if (status == Status)
        {
            throw new DomainException($"The item is already {Status}.");
        }

        var reason = status == DfmStatus.Open ? Optional(resolution, "Note", 2000) : Guard.RequiredText(resolution, status == DfmStatus.Resolved ? "How it was resolved" : "Why it is accepted", 2000);
        _history.Add(DfmItemChange.Of(this, Status, status, reason, at, by));
        Status = status;
        Resolution = status == DfmStatus.Open ? null : reason;
        Owner = owner is null ? Owner : Guard.RequiredText(owner, "Owner", 200);
        UpdatedAt = Guard.Utc(at, "Changed at");
        UpdatedBy = Guard.RequiredText(by, "Changed by", 256);
    }

    private static string? Optional(string? value, string field, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : Guard.RequiredText(value, field, max);
}

/// <summary>One status change of a DFM item: from, to, the note, who and when.</summary>
public sealed class DfmItemChange : IPartyOwned
{
    private DfmItemChange()
    {
        By = "";
    }

    public Guid Id { get; private set; }

    public Guid ItemId { get; private set; }

    public PartyId PartyId { get; private set; }

    public DfmStatus? From { get; private set; }

    public DfmStatus To { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    internal static DfmItemChange Of(DfmItem item, DfmStatus? from, DfmStatus to, string? note, DateTimeOffset at, string by) => new()
    {
        Id = Guid.CreateVersion7(),
        ItemId = item.Id,
        PartyId = item.PartyId,
        From = from,
        To = to,
        Note = note,
        At = Guard.Utc(at, "Changed at"),
        By = Guard.RequiredText(by, "Changed by", 256),
    };
}

/// <summary>One criterion of the pilot gate, met or not, with what decides it.</summary>
public sealed record GateCheck(string Criterion, bool Met, string Detail);

/// <summary>The pilot gate's criteria and warnings; it passes when every criterion is met.</summary>
public sealed record PilotGateEvaluation(IReadOnlyList<GateCheck> Checks, IReadOnlyList<string> Warnings)
{
    public bool Passes => Checks.All(c => c.Met);
}

/// <summary>
/// The pilot gate (guide: "compare results to primary-line golden samples; resolve DFM differences between the
/// lines"; research note §3.3): every reference measurement tested on the pilot; no measurement different or not
/// comparable (against the golden samples or the primary's recent production) unless a resolved or accepted DFM item
/// explains it; first-pass yield non-inferior to the primary's; no DFM item open. A pilot outside 100–500 units is a
/// warning, with the guide's reason.
/// </summary>
public static class PilotGate
{
    public const int SmallestPilot = 100;

    public const int LargestPilot = 500;

    public static PilotGateEvaluation Evaluate(
        long pilotUnits,
        IReadOnlyList<(string Reference, IReadOnlyList<MeasurementComparison> Comparisons, IReadOnlyList<string> MissingOnPilot)> references,
        YieldComparison? yield,
        IReadOnlyList<DfmItem> dfm)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(dfm);
        var checks = new List<GateCheck>();
        if (references.Count == 0)
        {
            checks.Add(new GateCheck("A reference to compare with", false, "there is no golden-sample batch and no production batch of the primary line with test data"));
        }

        var missing = references.SelectMany(r => r.MissingOnPilot).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        checks.Add(new GateCheck("Every reference measurement is tested on the pilot", missing.Count == 0,
            missing.Count == 0 ? "all present" : $"not tested on the pilot: {string.Join(", ", missing)}"));

        var unexplained = references
            .SelectMany(r => r.Comparisons.Where(c => c.Verdict is ComparisonVerdict.Different or ComparisonVerdict.NotComparable).Select(c => (r.Reference, c)))
            .Where(x => !dfm.Any(d => d.Explains(x.c.Name)))
            .Select(x => $"{x.c.Name} ({x.c.Verdict.ToString().ToLowerInvariant()} against {x.Reference})")
            .ToList();
        var explained = references.SelectMany(r => r.Comparisons).Where(c => c.Verdict is ComparisonVerdict.Different or ComparisonVerdict.NotComparable)
            .Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count(n => dfm.Any(d => d.Explains(n)));
        checks.Add(new GateCheck("No measurement different without an accepted explanation", unexplained.Count == 0,
            unexplained.Count == 0
                ? explained == 0 ? "none different" : $"{explained} different, each explained by a resolved or accepted DFM item"
                : $"unexplained: {string.Join("; ", unexplained)}"));

        checks.Add(yield is null
            ? new GateCheck("First-pass yield non-inferior to the primary's", false, "no yield to compare: the pilot or the reference has no tested units")
            : new GateCheck("First-pass yield non-inferior to the primary's", yield.Decision == YieldDecision.NonInferior,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"pilot {yield.YieldB:P2} of {yield.UnitsB}, primary {yield.YieldA:P2} of {yield.UnitsA}; non-inferiority at {yield.Margin * 100:0.##} pp: p {yield.NonInferiorityP:0.0000} → {Labels.Lower(Labels.Of(yield.Decision))}")));

        var open = dfm.Where(d => d.Status == DfmStatus.Open).ToList();
        checks.Add(new GateCheck("No DFM item open", open.Count == 0, open.Count == 0 ? $"{dfm.Count} item(s), none open" : $"open: {string.Join("; ", open.Select(d => d.Title))}"));

        var warnings = new List<string>();
        if (pilotUnits < SmallestPilot)
        {
            warnings.Add($"The pilot has {pilotUnits} units, fewer than {SmallestPilot}: too few to show equivalence at a useful margin or a failure rate near 1 % (the guide asks for 100–500).");
        }
        else if (pilotUnits > LargestPilot)
        {
            warnings.Add($"The pilot has {pilotUnits} units, more than {LargestPilot}: a pilot is meant to prove the line before volume is put at risk (the guide asks for 100–500).");
        }

        return new PilotGateEvaluation(checks, warnings);
    }
}

/// <summary>The recorded pilot-gate decision: which pilot, who, when, why, and what the gate showed then.</summary>
public sealed class PilotGateDecision : IPartyOwned
{
    private PilotGateDecision()
    {
        Why = DecidedBy = Summary = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public Guid PilotBatchId { get; private set; }

    public string Why { get; private set; }

    /// <summary>The gate's criteria as they stood at the decision, one per line.</summary>
    public string Summary { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public string DecidedBy { get; private set; }

    public static PilotGateDecision Record(Guid productId, Guid lineId, PartyId partyId, Guid pilotBatchId, PilotGateEvaluation evaluation, string why, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (!evaluation.Passes)
        {
            throw new DomainException($"The pilot gate does not pass: {string.Join("; ", evaluation.Checks.Where(c => !c.Met).Select(c => $"{c.Criterion} — {c.Detail}"))}.");
        }

        return new PilotGateDecision
        {
            Id = Guid.CreateVersion7(),
            ProductId = productId,
            LineId = lineId,
            PartyId = partyId,
            PilotBatchId = pilotBatchId,
            Why = Guard.RequiredText(why, "Why", 2000),
            Summary = string.Join("\n", evaluation.Checks.Select(c => $"{c.Criterion}: {c.Detail}").Concat(evaluation.Warnings)),
            DecidedAt = Guard.Utc(at, "Decided at"),
            DecidedBy = Guard.RequiredText(by, "Decided by", 256),
        };
    }
}
