namespace SecondSource.Web.Hosting;

/// <summary>The URL spaces of the app: the JSON API for machines and everything else for people.</summary>
public static class WebPaths
{
    public const string Api = "/api";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase);
}
