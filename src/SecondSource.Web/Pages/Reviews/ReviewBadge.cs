using SecondSource.Domain.Reviews;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>How verdicts and finding states are shown.</summary>
public static class ReviewBadge
{
    public static string Css(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Aligned => "good",
        ReviewVerdict.Different => "bad",
        _ => "muted",
    };

    public static string Word(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Aligned => "aligned",
        ReviewVerdict.Different => "different",
        _ => "insufficient data",
    };

    public static string Css(FindingState state) => state switch
    {
        FindingState.Persistent => "bad",
        FindingState.Open => "warn",
        FindingState.Explained => "good",
        _ => "muted",
    };

    public static string Word(FindingState state) => state switch
    {
        FindingState.Persistent => "persistent, no root cause",
        FindingState.Open => "open",
        FindingState.Explained => "root cause known",
        _ => "not different this quarter",
    };

    /// <summary>The order findings are read in: persistent ones first, then open, explained, and those no longer different.</summary>
    public static int Rank(FindingState state) => state switch
    {
        FindingState.Persistent => 0,
        FindingState.Open => 1,
        FindingState.Explained => 2,
        _ => 3,
    };

    public static string Area(ReviewArea area) => ReviewRules.AreaName(area);
}
