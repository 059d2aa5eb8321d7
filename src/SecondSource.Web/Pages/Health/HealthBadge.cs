using SecondSource.Domain.Health;

namespace SecondSource.Web.Pages.Health;

/// <summary>How a health status is shown: the badge's style and word.</summary>
public static class HealthBadge
{
    public static string Css(HealthStatus status) => status switch
    {
        HealthStatus.Good => "good",
        HealthStatus.Attention => "warn",
        HealthStatus.Problem => "bad",
        _ => "muted",
    };

    public static string Word(HealthStatus status) => status switch
    {
        HealthStatus.Good => "good",
        HealthStatus.Attention => "attention",
        HealthStatus.Problem => "pitfall",
        _ => "no data",
    };

    /// <summary>The trend against the overall status the last frozen review recorded: better, worse, unchanged; null without one.</summary>
    public static string? Trend(HealthStatus now, HealthStatus? atLastReview) => atLastReview switch
    {
        null => null,
        var then when then == now => "unchanged since the last review",
        HealthStatus.NoData => "first judged since the last review",
        var then when now == HealthStatus.NoData || now > then => $"worse than at the last review ({Word(then.Value)})",
        var then => $"better than at the last review ({Word(then.Value)})",
    };
}
