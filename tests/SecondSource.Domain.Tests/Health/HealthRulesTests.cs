using SecondSource.Domain.Health;
using SecondSource.Domain.Reviews;

namespace SecondSource.Domain.Tests.Health;

/// <summary>Each scorecard check pinned on hand-made facts: good, attention, pitfall and no data.</summary>
public sealed class HealthRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly HealthEvidence Links = new("/bom", "/program", "/vault", "/testdata", "/fixtures", "/keys", "/reviews");

    private static readonly HealthFacts Healthy = new()
    {
        CriticalLines = 45, DualSourcedLines = 45, HasSecondLine = true, SecondLineShare = 0.2, WeeksSinceSecondLineBatch = 3,
        HasTestData = true, ShiftDocumented = true, LastDrillOn = Today.AddDays(-60), LastDrillPassed = true,
        FixturesReplicated = 4, SigningKeysInCustody = 1, DeviceCasInCustody = 1, SignedReleases = 2,
        LastEndedQuarter = new Quarter(2026, 3), LastHeldReview = new Quarter(2026, 3),
    };

    private static HealthCheck Check(HealthFacts facts, string key) => HealthRules.Evaluate(facts, Links, Today).Single(c => c.Key == key);

    [Fact]
    public void A_program_that_does_everything_the_guide_asks_is_good_on_every_check()
    {
        var checks = HealthRules.Evaluate(Healthy, Links, Today);
        checks.Select(c => c.Key).ShouldBe(["dual-avl", "share", "cadence", "documents", "traceability", "review", "shift-documented", "shift-tested", "fixtures", "keys"]);
        checks.ShouldAllBe(c => c.Status == HealthStatus.Good);
        HealthRules.Overall(checks).ShouldBe(HealthStatus.Good);
        Check(Healthy, "fixtures").Evidence.ShouldBe("/fixtures");
    }

    [Theory]
    [InlineData(null, 0, HealthStatus.NoData)]
    [InlineData(45, 45, HealthStatus.Good)]
    [InlineData(45, 34, HealthStatus.Problem)]
    public void Dual_AVL_coverage(int? critical, int dual, HealthStatus expected) =>
        Check(Healthy with { CriticalLines = critical, DualSourcedLines = dual }, "dual-avl").Status.ShouldBe(expected);

    [Theory]
    [InlineData(0.15, HealthStatus.Good)]
    [InlineData(0.25, HealthStatus.Good)]
    [InlineData(0.12, HealthStatus.Attention)]
    [InlineData(0.05, HealthStatus.Problem)]
    [InlineData(0.40, HealthStatus.Attention)]
    public void The_second_lines_share_against_the_steady_band(double share, HealthStatus expected) =>
        Check(Healthy with { SecondLineShare = share }, "share").Status.ShouldBe(expected);

    [Fact]
    public void No_plan_is_no_data_and_no_second_line_is_a_pitfall()
    {
        Check(Healthy with { SecondLineShare = null }, "share").Status.ShouldBe(HealthStatus.NoData);
        Check(Healthy with { HasSecondLine = false }, "share").Status.ShouldBe(HealthStatus.Problem);
        Check(Healthy with { HasSecondLine = false }, "cadence").Finding.ShouldBe("the program has no second line");
    }

    [Theory]
    [InlineData(5.0, HealthStatus.Good)]
    [InlineData(9.0, HealthStatus.Attention)]
    [InlineData(13.0, HealthStatus.Attention)]
    [InlineData(13.5, HealthStatus.Problem)]
    [InlineData(null, HealthStatus.Problem)]
    public void The_second_line_is_exercised_monthly_or_at_least_quarterly(double? weeks, HealthStatus expected) =>
        Check(Healthy with { WeeksSinceSecondLineBatch = weeks }, "cadence").Status.ShouldBe(expected);

    [Fact]
    public void Documents_traceability_fixtures_and_keys_name_what_is_wrong()
    {
        Check(Healthy with { DocumentsBehind = 1 }, "documents").Finding.ShouldBe("the second line is behind on 1 item(s) of the transfer package");
        Check(Healthy with { DocumentsMissingAtSecond = 2 }, "documents").Status.ShouldBe(HealthStatus.Attention);
        Check(Healthy with { SerialsOnSeveralLines = 3 }, "traceability").Status.ShouldBe(HealthStatus.Problem);
        Check(Healthy with { BatchCountMismatches = 1 }, "traceability").Status.ShouldBe(HealthStatus.Attention);
        Check(Healthy with { HasTestData = false }, "traceability").Status.ShouldBe(HealthStatus.NoData);
        Check(Healthy with { FixturesDocumentedOnly = 1 }, "fixtures").Finding.ShouldBe("1 fixture(s) only documented and 0 pulled, of 5");
        Check(Healthy with { FixturesReplicated = 0 }, "fixtures").Status.ShouldBe(HealthStatus.NoData);
        Check(Healthy with { SigningKeysInCustody = 0 }, "keys").Finding.ShouldContain("firmware is signed elsewhere");
        Check(Healthy with { SignedReleases = 0 }, "keys").Status.ShouldBe(HealthStatus.Attention);
        Check(Healthy with { UnreleasedFirmwareVersions = 1 }, "keys").Status.ShouldBe(HealthStatus.Attention);
    }

    [Fact]
    public void The_emergency_shift_is_documented_then_tested_within_a_year()
    {
        Check(Healthy with { ShiftDocumented = false, LastDrillOn = null, LastDrillPassed = null }, "shift-documented").Status.ShouldBe(HealthStatus.Problem);
        Check(Healthy with { ShiftDocumented = false, LastDrillOn = null, LastDrillPassed = null }, "shift-tested").Status.ShouldBe(HealthStatus.Problem);
        Check(Healthy with { LastDrillOn = null, LastDrillPassed = null }, "shift-tested").Status.ShouldBe(HealthStatus.Attention);
        Check(Healthy with { LastDrillPassed = false }, "shift-tested").Status.ShouldBe(HealthStatus.Problem);
        Check(Healthy with { LastDrillOn = Today.AddDays(-366) }, "shift-tested").Status.ShouldBe(HealthStatus.Attention);
        // One definition of ready: a passed, recent drill does not make the shift tested while a criterion fails today.
        var notReady = Check(Healthy with { ShiftNotReady = [("Vistula / SMT line 1", ["Revision parity with the primary"], 6)] }, "shift-tested");
        notReady.Status.ShouldBe(HealthStatus.Problem);
        notReady.Finding.ShouldStartWith("not ready today — Vistula / SMT line 1: 1 of 6 criteria unmet (Revision parity with the primary); the last drill passed on ");
        Check(Healthy with { ShiftNotReady = [("L", ["ECR"], 6)], LastDrillOn = null, LastDrillPassed = null }, "shift-tested").Finding.ShouldBe("no drill recorded, and not ready today — L: 1 of 6 criteria unmet");
        Check(Healthy with { LastDrillOn = Today.AddDays(-365) }, "shift-tested").Status.ShouldBe(HealthStatus.Good);
    }

    [Fact]
    public void The_overall_status_is_the_worst_judged_check()
    {
        HealthRules.Overall(HealthRules.Evaluate(Healthy with { SignedReleases = 0 }, Links, Today)).ShouldBe(HealthStatus.Attention);
        HealthRules.Overall(HealthRules.Evaluate(Healthy with { SignedReleases = 0, DocumentsBehind = 2 }, Links, Today)).ShouldBe(HealthStatus.Problem);
        HealthRules.Overall([new HealthCheck("a", "A", HealthStatus.NoData, "", "")]).ShouldBe(HealthStatus.NoData);
    }

    [Fact]
    public void The_review_check_wants_last_quarters_review_held_and_no_persistent_difference()
    {
        Check(Healthy, "review").Status.ShouldBe(HealthStatus.Good);
        Check(Healthy, "review").Evidence.ShouldBe("/reviews");
        Check(Healthy with { PersistentFindings = 2 }, "review").Finding.ShouldBe("2026Q3's review was held, but 2 difference(s) persist without a root cause");
        Check(Healthy with { PersistentFindings = 2 }, "review").Status.ShouldBe(HealthStatus.Attention);
        Check(Healthy with { LastHeldReview = new Quarter(2026, 2) }, "review").Status.ShouldBe(HealthStatus.Attention);
        Check(Healthy with { LastHeldReview = new Quarter(2026, 1) }, "review").Finding.ShouldBe("the last review held was 2026Q1's; 2026Q2 and 2026Q3 were not reviewed");
        Check(Healthy with { LastHeldReview = new Quarter(2026, 1) }, "review").Status.ShouldBe(HealthStatus.Problem);
        Check(Healthy with { LastHeldReview = null }, "review").Finding.ShouldBe("no quarterly review has been held; 2026Q3's is due");
        Check(Healthy with { HasSecondLine = false }, "review").Status.ShouldBe(HealthStatus.NoData);
    }
}
