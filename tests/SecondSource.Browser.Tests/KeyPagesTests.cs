using System.Diagnostics;
using System.Globalization;
using OpenQA.Selenium;
using SecondSource.Testing;

namespace SecondSource.Browser.Tests;

/// <summary>
/// The pages people live in, each reached as its user reaches it and kept as screenshots at 1440 and 390 px (never
/// wider than the window, no serious axe-core violation): the buyer's dashboard, the manufacturer's home, the BOM
/// audit, the allocation plan and the quarterly review pack — and the pack's PDF, whose pages are rendered (poppler's
/// pdftoppm) to check that the first page carries the pack's content, not a near-empty sheet.
/// </summary>
public sealed class KeyPagesTests(DemoOnLoopback demo) : IClassFixture<DemoOnLoopback>
{
    [Fact]
    public void The_buyer_reads_the_dashboard_the_bom_audit_and_the_plan()
    {
        using var browser = BrowserSession.Start();
        var engineer = demo.App.Credential("Engineer");
        browser.SignIn(demo.BaseAddress, engineer.Login, engineer.Secret);
        var driver = browser.Driver;
        browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=programs]")));
        browser.ScreenshotsAt("key-buyer-dashboard");

        browser.SubmitAndWait(driver.FindElement(By.CssSelector("[data-testid=coverage-cell] a")));
        browser.SubmitAndWait(driver.FindElement(By.CssSelector("tr[data-state=current] a[href^='/Products/Revision']")));
        var findings = driver.FindElement(By.CssSelector("[data-testid=audit-findings]"));
        var groups = findings.FindElements(By.CssSelector("details.rule-group")).Select(g => g.GetAttribute("data-rule")).ToList();
        groups.ShouldNotBeEmpty();
        groups[0].ShouldBe("single-source-critical", "the critical single sources come first");
        findings.FindElement(By.CssSelector("details.rule-group")).GetAttribute("open").ShouldNotBeNull();
        browser.ScreenshotsAt("key-bom-audit");

        driver.Navigate().GoToUrl(new Uri(demo.BaseAddress, "/"));
        browser.SubmitAndWait(browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=programs] a[href^='/Programs/Details']"))));
        browser.SubmitAndWait(driver.FindElement(By.CssSelector("[data-testid=planning-links] a[href^='/Programs/Plan']")));
        browser.ScreenshotsAt("key-plan");
    }

    [Fact]
    public void The_manufacturer_opens_its_home()
    {
        using var browser = BrowserSession.Start();
        var member = demo.App.Credential("Member", "Vistula");
        browser.SignIn(demo.BaseAddress, member.Login, member.Secret);
        browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=agenda]")));
        browser.ScreenshotsAt("key-manufacturer-home");
    }

    [Fact]
    public async Task The_review_pack_reads_on_screen_and_its_pdf_starts_with_the_pack()
    {
        using var browser = BrowserSession.Start();
        var engineer = demo.App.Credential("Engineer");
        browser.SignIn(demo.BaseAddress, engineer.Login, engineer.Secret);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(new Uri(demo.BaseAddress, "/Reviews"));
        browser.SubmitAndWait(browser.Wait.Until(d => d.FindElement(By.CssSelector("tr[data-review] a[href^='/Reviews/Pack']"))));
        browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=review-pack]")));
        var title = driver.FindElement(By.TagName("h1")).Text;
        browser.ScreenshotsAt("key-review-pack");

        var pdf = await DownloadAsync(browser, driver.FindElement(By.CssSelector("[data-testid=pdf]")).GetAttribute("href")!);
        using var folder = new TempFolder("review-pdf");
        var file = Path.Combine(folder.Path, "pack.pdf");
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
        var pages = Pdf.Pages(file);
        pages.ShouldBeGreaterThan(1);

        // Page 1 holds the pack's title and its first section, and is well filled — not a sheet with a heading alone.
        var firstText = Pdf.Text(file, 1);
        firstText.ShouldContain(title.Split('—')[0].Trim());
        var ink = Pdf.Ink(file, 1);
        ink.ShouldBeGreaterThan(0.04, $"page 1 is {ink:P1} ink");
        Pdf.Png(file, 1, TestPaths.InRepository(Path.Combine("artifacts", "screenshots", "key-review-pack-pdf-page1")));
        TestContext.Current.SendDiagnosticMessage($"review pack PDF: {pages} pages, page 1 {ink:P1} ink");
    }

    private async Task<byte[]> DownloadAsync(BrowserSession browser, string href)
    {
        using var client = browser.SessionClient(demo.BaseAddress);
        using var response = await client.GetAsync(new Uri(href), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>poppler-utils (pdfinfo, pdftotext, pdftoppm), installed by .ci/run; the test skips with the reason without them.</summary>
    private static class Pdf
    {
        public static int Pages(string file)
        {
            var info = Run("pdfinfo", file);
            var line = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
        }

        public static string Text(string file, int page) => Run("pdftotext", "-f", $"{page}", "-l", $"{page}", "-layout", file, "-");

        /// <summary>The share of the page's pixels that are not white (a grey map at 30 dpi).</summary>
        public static double Ink(string file, int page)
        {
            var prefix = Path.Combine(Path.GetDirectoryName(file)!, $"ink-{page}");
            Run("pdftoppm", "-f", $"{page}", "-l", $"{page}", "-r", "30", "-gray", "-singlefile", file, prefix);
            var pgm = File.ReadAllBytes(prefix + ".pgm");
            // Binary PGM: "P5", width, height, maxval, each followed by whitespace, then one byte a pixel.
            var header = 0;
            for (var fields = 0; fields < 4; header++)
            {
                if (char.IsWhiteSpace((char)pgm[header]) && header > 0 && !char.IsWhiteSpace((char)pgm[header - 1]))
                {
                    fields++;
                }
            }

            var pixels = pgm.AsSpan(header);
            var dark = 0;
            foreach (var p in pixels)
            {
                if (p < 235)
                {
                    dark++;
                }
            }

            return (double)dark / pixels.Length;
        }

        public static void Png(string file, int page, string prefix)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(prefix)!);
            Run("pdftoppm", "-f", $"{page}", "-l", $"{page}", "-r", "60", "-png", "-singlefile", file, prefix);
        }

        private static string Run(string tool, params string[] arguments)
        {
            var path = Path.Combine("/usr/bin", tool);
            if (!File.Exists(path))
            {
                Assert.Skip($"Reading the PDF needs poppler-utils ({path}); .ci/run installs it.");
            }

            var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"{tool}: {error}");
            return output;
        }
    }
}
