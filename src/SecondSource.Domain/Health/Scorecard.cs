using System.Globalization;

namespace SecondSource.Domain.Health;

/// <summary>How one item of the scorecard stands.</summary>
public enum HealthStatus
{
    /// <summary>What good looks like.</summary>
    Good = 1,

    /// <summary>Heading for a pitfall, or only partly there.</summary>
    Attention = 2,

    /// <summary>One of the guide's common pitfalls, now.</summary>
    Problem = 3,

    /// <summary>Nothing recorded yet to judge by.</summary>
    NoData = 4,
}

/// <summary>One item of the guide's "what good looks like" / "common pitfalls", judged from the data, with where to look.</summary>
public sealed record HealthCheck(string Key, string Title, HealthStatus Status, string Finding, string Evidence);

/// <summary>
/// The facts of one program the scorecard judges, gathered by the application from the AVL library, the plan, the
/// second lines' warmth and emergency shift, the vault, the test data and key custody. Nulls mean "nothing recorded".
/// </summary>
public sealed record HealthFacts
{
    /// <summary>Critical BOM lines of the latest revision and those with two qualified sources accepted on every line.</summary>
    public int? CriticalLines { get; init; }

    public int DualSourcedLines { get; init; }

    /// <summary>The second line's planned share of volume this quarter (0–1), the lowest over its second lines.</summary>
    public double? SecondLineShare { get; init; }

    /// <summary>The program's steady band (15–25 % by default).</summary>
    public double BandLow { get; init; } = 0.15;

    public double BandHigh { get; init; } = 0.25;

    /// <summary>Weeks since the second line's last qualifying batch (null: never built one).</summary>
    public double? WeeksSinceSecondLineBatch { get; init; }

    public bool HasSecondLine { get; init; }

    /// <summary>Vault items the second line is behind on, and items the primary has that the second line lacks.</summary>
    public int DocumentsBehind { get; init; }

    public int DocumentsMissingAtSecond { get; init; }

    /// <summary>Serial numbers seen on more than one line, and batches whose tested units differ from their quantity.</summary>
    public int SerialsOnSeveralLines { get; init; }

    public int BatchCountMismatches { get; init; }

    public bool HasTestData { get; init; }

    /// <summary>The emergency-shift plan's clause is recorded (target share and weeks).</summary>
    public bool ShiftDocumented { get; init; }

    /// <summary>The last drill: when, and whether it met the clause.</summary>
    public DateOnly? LastDrillOn { get; init; }

    public bool? LastDrillPassed { get; init; }

    /// <summary>
    /// Each second line with a plan whose emergency shift is not ready today (<see cref="Planning.ShiftAssessment.Passes"/>):
    /// the line and the criteria it does not meet. Empty when every planned line is ready.
    /// </summary>
    public IReadOnlyList<(string Line, IReadOnlyList<string> Unmet, int Of)> ShiftNotReady { get; init; } = [];

    public int FixturesReplicated { get; init; }

    public int FixturesDocumentedOnly { get; init; }

    public int FixturesPulled { get; init; }

    /// <summary>Keys in SecondSource's custody: firmware signing keys and device CAs.</summary>
    public int SigningKeysInCustody { get; init; }

    public int DeviceCasInCustody { get; init; }

    public int SignedReleases { get; init; }

    public int UnreleasedFirmwareVersions { get; init; }

    /// <summary>The last quarter that has ended under the program's review calendar.</summary>
    public Reviews.Quarter? LastEndedQuarter { get; init; }

    /// <summary>The latest quarter whose review was held with both lines and frozen; null when none was.</summary>
    public Reviews.Quarter? LastHeldReview { get; init; }

    /// <summary>Findings different in consecutive quarters with no root cause, as of the latest review.</summary>
    public int PersistentFindings { get; init; }
}

/// <summary>The links the checks point to, built by the host for one program.</summary>
public sealed record HealthEvidence(string Bom, string Program, string Vault, string TestData, string Fixtures, string Keys, string Reviews);

/// <summary>
/// The scorecard's rules: the guide's "what good looks like" and "common pitfalls" as checks on <see cref="HealthFacts"/>.
/// A drill counts as testing the shift for a year; the second line is exercised monthly when its last qualifying batch
/// is at most 5 weeks old, at least quarterly up to 13 weeks.
/// </summary>
public static class HealthRules
{
    public const int DrillValidDays = 365;

    public static IReadOnlyList<HealthCheck> Evaluate(HealthFacts facts, HealthEvidence evidence, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(evidence);
        return
        [
            Coverage(facts, evidence.Bom),
            Share(facts, evidence.Program),
            Cadence(facts, evidence.Program),
            Documents(facts, evidence.Vault),
            Traceability(facts, evidence.TestData),
            Review(facts, evidence.Reviews),
            ShiftDocumented(facts, evidence.Program),
            ShiftTested(facts, evidence.Program, today),
            Fixtures(facts, evidence.Fixtures),
            Keys(facts, evidence.Keys),
        ];
    }

    /// <summary>The worst status of the checks that have data (NoData only when none has).</summary>
    public static HealthStatus Overall(IReadOnlyList<HealthCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var judged = checks.Where(c => c.Status != HealthStatus.NoData).ToList();
        return judged.Count == 0 ? HealthStatus.NoData : judged.Max(c => c.Status);
    }

    private static string Percent(double value) => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static HealthCheck Coverage(HealthFacts f, string link)
    {
        const string title = "Dual-AVL covers every critical component";
        if (f.CriticalLines is not { } critical || critical == 0)
        {
            return new("dual-avl", title, HealthStatus.NoData, "no critical BOM lines judged yet (mark critical parts and audit a revision)", link);
        }

        var single = critical - f.DualSourcedLines;
        return single <= 0
            ? new("dual-avl", title, HealthStatus.Good, $"all {critical} critical BOM lines have two qualified sources accepted on every line", link)
            : new("dual-avl", title, HealthStatus.Problem, $"{single} of {critical} critical BOM lines are still single-sourced on some line", link);
    }

    private static HealthCheck Share(HealthFacts f, string link)
    {
        var title = $"Second line at {Percent(f.BandLow)}–{Percent(f.BandHigh)} of volume";
        if (!f.HasSecondLine)
        {
            return new("share", title, HealthStatus.Problem, "the program has no second line", link);
        }

        if (f.SecondLineShare is not { } share)
        {
            return new("share", title, HealthStatus.NoData, "no allocation plan for this quarter", link);
        }

        return share >= f.BandLow - 1e-9 && share <= f.BandHigh + 1e-9
            ? new("share", title, HealthStatus.Good, $"{Percent(share)} planned this quarter", link)
            : share < f.BandLow
                ? new("share", title, share >= 0.10 ? HealthStatus.Attention : HealthStatus.Problem, $"{Percent(share)} planned: allocated too low to stay warm", link)
                : new("share", title, HealthStatus.Attention, $"{Percent(share)} planned: above the band", link);
    }

    private static HealthCheck Cadence(HealthFacts f, string link)
    {
        const string title = "Second line exercised at least quarterly";
        if (!f.HasSecondLine)
        {
            return new("cadence", title, HealthStatus.Problem, "the program has no second line", link);
        }

        if (f.WeeksSinceSecondLineBatch is not { } weeks)
        {
            return new("cadence", title, HealthStatus.Problem, "the second line has not built a qualifying batch", link);
        }

        var text = weeks.ToString("0.#", CultureInfo.InvariantCulture);
        return weeks <= 5 ? new("cadence", title, HealthStatus.Good, $"last qualifying batch {text} weeks ago (monthly)", link)
            : weeks <= 13 ? new("cadence", title, HealthStatus.Attention, $"last qualifying batch {text} weeks ago: quarterly, not monthly", link)
            : new("cadence", title, HealthStatus.Problem, $"last qualifying batch {text} weeks ago: the line is going cold", link);
    }

    private static HealthCheck Documents(HealthFacts f, string link)
    {
        const string title = "Documentation in sync between both lines";
        if (!f.HasSecondLine)
        {
            return new("documents", title, HealthStatus.NoData, "the program has no second line", link);
        }

        return f.DocumentsBehind > 0
            ? new("documents", title, HealthStatus.Problem, $"the second line is behind on {f.DocumentsBehind} item(s) of the transfer package", link)
            : f.DocumentsMissingAtSecond > 0
                ? new("documents", title, HealthStatus.Attention, $"{f.DocumentsMissingAtSecond} item(s) the primary has are not granted to or acknowledged by the second line", link)
                : new("documents", title, HealthStatus.Good, "the second line builds with the latest revision of every item it holds", link);
    }

    private static HealthCheck Traceability(HealthFacts f, string link)
    {
        const string title = "Per-unit traceability unified or reconciled";
        if (!f.HasTestData)
        {
            return new("traceability", title, HealthStatus.NoData, "no test data yet", link);
        }

        return f.SerialsOnSeveralLines > 0
            ? new("traceability", title, HealthStatus.Problem, $"{f.SerialsOnSeveralLines} serial number(s) appear on more than one line", link)
            : f.BatchCountMismatches > 0
                ? new("traceability", title, HealthStatus.Attention, $"{f.BatchCountMismatches} batch(es) tested a different number of units than they hold", link)
                : new("traceability", title, HealthStatus.Good, "serial numbers reconcile across lines and batches", link);
    }

    private static HealthCheck Review(HealthFacts f, string link)
    {
        const string title = "Quarterly review held with both manufacturers";
        if (!f.HasSecondLine || f.LastEndedQuarter is not { } due)
        {
            return new("review", title, HealthStatus.NoData, "the program has no second line to review", link);
        }

        if (f.LastHeldReview is not { } held)
        {
            return new("review", title, HealthStatus.Problem, $"no quarterly review has been held; {due}'s is due", link);
        }

        if (held < due.Previous)
        {
            return new("review", title, HealthStatus.Problem, $"the last review held was {held}'s; {due.Previous} and {due} were not reviewed", link);
        }

        if (held < due)
        {
            return new("review", title, HealthStatus.Attention, $"the last review held was {held}'s; {due}'s is due", link);
        }

        return f.PersistentFindings > 0
            ? new("review", title, HealthStatus.Attention, $"{held}'s review was held, but {f.PersistentFindings} difference(s) persist without a root cause", link)
            : new("review", title, HealthStatus.Good, $"{held}'s review was held with both lines and no difference persists without a root cause", link);
    }

    private static HealthCheck ShiftDocumented(HealthFacts f, string link)
    {
        const string title = "A defined process to shift allocation in an emergency";
        return f.ShiftDocumented
            ? new("shift-documented", title, HealthStatus.Good, "the emergency-shift clause and plan are recorded", link)
            : new("shift-documented", title, HealthStatus.Problem, "no emergency-shift plan is recorded", link);
    }

    private static HealthCheck ShiftTested(HealthFacts f, string link, DateOnly today)
    {
        const string title = "The emergency shift is tested";
        if (f.LastDrillOn is not { } on)
        {
            return f.ShiftNotReady.Count > 0
                ? new("shift-tested", title, HealthStatus.Problem, $"no drill recorded, and not ready today — {string.Join("; ", f.ShiftNotReady.Select(n => $"{n.Line}: {n.Unmet.Count} of {n.Of} criteria unmet"))}", link)
                : new("shift-tested", title, f.ShiftDocumented ? HealthStatus.Attention : HealthStatus.Problem, "no drill recorded", link);
        }

        var days = today.DayNumber - on.DayNumber;
        var when = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // One definition of ready (ShiftAssessment.Passes): a passed drill does not make a shift ready while criteria fail today.
        if (f.ShiftNotReady.Count > 0)
        {
            var unmet = string.Join("; ", f.ShiftNotReady.Select(n => $"{n.Line}: {n.Unmet.Count} of {n.Of} criteria unmet ({string.Join(", ", n.Unmet)})"));
            return new("shift-tested", title, HealthStatus.Problem,
                $"not ready today — {unmet}; the last drill {(f.LastDrillPassed == true ? "passed" : "did not meet the clause")} on {when}", link);
        }

        return f.LastDrillPassed != true ? new("shift-tested", title, HealthStatus.Problem, $"the last drill ({when}) did not meet the clause", link)
            : days > DrillValidDays ? new("shift-tested", title, HealthStatus.Attention, $"the last drill passed on {when}, over a year ago", link)
            : new("shift-tested", title, HealthStatus.Good, $"the last drill passed on {when}", link);
    }

    private static HealthCheck Fixtures(HealthFacts f, string link)
    {
        const string title = "Test fixtures replicated, not only documented";
        var total = f.FixturesReplicated + f.FixturesDocumentedOnly + f.FixturesPulled;
        if (total == 0)
        {
            return new("fixtures", title, HealthStatus.NoData, "no fixtures recorded", link);
        }

        return f.FixturesDocumentedOnly + f.FixturesPulled > 0
            ? new("fixtures", title, HealthStatus.Problem, $"{f.FixturesDocumentedOnly} fixture(s) only documented and {f.FixturesPulled} pulled, of {total}", link)
            : new("fixtures", title, HealthStatus.Good, $"all {total} fixtures replicated", link);
    }

    private static HealthCheck Keys(HealthFacts f, string link)
    {
        const string title = "Signing keys held by the buyer";
        if (f.SigningKeysInCustody == 0)
        {
            return new("keys", title, HealthStatus.Problem, "no firmware signing key is in SecondSource's custody: firmware is signed elsewhere", link);
        }

        if (f.SignedReleases == 0)
        {
            return new("keys", title, HealthStatus.Attention, "a signing key is in custody but no release of this product is signed with it", link);
        }

        return f.UnreleasedFirmwareVersions > 0
            ? new("keys", title, HealthStatus.Attention, $"keys in custody, but lines run {f.UnreleasedFirmwareVersions} firmware version(s) that were never released", link)
            : new("keys", title, HealthStatus.Good, $"{f.SigningKeysInCustody} signing key(s) and {f.DeviceCasInCustody} device CA(s) in custody; {f.SignedReleases} release(s) signed", link);
    }
}
