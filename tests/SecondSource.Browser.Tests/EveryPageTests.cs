using System.Net;
using System.Text.RegularExpressions;
using OpenQA.Selenium;
using SecondSource.Testing;

namespace SecondSource.Browser.Tests;

/// <summary>The demo on Kestrel, shared by the crawl of every role.</summary>
public sealed class DemoOnLoopback : IAsyncLifetime
{
    public SecondSourceWebFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync() => BaseAddress = await App.StartOnLoopbackAsync();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Every page every demo role can reach by following links from its home, checked in Debian's Chromium: never wider
/// than the window at 390, 1280 and 1440 px; no critical or serious axe-core violation; no console error (a missing
/// favicon, a style the CSP refuses); and no text meant for programmers — a CLI flag, a file of the docs, a server
/// path, an enum's code name, a number in scientific notation. All findings of a role are listed in one failure.
/// </summary>
public sealed partial class EveryPageTests(DemoOnLoopback demo) : IClassFixture<DemoOnLoopback>
{
    private static readonly int[] Widths = [1440, 1280, 390];

    public static TheoryData<string, string?> Roles => new()
    {
        { "Admin", null },
        { "Engineer", null },
        { "Viewer", null },
        { "Member", "Pearl" },
        { "Member", "Vistula" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_fits_the_window_and_passes_axe(string role, string? party)
    {
        using var browser = BrowserSession.Start();
        var credential = demo.App.Credential(role, party);
        browser.SignIn(demo.BaseAddress, credential.Login, credential.Secret);
        // The console check can fail: a message logged now must come back from the browser's log.
        browser.Driver.ExecuteScript("console.error('console probe')");
        browser.Driver.Manage().Logs.GetLog(LogType.Browser).ShouldContain(e => e.Message.Contains("console probe", StringComparison.Ordinal));
        var pages = await CrawlAsync(browser);
        var who = party is null ? role : $"{role} ({party})";
        var failures = new List<string>();
        foreach (var (template, url) in pages)
        {
            failures.AddRange(Check(browser, url).Select(f => $"{who} {template} ({url.PathAndQuery}): {f}"));
        }

        // The whole list, for reading beside the screenshots (the failure message shows its start).
        var report = TestPaths.InRepository(Path.Combine("artifacts", "screenshots", $"every-page-{Regex.Replace(who, "[^A-Za-z]+", "-").Trim('-').ToLowerInvariant()}.txt"));
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        await File.WriteAllLinesAsync(report, pages.Select(p => $"page {p.Template}").Concat(failures), TestContext.Current.CancellationToken);
        pages.Count.ShouldBeGreaterThan(role == "Member" ? 8 : 20);
        failures.ShouldBeEmpty();
    }

    private static List<string> Check(BrowserSession browser, Uri url)
    {
        var failures = new List<string>();
        var driver = browser.Driver;
        driver.Manage().Window.Size = new System.Drawing.Size(1440, 900);
        _ = driver.Manage().Logs.GetLog(LogType.Browser);
        driver.Navigate().GoToUrl(url);
        browser.Wait.Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState") as string == "complete");

        foreach (var width in Widths)
        {
            driver.Manage().Window.Size = new System.Drawing.Size(width, 900);
            var overflow = driver.ExecuteScript(
                "if (document.documentElement.scrollWidth <= window.innerWidth) return '';" +
                "return document.documentElement.scrollWidth + ' px wide in ' + window.innerWidth + ': ' + Array.from(document.querySelectorAll('body *'))" +
                ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll-x'))" +
                ".slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' [' + (e.textContent || '').trim().slice(0, 30) + ']').join('; ');") as string;
            if (!string.IsNullOrEmpty(overflow))
            {
                failures.Add($"at {width} px the page is {overflow}");
                browser.Screenshot($"overflow-{width}-{Regex.Replace(url.AbsolutePath, "[^A-Za-z0-9]+", "-").Trim('-')}");
            }
        }

        driver.Manage().Window.Size = new System.Drawing.Size(1440, 900);
        failures.AddRange(browser.AccessibilityViolations().Select(v => $"axe {v}"));
        failures.AddRange(driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => $"console: {e.Message}"));
        var text = driver.FindElement(By.TagName("body")).Text;
        failures.AddRange(ProgrammerText(text).Select(t => $"text for programmers: '{t}'"));
        return failures;
    }

    /// <summary>Words a person using the product should never read.</summary>
    internal static IEnumerable<string> ProgrammerText(string text)
    {
        foreach (Match flag in CliFlag().Matches(text))
        {
            yield return flag.Value;
        }

        foreach (Match file in DocsFile().Matches(text))
        {
            yield return file.Value;
        }

        foreach (Match command in CliCommand().Matches(text))
        {
            yield return command.Value;
        }

        foreach (Match number in Scientific().Matches(text))
        {
            yield return number.Value;
        }

        foreach (var name in EnumCodeNames.Where(n => Regex.IsMatch(text, $@"(?<![\w-]){n}(?![\w-])", RegexOptions.CultureInvariant)))
        {
            yield return name;
        }
    }

    /// <summary>
    /// The code names of the domain's enum values that cannot be read as English: more than one capitalised word run
    /// together (<c>FlyingProbe</c>) or letters and digits (<c>Iso13485</c>).
    /// </summary>
    private static readonly string[] EnumCodeNames = typeof(SecondSource.Domain.Parties.Role).Assembly.GetTypes()
        .Where(t => t.IsEnum)
        .SelectMany(Enum.GetNames)
        .Where(n => CodeName().IsMatch(n) && n != "SecondSource")
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// Follows every same-site link from the home page over plain HTTP with the browser's session cookie and returns
    /// one address per page type (ids and query values stand for any), HTML pages only.
    /// </summary>
    private async Task<List<(string Template, Uri Url)>> CrawlAsync(BrowserSession browser)
    {
        using var client = browser.SessionClient(demo.BaseAddress);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perTemplate = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = new List<(string, Uri)>();
        var queue = new Queue<Uri>([new Uri(demo.BaseAddress, "/")]);
        while (queue.Count > 0 && seen.Count < 600)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url.PathAndQuery))
            {
                continue;
            }

            var template = Template(url);
            // Two addresses of each type are read for links (a second product may link where the first does not).
            if (perTemplate.TryGetValue(template, out var count) && count >= 2)
            {
                continue;
            }

            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            perTemplate[template] = count + 1;
            if (count == 0)
            {
                pages.Add((template, url));
            }

            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            foreach (Match link in Href().Matches(html))
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)
                    || href.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
                    || href.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
                    || href.StartsWith("/css/", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                queue.Enqueue(new Uri(demo.BaseAddress, href.Split('#')[0]));
            }
        }

        return pages;
    }

    private static string Template(Uri url)
    {
        var path = string.Join('/', url.AbsolutePath.Split('/').Select(s => Guid.TryParse(s, out _) ? "{id}" : long.TryParse(s, out _) ? "{n}" : s));
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var keys = query.AllKeys.Where(k => k is not null).OrderBy(k => k, StringComparer.Ordinal)
            .Select(k => k == "handler" ? $"handler={query[k]}" : k);
        return string.Join('&', keys) is { Length: > 0 } q ? $"{path}?{q}" : path;
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]+")]
    private static partial Regex CliFlag();

    [GeneratedRegex(@"\b[\w./-]*(docs|research)/[\w./-]+|\b[\w-]+\.md\b|(?<![\w.])/(etc|home|opt|srv|tmp|usr|var)/[\w./-]+")]
    private static partial Regex DocsFile();

    [GeneratedRegex(@"\bsecondsource [a-z]+( [a-z]+)?")]
    private static partial Regex CliCommand();

    [GeneratedRegex(@"\b\d(\.\d+)?E[+-]?\d+\b")]
    private static partial Regex Scientific();

    [GeneratedRegex("^([A-Z][a-z]+){2,}$|^[A-Za-z]+[0-9]+$")]
    private static partial Regex CodeName();
}
