using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Reviews;

namespace SecondSource.Domain.Tests.Reviews;

/// <summary>The persistence rule on hand-made quarters (research note §4.2's worked logic) and the review and finding records.</summary>
public sealed class FindingRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 10, 20, 9, 0, 0, TimeSpan.Zero);
    private const ReviewVerdict D = ReviewVerdict.Different;
    private const ReviewVerdict Ok = ReviewVerdict.Aligned;
    private const ReviewVerdict N = ReviewVerdict.InsufficientData;

    private static Dictionary<Quarter, ReviewVerdict> History(params ReviewVerdict[] verdicts) =>
        verdicts.Select((v, i) => (Quarter: new Quarter(2026, i + 1), v)).ToDictionary(p => p.Quarter, p => p.v);

    [Fact]
    public void Different_in_two_consecutive_quarters_without_root_cause_is_persistent()
    {
        var history = History(D, D, N, D);
        FindingRules.State(history, new Quarter(2026, 1), hasRootCause: false).ShouldBe(FindingState.Open);
        FindingRules.State(history, new Quarter(2026, 2), hasRootCause: false).ShouldBe(FindingState.Persistent); // R1 at Q2
        FindingRules.State(history, new Quarter(2026, 3), hasRootCause: false).ShouldBe(FindingState.Closed);
        FindingRules.State(history, new Quarter(2026, 4), hasRootCause: false).ShouldBe(FindingState.Persistent); // R2: 3 of the last 4
        FindingRules.State(history, new Quarter(2026, 4), hasRootCause: true).ShouldBe(FindingState.Explained);
    }

    [Fact]
    public void Quarters_must_be_consecutive_and_different_now()
    {
        FindingRules.DifferentPersistently(History(D, Ok, D), new Quarter(2026, 3)).ShouldBeFalse();
        FindingRules.DifferentPersistently(History(D, D, Ok), new Quarter(2026, 3)).ShouldBeFalse();
        FindingRules.DifferentPersistently(History(Ok, D, D), new Quarter(2026, 3)).ShouldBeTrue();
        // Across a year end.
        var history = new Dictionary<Quarter, ReviewVerdict> { [new Quarter(2025, 4)] = D, [new Quarter(2026, 1)] = D };
        FindingRules.DifferentPersistently(history, new Quarter(2026, 1)).ShouldBeTrue();
        // A quarter without a review breaks the run.
        FindingRules.DifferentPersistently(new Dictionary<Quarter, ReviewVerdict> { [new Quarter(2025, 3)] = D, [new Quarter(2026, 1)] = D }, new Quarter(2026, 1)).ShouldBeFalse();
    }

    [Fact]
    public void A_review_freezes_only_with_the_meeting_recorded_and_both_lines_present()
    {
        var review = QuarterlyReview.Generate(Guid.NewGuid(), Guid.NewGuid(), new Quarter(2026, 3), 1, 1, "{}", [(Guid.NewGuid(), ReviewArea.LeadTime, D)], At, "buyer");
        review.PeriodStart.ShouldBe(new DateOnly(2026, 7, 1));
        review.Verdicts.Single().Verdict.ShouldBe(D);
        string[] required = ["Aurora", "Pearl River", "Vistula"];
        Should.Throw<DomainException>(() => review.Freeze([], required, At, "buyer")).Message.ShouldContain("Record the meeting");
        Attendee[] attendees = [new("Ingrid", "Aurora"), new("Wei", "pearl river")];
        review.RecordMeeting(attendees, "  Keep the share.\r\nReview again.  ", At, a => a.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        review.Decisions.ShouldBe("Keep the share.\nReview again.");
        Should.Throw<DomainException>(() => review.Freeze(attendees, required, At, "buyer")).Message.ShouldBe("A review is held with both lines: no attendee from Vistula is recorded.");
        review.Freeze([.. attendees, new("Agnieszka", "Vistula")], required, At, "buyer");
        review.Frozen.ShouldBeTrue();
        Should.Throw<DomainException>(() => review.RecordMeeting(attendees, null, At, _ => "[]")).Message.ShouldContain("frozen; generate a new version");
        Should.Throw<DomainException>(() => review.RecordMeeting([new("", "Aurora")], null, At, _ => "[]"));
    }

    [Fact]
    public void A_finding_takes_a_root_cause_and_actions()
    {
        var finding = ReviewFinding.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ReviewArea.UnitCost, "Unit cost: A and B", new Quarter(2026, 1), At);
        finding.HasRootCause.ShouldBeFalse();
        Should.Throw<DomainException>(() => finding.RecordRootCause(RootCauseCategory.Commercial, " ", null, "Ingrid", At, "buyer"));
        Should.Throw<DomainException>(() => finding.RecordRootCause((RootCauseCategory)99, "lots", null, "Ingrid", At, "buyer"));
        finding.RecordRootCause(RootCauseCategory.Commercial, "Smaller lots", "quote", "Ingrid", At, "buyer");
        finding.HasRootCause.ShouldBeTrue();
        var action = finding.AddAction("Quote 120-unit lots", "Agnieszka", new DateOnly(2026, 11, 30), At, "buyer");
        action.IsOverdue(new DateOnly(2026, 12, 1)).ShouldBeTrue();
        finding.SetActionStatus(action.Id, ActionStatus.Done, At, "buyer");
        action.IsOverdue(new DateOnly(2026, 12, 1)).ShouldBeFalse();
        Should.Throw<DomainException>(() => finding.SetActionStatus(Guid.NewGuid(), ActionStatus.Done, At, "buyer"));
    }

    [Fact]
    public void A_purchase_record_refuses_impossible_figures()
    {
        PurchaseRecord Order(decimal price = 41.8m, string currency = "usd", DateOnly? delivered = null, int quantity = 300) =>
            PurchaseRecord.Create(Guid.NewGuid(), Guid.NewGuid(), PartyId.New(), PurchaseKind.Order, "PO-1", new DateOnly(2026, 7, 3), quantity, price, currency, null, delivered, "file.csv", At, "buyer");
        var order = Order(delivered: new DateOnly(2026, 8, 5));
        order.Currency.ShouldBe("USD");
        order.LeadTimeDays.ShouldBe(33);
        Should.Throw<DomainException>(() => Order(delivered: new DateOnly(2026, 7, 1))).Message.ShouldContain("before the order date");
        Should.Throw<DomainException>(() => Order(currency: "US$")).Message.ShouldContain("ISO 4217");
        Should.Throw<DomainException>(() => Order(price: -1));
        Should.Throw<DomainException>(() => Order(quantity: 0));
        Should.Throw<DomainException>(() => PurchaseRecord.Create(Guid.NewGuid(), Guid.NewGuid(), PartyId.New(), PurchaseKind.Quote, "Q", new DateOnly(2026, 7, 3), 1, 1, "EUR", 30, new DateOnly(2026, 8, 1), "f", At, "b"));
    }
}
