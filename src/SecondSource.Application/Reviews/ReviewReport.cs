using System.Text.Json;
using System.Text.Json.Serialization;
using SecondSource.Domain.Health;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

/// <summary>First-pass yield of one line in one quarter, for the trend chart.</summary>
public sealed record YieldPoint(string Quarter, long Units, long FirstPassed)
{
    public double? Yield => Units == 0 ? null : (double)FirstPassed / Units;
}

/// <summary>The primary compared with one second line: both lines' numbers, every item judged, the yield trend of each.</summary>
public sealed record LinePairReport(
    Guid PrimaryLineId, string PrimaryLine, Guid SecondLineId, string SecondLine,
    LineQuarterFacts Primary, LineQuarterFacts Second, IReadOnlyList<ReviewItem> Items,
    IReadOnlyList<YieldPoint> PrimaryTrend, IReadOnlyList<YieldPoint> SecondTrend,
    IReadOnlyList<string> PrimaryBatches, IReadOnlyList<string> SecondBatches)
{
    public ReviewItem Item(ReviewArea area) => Items.Single(i => i.Area == area);
}

/// <summary>The scorecard as it stood when the review was generated.</summary>
public sealed record ScorecardSnapshot(HealthStatus Overall, IReadOnlyList<HealthCheck> Checks);

/// <summary>A review's numbers as generated: what <see cref="QuarterlyReview.Content"/> holds.</summary>
public sealed record ReviewReport(
    string ProductCode, string ProductName, string Quarter, string Months, int FiscalYearStartMonth,
    IReadOnlyList<LinePairReport> Pairs, ScorecardSnapshot? Scorecard);

/// <summary>One line's own part of a review: its numbers, each item's verdict, its yield trend — nothing of the other line.</summary>
public sealed record LineSectionReport(
    string ProductCode, string ProductName, string Quarter, string Months, int Version, Guid LineId, string Line,
    LineQuarterFacts Facts, IReadOnlyList<LineSectionVerdict> Verdicts, IReadOnlyList<YieldPoint> Trend, IReadOnlyList<string> Batches);

/// <summary>An item's verdict as a manufacturer sees it: the area, the verdict and the title, no number.</summary>
public sealed record LineSectionVerdict(ReviewArea Area, ReviewVerdict Verdict, string Title);

/// <summary>How review content is written and read: enums by name, tuples by their fields.</summary>
public static class ReviewJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        IncludeFields = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"A stored review holds no {typeof(T).Name}.");
}
