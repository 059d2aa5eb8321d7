using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using SecondSource.Testing;

namespace SecondSource.Browser.Tests;

/// <summary>Debian's headless Chromium driven by chromedriver, with a fresh profile; skips when they are not installed.</summary>
public sealed class BrowserSession : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string DriverPath = "/usr/bin/chromedriver";
    private readonly TempFolder _profile = new("chromium-profile");
    private readonly TempFolder _downloads = new("chromium-downloads");

    private BrowserSession()
    {
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1280,900", $"--user-data-dir={_profile.Path}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        options.AddUserProfilePreference("download.default_directory", _downloads.Path);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(15));
        // A condition that reads an element of a page being replaced retries on the new page instead of failing.
        Wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
    }

    public ChromeDriver Driver { get; }

    public WebDriverWait Wait { get; }

    /// <summary>Where the browser saves downloads.</summary>
    public string Downloads => _downloads.Path;

    /// <summary>Waits for a finished download of that name and returns its path.</summary>
    public string WaitForDownload(string fileName)
    {
        var path = System.IO.Path.Combine(_downloads.Path, fileName);
        Wait.Until(_ => File.Exists(path) && !Directory.EnumerateFiles(_downloads.Path, "*.crdownload").Any());
        return path;
    }

    /// <summary>
    /// Clicks a button that submits a form and waits until the browser has left the page it was on and the new one has
    /// loaded. Waiting only for an element of the result (an alert) can match the old page — which may hold the same
    /// alert from the previous step — and then read a page that is being replaced (stale or missing elements).
    /// </summary>
    public void SubmitAndWait(IWebElement button)
    {
        ArgumentNullException.ThrowIfNull(button);
        var page = Driver.FindElement(By.TagName("html"));
        button.Click();
        Wait.Until(_ => IsStale(page));
        Wait.Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState") as string == "complete");
    }

    /// <summary>
    /// An HTTP client that carries this browser's session cookies to <paramref name="baseAddress"/>, for what the browser
    /// would only download (a PDF) or for walking many pages fast; it follows no redirect. Dispose it with its handler.
    /// </summary>
    public HttpClient SessionClient(Uri baseAddress)
    {
        var cookies = new System.Net.CookieContainer();
        foreach (var cookie in Driver.Manage().Cookies.AllCookies)
        {
            cookies.Add(baseAddress, new System.Net.Cookie(cookie.Name, cookie.Value, "/"));
        }

        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = baseAddress };
    }

    /// <summary>Opens a folded section (a <c>details</c> element), as a person clicking its summary would.</summary>
    public void Unfold(string css)
    {
        var details = Driver.FindElement(By.CssSelector(css));
        if (details.GetAttribute("open") is null)
        {
            details.FindElement(By.TagName("summary")).Click();
        }
    }

    private static bool IsStale(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
        catch (WebDriverException ex) when (ex.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // Chromium's way of saying stale while the old document is being replaced.
            return true;
        }
    }

    /// <summary>
    /// The page at a desktop and a phone width, each saved and never wider than the window (outside the scrolling
    /// tables and the menu); then axe-core finds no critical or serious accessibility violation on it.
    /// </summary>
    public void ScreenshotsAt(string name)
    {
        foreach (var width in new[] { 1440, 390 })
        {
            Driver.Manage().Window.Size = new System.Drawing.Size(width, 900);
            var (page, window) = ((long, long))(((IJavaScriptExecutor)Driver).ExecuteScript("return [document.documentElement.scrollWidth, window.innerWidth];") is IReadOnlyList<object> sizes
                ? (Convert.ToInt64(sizes[0], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(sizes[1], System.Globalization.CultureInfo.InvariantCulture))
                : (0L, 0L));
            var culprits = ((IJavaScriptExecutor)Driver).ExecuteScript(
                "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll-x, .nav'))" +
                ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + (e.getAttribute('data-testid') || '') + ' ' + Math.round(e.getBoundingClientRect().right) + ' [' + (e.textContent || '').trim().slice(0, 30) + ']').join('; ');");
            page.ShouldBeLessThanOrEqualTo(window, $"{name} at {width} px is wider than the window: {culprits}");
            // The whole page, not only what fits in 900 px (up to 8,000 px high), so the screenshot shows what a person scrolls through.
            var height = Convert.ToInt32(((IJavaScriptExecutor)Driver).ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
            Driver.Manage().Window.Size = new System.Drawing.Size(width, Math.Clamp(height + 90, 900, 8000));
            Screenshot($"{name}-{width}");
            Driver.Manage().Window.Size = new System.Drawing.Size(width, 900);
        }

        Driver.Manage().Window.Size = new System.Drawing.Size(1440, 900);
        AccessibilityViolations().ShouldBeEmpty($"axe-core on {name}");
    }

    public static BrowserSession Start()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            Assert.Skip($"Browser tests need Debian's chromium and chromium-driver ({ChromiumPath}, {DriverPath}); .ci/run installs them.");
        }

        Environment.SetEnvironmentVariable("SE_AVOID_STATS", "true");
        return new BrowserSession();
    }

    /// <summary>
    /// Runs axe-core (npm's <c>axe-core</c>, installed by .ci/run under artifacts/tools/axe, or SECONDSOURCE_AXE) on the
    /// current page and returns its critical and serious violations, each as "rule: help (n nodes: first selector)".
    /// Skips the test with the reason when axe-core is not installed.
    /// </summary>
    public IReadOnlyList<string> AccessibilityViolations()
    {
        var script = Environment.GetEnvironmentVariable("SECONDSOURCE_AXE")
            ?? TestPaths.InRepository(Path.Combine("artifacts", "tools", "axe", "node_modules", "axe-core", "axe.min.js"));
        if (!File.Exists(script))
        {
            Assert.Skip($"The accessibility check needs axe-core ({script}); .ci/run installs it with npm.");
        }

        Driver.ExecuteScript(File.ReadAllText(script));
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var result = Driver.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1];" +
            "axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations" +
            ".filter(v => v.impact === 'critical' || v.impact === 'serious')" +
            ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: ' + (v.nodes[0] ? v.nodes[0].target.join(' ') : '') + ')')))" +
            ".catch(e => done(['axe failed: ' + e]));");
        return result is IEnumerable<object> items ? items.Select(i => i.ToString() ?? "").ToList() : [$"axe returned {result}"];
    }

    /// <summary>Saves a PNG of the current page under artifacts/screenshots and returns its path.</summary>
    public string Screenshot(string name)
    {
        var folder = TestPaths.InRepository(Path.Combine("artifacts", "screenshots"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        Driver.GetScreenshot().SaveAsFile(file);
        return file;
    }

    public void SignIn(Uri baseAddress, string email, string password)
    {
        Driver.Navigate().GoToUrl(new Uri(baseAddress, "/"));
        Wait.Until(d => d.Url.Contains("/Account/Login", StringComparison.Ordinal));
        Driver.FindElement(By.Name("Email")).SendKeys(email);
        Driver.FindElement(By.Name("Password")).SendKeys(password);
        Driver.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        Wait.Until(d => !d.Url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _profile.Dispose();
        _downloads.Dispose();
    }
}
