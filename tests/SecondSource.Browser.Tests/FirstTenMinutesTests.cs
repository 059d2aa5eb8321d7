using System.Diagnostics;
using System.Drawing;
using OpenQA.Selenium;
using SecondSource.Testing;

namespace SecondSource.Browser.Tests;

/// <summary>
/// The first ten minutes of a new buyer, from an empty installation (not the demo): the first admin is created with the
/// command line, then, in Chromium, the admin names two manufacturers, adds their lines and a person, adds a product
/// from a real BOM (Glasgow revC3) and reads its audit, starts a program, adds the second line and chooses it, records
/// the NDA and grants a document. Each step is reached by a link on the page before it — the getting-started checklist or the
/// page itself — never by typing an address; a screenshot of each step is kept in artifacts/screenshots.
/// </summary>
public sealed class FirstTenMinutesTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new() { SeedDemo = false };
    private Uri _baseAddress = null!;
    private int _step;

    public async ValueTask InitializeAsync() => _baseAddress = await _app.StartOnLoopbackAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_new_buyer_sets_up_a_program_from_an_empty_installation()
    {
        const string email = "lena@orion-instruments.example", password = "first-admin-passphrase-42";
        await CreateFirstAdminWithTheCliAsync(email, password);

        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        driver.Manage().Window.Size = new Size(1280, 1000);
        browser.SignIn(_baseAddress, email, password);
        browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=setup]")));
        driver.FindElement(By.CssSelector("[data-testid=programs-empty]")).Text.ShouldContain("No programs yet");
        driver.FindElements(By.CssSelector("[data-testid=setup] li.done")).ShouldBeEmpty();
        Shot(browser, "empty-dashboard");

        // 1. Two manufacturers, from the checklist.
        Step(browser, "manufacturers", "Add a manufacturer");
        foreach (var name in new[] { "Pearl River EMS", "Vistula EMS" })
        {
            driver.FindElement(By.Id("Name")).SendKeys(name);
            browser.SubmitAndWait(driver.FindElement(By.CssSelector("main form button.primary")));
            driver.FindElement(By.TagName("main")).Text.ShouldContain(name);
        }

        Shot(browser, "manufacturers");

        // 2. A line at each, with a new site.
        foreach (var (manufacturer, site, country, line) in new[] { ("Pearl River EMS", "Shenzhen plant", "CN", "SMT line 3"), ("Vistula EMS", "Gdańsk plant", "PL", "SMT line 1") })
        {
            Home(browser);
            Step(browser, "lines", "Add a line");
            driver.FindElement(By.XPath($"//select[@id='ManufacturerId']/option[normalize-space()='{manufacturer}']")).Click();
            driver.FindElement(By.Id("SiteName")).SendKeys(site);
            driver.FindElement(By.Id("Address")).SendKeys($"1 Factory Road, {site.Split(' ')[0]}");
            driver.FindElement(By.Id("Country")).SendKeys(country);
            driver.FindElement(By.Id("Name")).SendKeys(line);
            browser.SubmitAndWait(driver.FindElement(By.CssSelector("[data-testid=new-line-form] button.primary")));
            driver.FindElements(By.CssSelector(".alert.error")).Select(e => e.Text).ShouldBeEmpty();
        }

        Shot(browser, "lines");

        // 3. A person at each manufacturer.
        foreach (var (manufacturer, person) in new[] { ("Pearl River EMS", "wei@pearlriver.example"), ("Vistula EMS", "kasia@vistula.example") })
        {
            Home(browser);
            Step(browser, "people", "Add a person");
            driver.FindElement(By.Id("Email")).SendKeys(person);
            driver.FindElement(By.Id("DisplayName")).SendKeys(person.Split('@')[0] + " (NPI engineer)");
            driver.FindElement(By.XPath($"//select[@id='Membership']/optgroup/option[normalize-space()='{manufacturer}']")).Click();
            driver.FindElement(By.Id("Password")).SendKeys("initial-passphrase-" + manufacturer.Length);
            browser.SubmitAndWait(driver.FindElement(By.CssSelector("main form button.primary")));
            driver.FindElements(By.CssSelector(".alert.error")).Select(e => e.Text).ShouldBeEmpty();
        }

        Shot(browser, "people");

        // 4. A product, then its BOM: a real file, the preview, the audit.
        Home(browser);
        Step(browser, "product", "Add a product");
        driver.FindElement(By.Id("Name")).SendKeys("Glasgow interface explorer");
        driver.FindElement(By.Id("Code")).SendKeys("GLASGOW-C3");
        browser.SubmitAndWait(driver.FindElement(By.CssSelector("[data-testid=product-form] button.primary")));
        driver.FindElements(By.CssSelector(".alert.error")).Select(e => e.Text).ShouldBeEmpty();
        driver.FindElement(By.CssSelector("[data-testid=products]")).Text.ShouldContain("GLASGOW-C3");
        var product = driver.FindElements(By.CssSelector("[data-testid=products] tr")).First(r => r.Text.Contains("GLASGOW-C3", StringComparison.Ordinal));
        browser.SubmitAndWait(product.FindElement(By.LinkText("BOM revisions")));
        browser.SubmitAndWait(driver.FindElement(By.LinkText("Import a BOM revision")));
        driver.FindElement(By.Id("Label")).SendKeys("Rev C3");
        driver.FindElement(By.Id("bom")).SendKeys(Samples.RealBom("glasgow_revC3_bom.csv"));
        browser.SubmitAndWait(driver.FindElement(By.CssSelector("[data-testid=bom-upload] button")));
        driver.FindElement(By.CssSelector("[data-testid=bom-preview-summary]")).Text.ShouldContain("lines");
        Shot(browser, "bom-preview");
        browser.SubmitAndWait(driver.FindElement(By.CssSelector("[data-testid=bom-import]")));
        driver.FindElement(By.CssSelector("[data-testid=audit-summary]")).Text.ShouldContain("critical lines dual-sourced");
        driver.FindElement(By.CssSelector("[data-testid=audit-findings] details.rule-group summary")).Text.ShouldContain("Error");
        Shot(browser, "bom-audit");

        // 5. A program with the primary line, then the second line as a candidate.
        Home(browser);
        Step(browser, "program", "Start a program");
        driver.FindElement(By.Id("Name")).SendKeys("Glasgow second source");
        driver.FindElement(By.XPath("//select[@id='PrimaryLineId']/option[starts-with(normalize-space(), 'SMT line 3')]")).Click();
        driver.FindElement(By.Id("FullDemandUnitsPerWeek")).SendKeys("400");
        browser.SubmitAndWait(driver.FindElement(By.CssSelector("[data-testid=program-form] button.primary")));
        driver.FindElement(By.XPath("//select[@id='lineId']/option[starts-with(normalize-space(), 'SMT line 1')]")).Click();
        browser.SubmitAndWait(driver.FindElement(By.CssSelector("[data-testid=add-candidate] button")));
        driver.FindElement(By.CssSelector("[data-testid=program-lines]")).Text.ShouldContain("SMT line 1");
        var decide = driver.FindElement(By.CssSelector("[data-testid=decide]"));
        decide.FindElement(By.XPath(".//select[@id='ChosenLineId']/option[contains(normalize-space(), 'SMT line 1')]")).Click();
        decide.FindElement(By.Id("Reasons")).SendKeys("The only candidate; EU zone, same capabilities as the primary.");
        browser.SubmitAndWait(decide.FindElement(By.CssSelector("button.primary")));
        driver.FindElements(By.CssSelector(".alert.error")).Select(e => e.Text).ShouldBeEmpty();
        Shot(browser, "program");

        // 6. The NDA with the second source, a document in the package, and its grant to the line.
        Home(browser);
        Step(browser, "documents", "Vault");
        browser.SubmitAndWait(driver.FindElement(By.LinkText("NDAs")));
        driver.FindElement(By.XPath("//select[@id='manufacturer']/option[normalize-space()='Vistula EMS']")).Click();
        driver.FindElement(By.Id("scope")).SendKeys("Glasgow manufacturing documentation");
        SetDate(driver, "signedOn", DateTime.UtcNow.AddDays(-1));
        SetDate(driver, "expires", DateTime.UtcNow.AddYears(2));
        using var nda = new TempFolder("first-ten-minutes-nda");
        var ndaFile = Path.Combine(nda.Path, "nda-vistula-signed.pdf");
        await File.WriteAllTextAsync(ndaFile, "%PDF-1.4 signed NDA, Orion Instruments and Vistula EMS", TestContext.Current.CancellationToken);
        driver.FindElement(By.Id("document")).SendKeys(ndaFile);
        browser.SubmitAndWait(driver.FindElement(By.XPath("//form[contains(@action, 'RecordNda')]//button")));
        driver.FindElements(By.CssSelector(".alert.error")).Select(e => e.Text).ShouldBeEmpty();
        browser.SubmitAndWait(driver.FindElement(By.LinkText("Vault")));
        browser.SubmitAndWait(driver.FindElement(By.LinkText("Transfer package")));
        var gerbers = Path.Combine(nda.Path, "glasgow-c3-gerbers.zip");
        await File.WriteAllBytesAsync(gerbers, [0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], TestContext.Current.CancellationToken);
        var first = driver.FindElement(By.CssSelector("form[action*='Upload']"));
        first.FindElement(By.CssSelector("input[type=file]")).SendKeys(gerbers);
        browser.SubmitAndWait(first.FindElement(By.TagName("button")));
        driver.FindElements(By.CssSelector(".alert.error")).Select(e => e.Text).ShouldBeEmpty();
        browser.SubmitAndWait(driver.FindElement(By.LinkText("Lines, sync and grants")));
        var grant = driver.FindElement(By.CssSelector("[data-testid=grant-form]"));
        grant.FindElement(By.XPath(".//select[@id='line']/option[contains(normalize-space(), 'SMT line 1')]")).Click();
        SetDate(driver, "until", DateTime.UtcNow.AddYears(1));
        browser.SubmitAndWait(grant.FindElement(By.TagName("button")));
        driver.FindElements(By.CssSelector(".alert.error")).Select(e => e.Text).ShouldBeEmpty();
        Shot(browser, "grant");

        // The checklist now has every step but the stations' keys done.
        Home(browser);
        driver.FindElements(By.CssSelector("[data-testid=setup] li.done")).Select(li => li.GetAttribute("data-step"))
            .ShouldBe(["manufacturers", "lines", "people", "product", "program", "documents"]);
        driver.FindElement(By.CssSelector("[data-testid=programs]")).Text.ShouldContain("Glasgow second source");
        Shot(browser, "dashboard-after");
    }

    /// <summary>`secondsource user add EMAIL --admin --organization … --password-stdin`, as the README's set-up says.</summary>
    private async Task CreateFirstAdminWithTheCliAsync(string email, string password)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var cli = TestPaths.InRepository(Path.Combine("artifacts", "bin", "SecondSource.Cli", configuration, "secondsource.dll"));
        File.Exists(cli).ShouldBeTrue($"the command line is built ({cli})");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "user", "add", email, "--admin", "--organization", "Orion Instruments", "--password-stdin", "--data", _app.Database.Folder.Path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, $"{output}{error}");
    }

    /// <summary>Follows the checklist step's link: the way a new buyer finds the next thing to do.</summary>
    private static void Step(BrowserSession browser, string step, string link) =>
        browser.SubmitAndWait(browser.Driver.FindElement(By.CssSelector($"[data-testid=setup] li[data-step={step}]")).FindElement(By.LinkText(link)));

    private static void Home(BrowserSession browser) => browser.SubmitAndWait(browser.Driver.FindElement(By.CssSelector("nav.nav a[href='/']")));

    private static void SetDate(OpenQA.Selenium.Chrome.ChromeDriver driver, string id, DateTime day) =>
        driver.ExecuteScript("arguments[0].value = arguments[1];", driver.FindElement(By.Id(id)), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    private void Shot(BrowserSession browser, string name) =>
        browser.ScreenshotsAt($"first-ten-minutes-{++_step:00}-{name}");
}
