using SecondSource.Domain.Common;
using SecondSource.Domain.Planning;

namespace SecondSource.Domain.Tests.Planning;

public sealed class WarmthTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly WarmthPolicy Policy = new();

    private static BuiltBatch Batch(int daysAgo, int units = 60) => new($"B-{daysAgo}", Today.AddDays(-daysAgo), units);

    [Fact]
    public void A_monthly_batch_keeps_the_line_warm()
    {
        var w = Warmth.Assess([Batch(200), Batch(60), Batch(21)], Today, Policy);

        w.State.ShouldBe(WarmthState.Warm);
        w.WeeksSince.ShouldBe(3);
        w.Retention.ShouldBe(Math.Pow(0.85, 3 / (52.0 / 12)), 1e-12);
        w.Index.ShouldBe(w.Retention);
        w.ColdOn.ShouldBe(Today.AddDays(-21 + 26 * 7));
        w.FirstArticleOnRestart.ShouldBeFalse();
        w.FirstWeekRate.ShouldBe(0.5 + 0.5 * w.Retention, 1e-12);
    }

    [Fact]
    public void Past_the_warm_window_it_cools_and_past_a_quarter_a_restart_needs_a_first_article_check()
    {
        var cooling = Warmth.Assess([Batch(10 * 7)], Today, Policy);
        cooling.State.ShouldBe(WarmthState.Cooling);
        cooling.FirstArticleOnRestart.ShouldBeFalse();

        var quarter = Warmth.Assess([Batch(14 * 7)], Today, Policy);
        quarter.State.ShouldBe(WarmthState.Cooling);
        quarter.FirstArticleOnRestart.ShouldBeTrue();
        quarter.ColdOn.ShouldBe(Today.AddDays(12 * 7));
    }

    [Fact]
    public void Beyond_26_weeks_or_with_no_qualifying_batch_the_line_is_cold_with_a_zero_index()
    {
        var old = Warmth.Assess([Batch(27 * 7)], Today, Policy);
        old.State.ShouldBe(WarmthState.Cold);
        old.Index.ShouldBe(0);
        old.Retention.ShouldBeGreaterThan(0);

        var small = Warmth.Assess([Batch(7, units: 10)], Today, Policy);
        small.State.ShouldBe(WarmthState.Cold, "a batch below the minimum does not keep the line warm");
        small.LastQualifying.ShouldBeNull();
    }

    [Fact]
    public void The_longest_gap_over_the_last_year_is_reported()
    {
        // Batches 300, 230 (gap 10 weeks), 139 (gap 13 weeks) and 20 days ago: the longest gap is 17 weeks (139 → 20).
        var w = Warmth.Assess([Batch(300), Batch(230), Batch(139), Batch(20)], Today, Policy);
        w.LongestGapWeeks.ShouldBe(17, 1e-9);
    }

    [Fact]
    public void A_policy_must_be_consistent()
    {
        Should.Throw<DomainException>(() => Warmth.Assess([], Today, Policy with { MonthlyRetention = 1.2 }));
        Should.Throw<DomainException>(() => Warmth.Assess([], Today, Policy with { WarmWeeks = 20, FirstArticleWeeks = 13 }));
    }

    [Fact]
    public void Operator_training_older_than_a_year_is_a_signal_per_operator_by_their_latest_training()
    {
        var today = new DateOnly(2026, 12, 5);
        var policy = new WarmthPolicy();
        Warmth.TrainingSignal([], today, policy).ShouldBe("operator training: none recorded for this product");
        Warmth.TrainingSignal([("A", new DateOnly(2026, 1, 1)), ("B", new DateOnly(2025, 12, 4)), ("b", new DateOnly(2025, 11, 1)), ("C", new DateOnly(2025, 6, 30))], today, policy)
            .ShouldBe("operator training: 2 of 3 operators last trained over 12 months ago (oldest 2025-06-30)");
        Warmth.TrainingSignal([("B", new DateOnly(2025, 11, 1)), ("B", new DateOnly(2026, 11, 1))], today, policy).ShouldBeNull("B's latest training is current");
    }
}
