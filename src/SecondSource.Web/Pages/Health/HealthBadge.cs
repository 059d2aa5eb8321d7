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
}
