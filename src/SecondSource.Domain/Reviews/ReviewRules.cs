using System.Globalization;
using SecondSource.Domain.Statistics;

namespace SecondSource.Domain.Reviews;

/// <summary>What a review item concludes about the two lines in one quarter.</summary>
public enum ReviewVerdict
{
    Aligned = 1,
    Different = 2,
    InsufficientData = 3,
}

/// <summary>The guide's governance list: what a quarterly review compares.</summary>
public enum ReviewArea
{
    FirstPassYield = 1,
    FinalYield = 2,
    Defects = 3,
    UnitCost = 4,
    LeadTime = 5,
    AvlAlignment = 6,
    FirmwareSync = 7,
    TestResults = 8,
}

/// <summary>The thresholds of a review (defaults: research note <c>stats_methods.md</c> §8 and the closing note of issue 11).</summary>
public sealed record ReviewPolicy
{
    public double Alpha { get; init; } = 0.05;

    /// <summary>Units per line below which a yield is not compared (§8: minimum n per group 30).</summary>
    public int MinimumUnits { get; init; } = 30;

    /// <summary>A unit cost more than this fraction away from the primary's is a difference to explain.</summary>
    public double CostTolerance { get; init; } = 0.10;

    /// <summary>Lead times differ when they are apart by more than this many days and by more than <see cref="LeadTimeToleranceRatio"/>.</summary>
    public double LeadTimeToleranceDays { get; init; } = 7;

    public double LeadTimeToleranceRatio { get; init; } = 0.25;
}

/// <summary>One line's own numbers for a quarter: what its manufacturer may see.</summary>
public sealed record LineQuarterFacts
{
    public required string Line { get; init; }

    /// <summary>Units of the quarter's batches that were tested, first-run passes and passes at their last run.</summary>
    public long Units { get; init; }

    public long FirstPassed { get; init; }

    public long FinalPassed { get; init; }

    /// <summary>Defects (recorded by the tester, or out-of-limit measurements where it records none) and measurements taken.</summary>
    public long Defects { get; init; }

    public long Opportunities { get; init; }

    public IReadOnlyDictionary<string, long> DefectsByCategory { get; init; } = new Dictionary<string, long>();

    /// <summary>Quantity-weighted unit price of the quarter's orders (quotes when there were none).</summary>
    public decimal? UnitCost { get; init; }

    public string? Currency { get; init; }

    public int CostRecords { get; init; }

    /// <summary>Mean lead time in days: delivered orders, quoted lead times when none was delivered.</summary>
    public double? LeadTimeDays { get; init; }

    public int LeadTimeRecords { get; init; }

    /// <summary>Firmware versions of the quarter's units, with units; the version of the line's latest unit.</summary>
    public IReadOnlyDictionary<string, long> FirmwareInUse { get; init; } = new Dictionary<string, long>();

    public string? CurrentFirmware { get; init; }

    public double? FirstPassYield => Units == 0 ? null : (double)FirstPassed / Units;

    public double? FinalYield => Units == 0 ? null : (double)FinalPassed / Units;

    public double? Dpmo => Opportunities == 0 ? null : 1e6 * Defects / Opportunities;
}

/// <summary>A source approved in the library that one line has accepted and the other has not.</summary>
public sealed record AvlMismatch(string PartNumber, string Manufacturer, string Mpn, string AcceptedOn, string NotAcceptedOn, string StateOnOther);

/// <summary>One measurement among the worst of the quarter.</summary>
public sealed record WorstMeasurement(string Name, string Unit, ComparisonVerdict Verdict, double? Difference, double? Margin, double? AdjustedP, string Reason);

/// <summary>A judged item: the verdict, one sentence for the buyer's pack (it may quote both lines) and one naming no number.</summary>
public sealed record ReviewItem(ReviewArea Area, ReviewVerdict Verdict, string Finding, string Title)
{
    public YieldComparison? Yield { get; init; }

    public DefectRate? RateA { get; init; }

    public DefectRate? RateB { get; init; }

    public double? RateP { get; init; }

    public DefectComparison? Pareto { get; init; }

    public double? CostDifference { get; init; }

    public IReadOnlyList<AvlMismatch> AvlMismatches { get; init; } = [];

    public int? AvlCompared { get; init; }

    public IReadOnlyList<string> ReleasedFirmware { get; init; } = [];

    public IReadOnlyList<string> UnreleasedInUse { get; init; } = [];

    public IReadOnlyDictionary<ComparisonVerdict, int>? TestSummary { get; init; }

    public IReadOnlyList<WorstMeasurement> Worst { get; init; } = [];
}

/// <summary>
/// The verdict of each review item from the quarter's facts of both lines (A the primary, B the second line). A
/// difference is <see cref="ReviewVerdict.Different"/>; too little data to judge is
/// <see cref="ReviewVerdict.InsufficientData"/>, never "aligned".
/// </summary>
public static class ReviewRules
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The item a review area compares, as people read it.</summary>
    public static string AreaName(ReviewArea area) => area switch
    {
        ReviewArea.FirstPassYield => "First-pass yield",
        ReviewArea.FinalYield => "Final yield",
        ReviewArea.Defects => "Defect rate and Pareto",
        ReviewArea.UnitCost => "Unit cost",
        ReviewArea.LeadTime => "Lead time",
        ReviewArea.AvlAlignment => "AVL alignment",
        ReviewArea.FirmwareSync => "Firmware sync",
        ReviewArea.TestResults => "Test-result equivalence",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, "Unknown review area."),
    };

    /// <summary>
    /// A finding's title as a manufacturer sees it: the item, and its own line against "the other line" — the stored
    /// title names both lines, and one manufacturer is never told who the other is.
    /// </summary>
    public static string TitleForOneLine(ReviewArea area) => $"{AreaName(area)}: your line and the other line";

    public static ReviewItem Yield(LineQuarterFacts a, LineQuarterFacts b, bool firstPass, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(policy);
        var area = firstPass ? ReviewArea.FirstPassYield : ReviewArea.FinalYield;
        var what = firstPass ? "First-pass yield" : "Final yield";
        var title = $"{what}: {a.Line} and {b.Line}";
        var few = new[] { a, b }.Where(l => l.Units < policy.MinimumUnits).ToList();
        if (few.Count > 0)
        {
            return new ReviewItem(area, ReviewVerdict.InsufficientData,
                string.Join("; ", few.Select(l => $"{l.Line} tested {l.Units} unit(s)")) + $" — at least {policy.MinimumUnits} per line are needed to compare yields.", title);
        }

        var comparison = YieldComparison.Of(a.Units, firstPass ? a.FirstPassed : a.FinalPassed, b.Units, firstPass ? b.FirstPassed : b.FinalPassed, policy.Alpha);
        var verdict = comparison.P < policy.Alpha ? ReviewVerdict.Different : ReviewVerdict.Aligned;
        var finding = string.Create(Inv,
            $"{what} {comparison.YieldA:P1} on {a.Line} ({a.Units} units), {comparison.YieldB:P1} on {b.Line} ({b.Units}); difference {100 * (comparison.YieldB - comparison.YieldA):+0.00;-0.00} points, 95 % CI [{100 * comparison.Ci95.Low:0.00}, {100 * comparison.Ci95.High:0.00}], {comparison.Method} p = {comparison.P:0.####}.");
        return new ReviewItem(area, verdict, finding, title) { Yield = comparison };
    }

    public static ReviewItem Defects(LineQuarterFacts a, LineQuarterFacts b, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(policy);
        var title = $"Defect rate and Pareto: {a.Line} and {b.Line}";
        if (a.Opportunities == 0 || b.Opportunities == 0)
        {
            var missing = string.Join(" and ", new[] { a, b }.Where(l => l.Opportunities == 0).Select(l => l.Line));
            return new ReviewItem(ReviewArea.Defects, ReviewVerdict.InsufficientData, $"No measurement was taken on {missing} this quarter: no defect rate.", title);
        }

        var rateA = PoissonRates.Rate(a.Defects, a.Opportunities);
        var rateB = PoissonRates.Rate(b.Defects, b.Opportunities);
        var p = PoissonRates.ExactConditionalP(b.Defects, b.Opportunities, a.Defects, a.Opportunities);
        DefectComparison? pareto = a.Defects + b.Defects > 0 ? DefectComparison.Of(a.DefectsByCategory, b.DefectsByCategory, policy.Alpha) : null;
        var paretoDifferent = pareto?.Test is { Valid: true } test && test.P < policy.Alpha;
        var reasons = new List<string>();
        if (p < policy.Alpha)
        {
            reasons.Add(string.Create(Inv, $"the rates differ (exact conditional p = {p:0.####})"));
        }

        if (paretoDifferent)
        {
            reasons.Add(string.Create(Inv, $"the defect mix differs (χ² p = {pareto!.Test!.P:0.####}{(pareto.OverRepresentedOnB.Count > 0 ? "; more " + string.Join(", ", pareto.OverRepresentedOnB) + " on " + b.Line : "")})"));
        }

        if (pareto is { NewOnB.Count: > 0 })
        {
            reasons.Add($"new failure mode(s) on {b.Line}: {string.Join(", ", pareto.NewOnB)}");
        }

        var mix = pareto?.Test switch
        {
            null => "no distribution test (defects in fewer than two categories or on one line only)",
            { Valid: false } => "the distribution test is not valid at these counts (Cochran's rule)",
            var t => string.Create(Inv, $"defect mix χ² p = {t.P:0.####}"),
        };
        var finding = string.Create(Inv,
            $"{rateA.Dpmo:0} DPMO on {a.Line} ({a.Defects} defects in {a.Opportunities:N0} measurements), {rateB.Dpmo:0} on {b.Line} ({b.Defects} in {b.Opportunities:N0}); ")
            + (reasons.Count > 0 ? string.Join("; ", reasons) : string.Create(Inv, $"rates p = {p:0.####}, {mix}")) + ".";
        return new ReviewItem(ReviewArea.Defects, reasons.Count > 0 ? ReviewVerdict.Different : ReviewVerdict.Aligned, finding, title)
        {
            RateA = rateA, RateB = rateB, RateP = p, Pareto = pareto,
        };
    }

    public static ReviewItem Cost(LineQuarterFacts a, LineQuarterFacts b, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(policy);
        var title = $"Unit cost: {a.Line} and {b.Line}";
        if (a.UnitCost is not { } costA || b.UnitCost is not { } costB)
        {
            return new ReviewItem(ReviewArea.UnitCost, ReviewVerdict.InsufficientData, $"No quote or order recorded this quarter for {Missing(a, b, l => l.UnitCost is null)}.", title);
        }

        if (!string.Equals(a.Currency, b.Currency, StringComparison.Ordinal))
        {
            return new ReviewItem(ReviewArea.UnitCost, ReviewVerdict.InsufficientData, $"The lines are priced in different currencies ({a.Currency}, {b.Currency}); record both in one to compare.", title);
        }

        var relative = costA == 0 ? (costB == 0 ? 0 : double.PositiveInfinity) : (double)(costB / costA) - 1;
        var verdict = Math.Abs(relative) > policy.CostTolerance ? ReviewVerdict.Different : ReviewVerdict.Aligned;
        var finding = string.Create(Inv,
            $"{costA:0.00} {a.Currency} a unit on {a.Line} ({a.CostRecords} record(s)), {costB:0.00} on {b.Line} ({b.CostRecords}): {relative:+0.0%;-0.0%}, tolerance ±{policy.CostTolerance:0%}.");
        return new ReviewItem(ReviewArea.UnitCost, verdict, finding, title) { CostDifference = relative };
    }

    public static ReviewItem LeadTime(LineQuarterFacts a, LineQuarterFacts b, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(policy);
        var title = $"Lead time: {a.Line} and {b.Line}";
        if (a.LeadTimeDays is not { } daysA || b.LeadTimeDays is not { } daysB)
        {
            return new ReviewItem(ReviewArea.LeadTime, ReviewVerdict.InsufficientData, $"No delivered order or quoted lead time this quarter for {Missing(a, b, l => l.LeadTimeDays is null)}.", title);
        }

        var apart = Math.Abs(daysB - daysA);
        var verdict = apart > policy.LeadTimeToleranceDays && apart > policy.LeadTimeToleranceRatio * daysA ? ReviewVerdict.Different : ReviewVerdict.Aligned;
        var finding = string.Create(Inv,
            $"{daysA:0.#} days on {a.Line} ({a.LeadTimeRecords} record(s)), {daysB:0.#} on {b.Line} ({b.LeadTimeRecords}): {daysB - daysA:+0.#;-0.#;0} days; a difference counts beyond {policy.LeadTimeToleranceDays:0.#} days and {policy.LeadTimeToleranceRatio:0%}.");
        return new ReviewItem(ReviewArea.LeadTime, verdict, finding, title);
    }

    /// <summary>AVL alignment: <paramref name="compared"/> approved sources of the product's parts were compared between the lines.</summary>
    public static ReviewItem Avl(string lineA, string lineB, int compared, IReadOnlyList<AvlMismatch> mismatches)
    {
        ArgumentNullException.ThrowIfNull(mismatches);
        var title = $"AVL alignment: {lineA} and {lineB}";
        if (compared == 0)
        {
            return new ReviewItem(ReviewArea.AvlAlignment, ReviewVerdict.InsufficientData, "No approved source of this product's parts is in the library.", title) { AvlCompared = 0 };
        }

        var finding = mismatches.Count == 0
            ? $"All {compared} approved sources are accepted alike by both lines."
            : $"{mismatches.Count} of {compared} approved sources are accepted on one line only: "
              + string.Join("; ", mismatches.Take(5).Select(m => $"{m.PartNumber} {m.Manufacturer} {m.Mpn} on {m.AcceptedOn}, {m.StateOnOther.ToLowerInvariant()} on {m.NotAcceptedOn}"))
              + (mismatches.Count > 5 ? $"; and {mismatches.Count - 5} more" : "") + ".";
        return new ReviewItem(ReviewArea.AvlAlignment, mismatches.Count == 0 ? ReviewVerdict.Aligned : ReviewVerdict.Different, finding, title)
        {
            AvlMismatches = mismatches, AvlCompared = compared,
        };
    }

    /// <summary>Firmware sync against <paramref name="released"/>, the product's releases in the vault (empty when it records none).</summary>
    public static ReviewItem Firmware(LineQuarterFacts a, LineQuarterFacts b, IReadOnlyList<string> released)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(released);
        var title = $"Firmware versions: {a.Line} and {b.Line}";
        if (a.CurrentFirmware is null || b.CurrentFirmware is null)
        {
            return new ReviewItem(ReviewArea.FirmwareSync, ReviewVerdict.InsufficientData, $"No tested unit recorded a firmware version this quarter on {Missing(a, b, l => l.CurrentFirmware is null)}.", title)
            {
                ReleasedFirmware = released,
            };
        }

        var unreleased = released.Count == 0 ? [] : a.FirmwareInUse.Keys.Concat(b.FirmwareInUse.Keys).Distinct(StringComparer.Ordinal)
            .Where(v => !released.Contains(v, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var sameCurrent = string.Equals(a.CurrentFirmware, b.CurrentFirmware, StringComparison.Ordinal);
        var problems = new List<string>();
        if (!sameCurrent)
        {
            problems.Add($"the lines build different versions ({a.Line} {a.CurrentFirmware}, {b.Line} {b.CurrentFirmware})");
        }

        foreach (var version in unreleased)
        {
            var where = new[] { a, b }.Where(l => l.FirmwareInUse.ContainsKey(version)).Select(l => $"{l.Line} ({l.FirmwareInUse[version]} units)");
            problems.Add($"{version} is not a release of the vault, used on {string.Join(" and ", where)}");
        }

        var finding = problems.Count == 0
            ? $"Both lines build {a.CurrentFirmware}" + (released.Count == 0 ? " (the vault records no firmware release for this product)." : ", a release of the vault.")
            : string.Join("; ", problems) + ".";
        return new ReviewItem(ReviewArea.FirmwareSync, problems.Count == 0 ? ReviewVerdict.Aligned : ReviewVerdict.Different, finding, title)
        {
            ReleasedFirmware = released, UnreleasedInUse = unreleased,
        };
    }

    /// <summary>
    /// Test-result equivalence from the statistics engine's comparison of the quarter's batches: different when any
    /// measurement is different or not comparable; aligned when none is and at least half are shown equivalent;
    /// otherwise too few units to say.
    /// </summary>
    public static ReviewItem TestResults(string lineA, string lineB, IReadOnlyList<MeasurementComparison> measurements, int worst = 5)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var title = $"Test-result equivalence: {lineA} and {lineB}";
        var summary = LineComparison.Summary(measurements);
        int Count(ComparisonVerdict v) => summary.GetValueOrDefault(v);
        if (measurements.Count == 0)
        {
            return new ReviewItem(ReviewArea.TestResults, ReviewVerdict.InsufficientData, "The lines share no measurement in this quarter's batches.", title) { TestSummary = summary };
        }

        var listed = LineComparison.WorstFirst(measurements).Take(worst)
            .Select(m => new WorstMeasurement(m.Name, m.Unit, m.Verdict, m.Difference, m.Margin, m.AdjustedP, m.Reason)).ToList();
        var different = Count(ComparisonVerdict.Different) + Count(ComparisonVerdict.NotComparable);
        var verdict = different > 0 ? ReviewVerdict.Different
            : 2 * Count(ComparisonVerdict.Equivalent) >= measurements.Count ? ReviewVerdict.Aligned
            : ReviewVerdict.InsufficientData;
        var finding = $"{measurements.Count} measurements: {Count(ComparisonVerdict.Equivalent)} equivalent, {Count(ComparisonVerdict.Different)} different, "
            + $"{Count(ComparisonVerdict.Inconclusive)} inconclusive, {Count(ComparisonVerdict.NotComparable)} not comparable"
            + (different > 0 ? "; worst: " + string.Join(", ", listed.Where(w => w.Verdict is ComparisonVerdict.Different or ComparisonVerdict.NotComparable).Select(w => w.Name)) : "")
            + (verdict == ReviewVerdict.InsufficientData ? " — fewer than half shown equivalent: more units are needed to say." : ".");
        return new ReviewItem(ReviewArea.TestResults, verdict, finding, title) { TestSummary = summary, Worst = listed };
    }

    private static string Missing(LineQuarterFacts a, LineQuarterFacts b, Func<LineQuarterFacts, bool> missing) =>
        string.Join(" and ", new[] { a, b }.Where(missing).Select(l => l.Line));
}
