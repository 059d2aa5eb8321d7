using SecondSource.Domain.Common;

namespace SecondSource.Domain.Planning;

/// <summary>How ready a second line is to build a product again, from the weeks since its last qualifying batch.</summary>
public enum WarmthState
{
    /// <summary>A qualifying batch within the warm window (monthly): no requalification.</summary>
    Warm,

    /// <summary>Past the warm window but not yet cold: a first-article check on restart once past the quarter.</summary>
    Cooling,

    /// <summary>More than the cold limit (26 weeks) without a batch, or never built: line trial and FAI before volume.</summary>
    Cold,
}

/// <summary>
/// The warmth policy (research note planning.md §5.4 and §7; every value a default to calibrate): monthly knowledge
/// retention λ, the warm window, the first-article limit, the cold limit, and the smallest batch that keeps a line warm.
/// </summary>
public sealed record WarmthPolicy
{
    /// <summary>Monthly retention λ (0.85 default; 0.75 pessimistic, Argote / Kim &amp; Seo).</summary>
    public double MonthlyRetention { get; init; } = 0.85;

    /// <summary>Weeks within which a batch keeps the line warm (monthly cadence: 4, with a week's grace).</summary>
    public int WarmWeeks { get; init; } = 5;

    /// <summary>Beyond this many weeks a restart needs a first-article check (quarterly cadence).</summary>
    public int FirstArticleWeeks { get; init; } = 13;

    /// <summary>Beyond this many weeks the line is cold: line trial and FAI before volume.</summary>
    public int ColdWeeks { get; init; } = 26;

    /// <summary>The smallest batch (tested units) that counts as a qualifying, line-warming batch.</summary>
    public int MinimumBatchUnits { get; init; } = 50;

    /// <summary>Months after which an operator's training on the product counts as lapsed (a yearly refresher).</summary>
    public int TrainingValidMonths { get; init; } = 12;

    public WarmthPolicy Checked()
    {
        if (!(MonthlyRetention > 0 && MonthlyRetention <= 1))
        {
            throw new DomainException($"The monthly retention must lie in (0, 1] (was {MonthlyRetention}).");
        }

        if (!(WarmWeeks >= 1 && WarmWeeks <= FirstArticleWeeks && FirstArticleWeeks <= ColdWeeks))
        {
            throw new DomainException($"The limits must satisfy 1 ≤ warm ({WarmWeeks}) ≤ first article ({FirstArticleWeeks}) ≤ cold ({ColdWeeks}) weeks.");
        }

        if (MinimumBatchUnits < 1)
        {
            throw new DomainException($"A qualifying batch has at least one unit (was {MinimumBatchUnits}).");
        }

        return this;
    }
}

/// <summary>A batch a second line built: when it ended and how many units it tested.</summary>
public readonly record struct BuiltBatch(string Name, DateOnly Completed, int Units);

/// <summary>
/// A second line's warmth for one product at one day: weeks since the last qualifying batch g, retention
/// R(g) = λ^(g/4.33), the warmth index W = R(g)·hardGate (0 when cold), the state, the day it turns cold, whether a
/// restart needs a first-article check, the expected first-week rate θ₁ = θ_min + (1 − θ_min)·R(g) (θ_min = 0.5), and
/// the longest gap between qualifying batches over the last year.
/// </summary>
public sealed record WarmthAssessment(
    WarmthState State, BuiltBatch? LastQualifying, double? WeeksSince, double Retention, double Index,
    DateOnly? ColdOn, bool FirstArticleOnRestart, double FirstWeekRate, double LongestGapWeeks, IReadOnlyList<string> Signals)
{
    /// <summary>
    /// The badge, carrying its caveats so it never contradicts the text beside it: the state, then the decay signals'
    /// count ("warm · 2 signals"). One definition for the program page, the dashboard and the glossary.
    /// </summary>
    public string Badge => Signals.Count == 0 ? StateWord : $"{StateWord} · {Signals.Count} signal{(Signals.Count == 1 ? "" : "s")}";

    /// <summary>The state in lower case: warm, cooling or cold.</summary>
    public string StateWord => State.ToString().ToLowerInvariant();

    /// <summary>How the badge reads at a glance: good only when warm with no decay signal; cold is bad; anything between needs attention.</summary>
    public Health.HealthStatus Tone => State switch
    {
        WarmthState.Warm when Signals.Count == 0 => Health.HealthStatus.Good,
        WarmthState.Cold => Health.HealthStatus.Problem,
        _ => Health.HealthStatus.Attention,
    };
}

public static class Warmth
{
    /// <summary>Weeks per month (52/12).</summary>
    public const double WeeksPerMonth = 52.0 / 12;

    /// <summary>θ_min: the first-week rate of a line that has forgotten everything (research note §5.4).</summary>
    public const double MinimumFirstWeekRate = 0.5;

    /// <summary>Knowledge retained after <paramref name="weeks"/> weeks: λ^(weeks / 4.33).</summary>
    public static double Retention(double monthlyRetention, double weeks) => Math.Pow(monthlyRetention, weeks / WeeksPerMonth);

    /// <summary>
    /// The operator-training signal: none recorded, or how many operators' latest training on the product is older than
    /// the policy's months (the oldest named); nothing when every operator's training is current.
    /// </summary>
    public static string? TrainingSignal(IEnumerable<(string Operator, DateOnly TrainedOn)> training, DateOnly today, WarmthPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(policy);
        var latest = training.GroupBy(t => t.Operator, StringComparer.OrdinalIgnoreCase).Select(g => g.Max(t => t.TrainedOn)).ToList();
        if (latest.Count == 0)
        {
            return "operator training: none recorded for this product";
        }

        var cutoff = today.AddMonths(-policy.TrainingValidMonths);
        var lapsed = latest.Where(d => d < cutoff).Order().ToList();
        return lapsed.Count == 0 ? null
            : $"operator training: {lapsed.Count} of {latest.Count} operators last trained over {policy.TrainingValidMonths} months ago (oldest {lapsed[0]:yyyy-MM-dd})";
    }

    public static WarmthAssessment Assess(IEnumerable<BuiltBatch> batches, DateOnly today, WarmthPolicy policy, IEnumerable<string>? signals = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Checked();
        var qualifying = batches.Where(b => b.Units >= policy.MinimumBatchUnits && b.Completed <= today).OrderBy(b => b.Completed).ToList();
        var yearAgo = today.AddDays(-365);
        var inYear = qualifying.Where(b => b.Completed >= yearAgo).Select(b => b.Completed).Prepend(yearAgo).Append(today).ToList();
        var longest = inYear.Zip(inYear.Skip(1), (a, b) => (b.DayNumber - a.DayNumber) / 7.0).DefaultIfEmpty(0).Max();
        var notes = (signals ?? []).ToList();
        if (qualifying.Count == 0)
        {
            return new WarmthAssessment(WarmthState.Cold, null, null, 0, 0, null, true, MinimumFirstWeekRate, longest, notes);
        }

        var last = qualifying[^1];
        var weeks = (today.DayNumber - last.Completed.DayNumber) / 7.0;
        var retention = Retention(policy.MonthlyRetention, weeks);
        var state = weeks <= policy.WarmWeeks ? WarmthState.Warm : weeks <= policy.ColdWeeks ? WarmthState.Cooling : WarmthState.Cold;
        var index = state == WarmthState.Cold ? 0 : retention;
        return new WarmthAssessment(state, last, weeks, retention, index, last.Completed.AddDays(policy.ColdWeeks * 7),
            weeks > policy.FirstArticleWeeks, MinimumFirstWeekRate + (1 - MinimumFirstWeekRate) * retention, longest, notes);
    }
}
