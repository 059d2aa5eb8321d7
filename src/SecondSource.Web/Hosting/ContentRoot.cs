namespace SecondSource.Web.Hosting;

/// <summary>
/// Where the web app finds wwwroot and appsettings.json. The framework's default is the working directory, so a
/// published app started from anywhere else (a systemd unit without WorkingDirectory, a shell in /) served no
/// stylesheet and ignored its own settings. When the app's own folder holds wwwroot — the published layout — that
/// folder is the content root; an explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> still wins, and
/// <c>dotnet run</c> (no wwwroot beside the build output) keeps the project folder. The data folder is not affected:
/// it stays <c>--data</c>, <c>SECONDSOURCE_DATA</c> or <c>./data</c> in the working directory (README, Configuration).
/// </summary>
public static class ContentRoot
{
    public static string? For(IReadOnlyList<string> args, Func<string, string?> environment, string appFolder)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT")) || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        return !explicitRoot && Directory.Exists(Path.Combine(appFolder, "wwwroot")) ? appFolder : null;
    }
}
