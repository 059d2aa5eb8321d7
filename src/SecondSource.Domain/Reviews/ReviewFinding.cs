using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Reviews;

/// <summary>Where a root cause was found (the usual 8D / fishbone headings).</summary>
public enum RootCauseCategory
{
    Material = 1,
    Process = 2,
    Equipment = 3,
    TestMethod = 4,
    Design = 5,
    Supplier = 6,
    Documentation = 7,
    People = 8,
    Commercial = 9,
    Other = 10,
}

public enum ActionStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Cancelled = 4,
}

/// <summary>Where a finding stands in a given quarter.</summary>
public enum FindingState
{
    /// <summary>Different this quarter, no root cause.</summary>
    Open = 1,

    /// <summary>Different in two or more consecutive quarters (or three of the last four) with no root cause: flagged at the top.</summary>
    Persistent = 2,

    /// <summary>A root cause is recorded: the difference is understood.</summary>
    Explained = 3,

    /// <summary>Not different this quarter.</summary>
    Closed = 4,
}

/// <summary>
/// The persistence rule of the guide ("persistent differences without root cause are problems"), as research note
/// <c>stats_methods.md</c> §4.2 counts it: different in the quarter judged and the one before it (R1 with N = 2), or
/// in three of the last four quarters (R2); and no root cause recorded.
/// </summary>
public static class FindingRules
{
    public static bool DifferentPersistently(IReadOnlyDictionary<Quarter, ReviewVerdict> history, Quarter asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        bool Different(Quarter q) => history.TryGetValue(q, out var v) && v == ReviewVerdict.Different;
        if (!Different(asOf))
        {
            return false;
        }

        if (Different(asOf.Previous))
        {
            return true;
        }

        var lastFour = new[] { asOf, asOf.Previous, asOf.Previous.Previous, asOf.Previous.Previous.Previous };
        return lastFour.Count(Different) >= 3;
    }

    public static FindingState State(IReadOnlyDictionary<Quarter, ReviewVerdict> history, Quarter asOf, bool hasRootCause)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!history.TryGetValue(asOf, out var verdict) || verdict != ReviewVerdict.Different)
        {
            return FindingState.Closed;
        }

        return hasRootCause ? FindingState.Explained
            : DifferentPersistently(history, asOf) ? FindingState.Persistent
            : FindingState.Open;
    }
}

/// <summary>
/// A difference between a program's primary and one of its second lines in one review area. It is opened by the first
/// review that finds the area different and carries over: every later review adds its verdict to the history (read
/// from <see cref="ReviewVerdictRecord"/>), a root cause and actions can be attached. Buyer-only; the manufacturers of
/// both lines see its title, root cause and actions, never the numbers behind it.
/// </summary>
public sealed class ReviewFinding : IBuyerOnly
{
    private readonly List<FindingAction> _actions = [];

    private ReviewFinding()
    {
        Title = OpenedIn = "";
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PrimaryLineId { get; private set; }

    public Guid SecondLineId { get; private set; }

    public ReviewArea Area { get; private set; }

    /// <summary>What is different, without a number of either line.</summary>
    public string Title { get; private set; }

    public string OpenedIn { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public RootCauseCategory? RootCauseCategory { get; private set; }

    public string? RootCause { get; private set; }

    public string? RootCauseEvidence { get; private set; }

    public string? RootCauseOwner { get; private set; }

    public DateTimeOffset? RootCauseAt { get; private set; }

    public string? RootCauseBy { get; private set; }

    public bool HasRootCause => RootCauseCategory is not null;

    public IReadOnlyList<FindingAction> Actions => _actions;

    public static ReviewFinding Open(Guid programId, Guid primaryLineId, Guid secondLineId, ReviewArea area, string title, Quarter quarter, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(), ProgramId = programId, PrimaryLineId = primaryLineId, SecondLineId = secondLineId, Area = area,
            Title = Guard.RequiredText(title, "Title", 300), OpenedIn = quarter.ToString(), OpenedAt = Guard.Utc(at, "Opened at"),
        };

    /// <summary>Records (or replaces) the root cause: what, the evidence and who owns it.</summary>
    public void RecordRootCause(RootCauseCategory category, string description, string? evidence, string owner, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(category))
        {
            throw new DomainException("Choose a root-cause category.");
        }

        RootCauseCategory = category;
        RootCause = ReviewText.Optional(description, "Root cause", 4000) ?? throw new DomainException("Root cause: describe what causes the difference.");
        RootCauseEvidence = ReviewText.Optional(evidence, "Evidence", 2000);
        RootCauseOwner = Guard.RequiredText(owner, "Owner", 200);
        RootCauseAt = Guard.Utc(at, "Recorded at");
        RootCauseBy = Guard.RequiredText(by, "Recorded by", 256);
    }

    public FindingAction AddAction(string description, string owner, DateOnly due, DateTimeOffset at, string by)
    {
        if (_actions.Count >= 50)
        {
            throw new DomainException("A finding holds at most 50 actions.");
        }

        var action = new FindingAction(Id, Guard.RequiredText(description, "Action", 1000), Guard.RequiredText(owner, "Owner", 200), due,
            Guard.Utc(at, "Recorded at"), Guard.RequiredText(by, "Recorded by", 256));
        _actions.Add(action);
        return action;
    }

    public void SetActionStatus(Guid actionId, ActionStatus status, DateTimeOffset at, string by)
    {
        var action = _actions.SingleOrDefault(a => a.Id == actionId) ?? throw new DomainException("That action is not one of this finding's.");
        action.Set(status, at, by);
    }
}

/// <summary>Something someone will do about a finding, by a date.</summary>
public sealed class FindingAction : IBuyerOnly
{
    private FindingAction()
    {
        Description = Owner = UpdatedBy = "";
    }

    internal FindingAction(Guid findingId, string description, string owner, DateOnly due, DateTimeOffset at, string by)
    {
        Id = Guid.CreateVersion7();
        FindingId = findingId;
        Description = description;
        Owner = owner;
        Due = due;
        Status = ActionStatus.Open;
        UpdatedAt = at;
        UpdatedBy = by;
    }

    public Guid Id { get; private set; }

    public Guid FindingId { get; private set; }

    public string Description { get; private set; }

    public string Owner { get; private set; }

    public DateOnly Due { get; private set; }

    public ActionStatus Status { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public bool IsOverdue(DateOnly today) => Status is ActionStatus.Open or ActionStatus.InProgress && Due < today;

    internal void Set(ActionStatus status, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException("Choose an action status.");
        }

        Status = status;
        UpdatedAt = Guard.Utc(at, "Updated at");
        UpdatedBy = Guard.RequiredText(by, "Updated by", 256);
    }
}

/// <summary>The kind of a cost record.</summary>
public enum PurchaseKind
{
    /// <summary>A price and lead time the line quoted.</summary>
    Quote = 1,

    /// <summary>A purchase order placed with the line, with its delivery date once delivered.</summary>
    Order = 2,
}

/// <summary>
/// A quote from or an order to one line for a product: quantity, unit price, and lead time (quoted, or from order to
/// delivery). Owned by the line's manufacturer, so each sees only its own prices.
/// </summary>
public sealed class PurchaseRecord : IPartyOwned
{
    private PurchaseRecord()
    {
        Reference = Currency = Source = ImportedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public PurchaseKind Kind { get; private set; }

    public string Reference { get; private set; }

    /// <summary>The day it was quoted or ordered.</summary>
    public DateOnly On { get; private set; }

    public int Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public string Currency { get; private set; }

    public int? QuotedLeadTimeDays { get; private set; }

    public DateOnly? DeliveredOn { get; private set; }

    public string Source { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public string ImportedBy { get; private set; }

    /// <summary>Days from order to delivery, or the quoted lead time.</summary>
    public int? LeadTimeDays => DeliveredOn is { } delivered ? delivered.DayNumber - On.DayNumber : QuotedLeadTimeDays;

    public static PurchaseRecord Create(Guid productId, Guid lineId, PartyId partyId, PurchaseKind kind, string reference, DateOnly on, int quantity,
        decimal unitPrice, string currency, int? quotedLeadTimeDays, DateOnly? deliveredOn, string source, DateTimeOffset at, string by)
    {
        var record = new PurchaseRecord { Id = Guid.CreateVersion7(), ProductId = productId, LineId = lineId, PartyId = partyId, Kind = kind };
        record.Set(reference, on, quantity, unitPrice, currency, quotedLeadTimeDays, deliveredOn, source, at, by);
        return record;
    }

    /// <summary>Replaces the figures (a corrected import of the same reference).</summary>
    public void Set(string reference, DateOnly on, int quantity, decimal unitPrice, string currency, int? quotedLeadTimeDays, DateOnly? deliveredOn,
        string source, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new DomainException("The kind is 'quote' or 'order'.");
        }

        if (quantity <= 0)
        {
            throw new DomainException($"The quantity must be at least 1 (was {quantity}).");
        }

        if (unitPrice < 0 || unitPrice > 10_000_000m)
        {
            throw new DomainException($"The unit price must be from 0 to 10,000,000 (was {unitPrice}).");
        }

        var code = currency?.Trim().ToUpperInvariant() ?? "";
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException($"The currency is a three-letter ISO 4217 code such as EUR or USD (was '{currency}').");
        }

        if (quotedLeadTimeDays is < 0 or > 3650)
        {
            throw new DomainException($"A quoted lead time is from 0 to 3650 days (was {quotedLeadTimeDays}).");
        }

        if (deliveredOn is { } delivered && delivered < on)
        {
            throw new DomainException($"Delivered on {delivered:yyyy-MM-dd} is before the order date {on:yyyy-MM-dd}.");
        }

        if (Kind == PurchaseKind.Quote && deliveredOn is not null)
        {
            throw new DomainException("A quote has no delivery date; record the order that followed it.");
        }

        Reference = Guard.RequiredText(reference, "Reference", 100);
        On = on;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Currency = code;
        QuotedLeadTimeDays = quotedLeadTimeDays;
        DeliveredOn = deliveredOn;
        Source = Guard.RequiredText(source, "Source", 260);
        ImportedAt = Guard.Utc(at, "Imported at");
        ImportedBy = Guard.RequiredText(by, "Imported by", 256);
    }
}
