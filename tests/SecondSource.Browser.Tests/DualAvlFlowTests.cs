using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>
/// The dual-AVL flow in a real browser, end to end: an engineer imports a BOM, sees its gaps, takes the BOM's sources
/// into the AVL, proposes an alternate for the single-source part and qualifies every source; each manufacturer's
/// member accepts the sources on its own line; the engineer watches coverage reach 100 % on both lines.
/// </summary>
public sealed class DualAvlFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;
    private string _bomFile = null!;

    public async ValueTask InitializeAsync()
    {
        _baseAddress = await _app.StartOnLoopbackAsync();
        _bomFile = Path.Combine(Path.GetTempPath(), $"vsm200-io-board-rev-a-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(_bomFile,
            "Designator,Quantity,Description,Manufacturer 1,MPN 1,Manufacturer 2,MPN 2\n" +
            "U1,1,MCU Cortex-M4 LQFP-100,STMicroelectronics,STM32F407VGT6,,\n" +
            "U2,1,LDO 3.3 V SOT-23,Microchip,MCP1700T-3302E/TT,Torex,XC6206P332MR\n" +
            "\"C1,C2\",2,100 nF 25 V 0402,Murata,GRM155R71E104KE14D,,\n");
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_bomFile);
        await _app.DisposeAsync();
    }

    [Fact]
    public void Coverage_reaches_100_percent_once_an_alternate_is_qualified_and_both_lines_accept_every_source()
    {
        string revisionUrl;
        string mcuPart;
        string ldoPart;
        using (var engineer = SignedIn("Engineer", null))
        {
            revisionUrl = Import(engineer);
            Summary(engineer).ShouldContain("0 of 2 critical lines dual-sourced");
            RuleCount(engineer, "avl-mismatch").ShouldBe(4);

            engineer.Driver.FindElement(By.CssSelector("[data-testid=adopt-form] button")).Click();
            // The import page already shows a success notice: wait for the adoption's, read afresh (the old one goes stale).
            engineer.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Any(e =>
            {
                try
                {
                    return e.Text.Contains("4 sources of the BOM added to the AVL as Proposed", StringComparison.Ordinal);
                }
                catch (StaleElementReferenceException)
                {
                    return false;
                }
            }));
            RuleCount(engineer, "alternate-unqualified").ShouldBe(4);

            mcuPart = PartUrl(engineer, "U1");
            ldoPart = PartUrl(engineer, "U2");

            // The single-source MCU gets its pin-compatible alternate.
            engineer.Driver.Navigate().GoToUrl(new Uri(mcuPart));
            engineer.Driver.FindElement(By.LinkText("Propose an alternate")).Click();
            engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=propose-form]")).Count > 0);
            engineer.Driver.FindElement(By.Id("Manufacturer")).SendKeys("GigaDevice");
            engineer.Driver.FindElement(By.CssSelector("[data-testid=propose-form] button")).Click();
            engineer.Wait.Until(d => d.FindElements(By.CssSelector(".field-validation-error")).Count > 0);
            engineer.Driver.FindElement(By.CssSelector("[data-valmsg-for=Mpn]")).Text.ShouldContain("Manufacturer part number");
            engineer.Driver.FindElement(By.Id("Mpn")).SendKeys("GD32F407VGT6");
            engineer.Driver.FindElement(By.Id("Details_Notes")).SendKeys("Pin-compatible LQFP-100; firmware clock tree checked");
            engineer.SubmitAndWait(engineer.Driver.FindElement(By.CssSelector("[data-testid=propose-form] button")));
            engineer.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);

            foreach (var mpn in new[] { "STM32F407VGT6", "GD32F407VGT6" })
            {
                Qualify(engineer, mcuPart, mpn);
            }

            foreach (var mpn in new[] { "MCP1700T-3302E/TT", "XC6206P332MR" })
            {
                Qualify(engineer, ldoPart, mpn);
            }

            engineer.Driver.Navigate().GoToUrl(new Uri(revisionUrl));
            Summary(engineer).ShouldContain("0 of 2 critical lines dual-sourced");
            RuleCount(engineer, "alternate-not-accepted").ShouldBe(8);
        }

        foreach (var manufacturer in new[] { "Pearl River", "Vistula" })
        {
            using var member = SignedIn("Member", manufacturer);
            foreach (var (part, mpn) in new[] { (mcuPart, "STM32F407VGT6"), (mcuPart, "GD32F407VGT6"), (ldoPart, "MCP1700T-3302E/TT"), (ldoPart, "XC6206P332MR") })
            {
                Accept(member, part, mpn, $"FAI-{manufacturer[..2].ToUpperInvariant()}-{mpn}: first article passed, feeder and placement program updated");
            }

            // A member sees its own line only.
            member.Driver.Navigate().GoToUrl(new Uri(ldoPart));
            member.Driver.FindElements(By.CssSelector("[data-testid=avl-entries] thead th")).Select(th => th.Text).Count(t => t.Contains("SMT line", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        }

        using (var engineer = SignedIn("Engineer", null))
        {
            engineer.Driver.Navigate().GoToUrl(new Uri(revisionUrl));
            Summary(engineer).ShouldContain("2 of 2 critical lines dual-sourced on every line");
            engineer.Driver.FindElements(By.CssSelector("[data-testid=coverage-figure]")).Select(f => f.Text).ShouldBe(["100 %", "100 %"]);
            // What is left is the non-critical capacitor's source, still only proposed.
            engineer.Driver.FindElements(By.CssSelector("[data-testid=findings-per-rule] [data-rule]")).Select(c => c.GetAttribute("data-rule")).ShouldBe(["alternate-unqualified"]);
            RuleCount(engineer, "alternate-unqualified").ShouldBe(1);
            engineer.Driver.Navigate().GoToUrl(new Uri(mcuPart));
            engineer.Driver.FindElement(By.CssSelector("[data-testid=history]")).Text.ShouldContain("acceptance by Vistula");
        }
    }

    private BrowserSession SignedIn(string role, string? party)
    {
        var browser = BrowserSession.Start();
        var credential = _app.Credential(role, party);
        browser.SignIn(_baseAddress, credential.Login, credential.Secret);
        return browser;
    }

    private string Import(BrowserSession browser)
    {
        browser.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/Products"));
        browser.Wait.Until(d => d.FindElements(By.LinkText("BOM revisions")).Count > 0);
        browser.Driver.FindElement(By.LinkText("BOM revisions")).Click();
        browser.Wait.Until(d => d.FindElements(By.LinkText("Import a BOM revision")).Count > 0);
        browser.Driver.FindElement(By.LinkText("Import a BOM revision")).Click();
        browser.Wait.Until(d => d.FindElements(By.Id("bom")).Count > 0);
        browser.Driver.FindElement(By.Id("Label")).SendKeys("IO board Rev A");
        browser.Driver.FindElement(By.Id("bom")).SendKeys(_bomFile);
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-upload] button")).Click();
        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=bom-import]")).Count > 0);
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-import]")).Click();
        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=audit-summary]")).Count > 0);
        return browser.Driver.Url;
    }

    private static int RuleCount(BrowserSession browser, string rule) =>
        int.Parse(browser.Driver.FindElement(By.CssSelector($"[data-testid=findings-per-rule] [data-rule='{rule}']")).GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);

    private static string Summary(BrowserSession browser) => browser.Driver.FindElement(By.CssSelector("[data-testid=audit-summary]")).Text;

    private static string PartUrl(BrowserSession browser, string designator)
    {
        browser.Unfold("[data-testid=bom-lines]");
        return browser.Driver.FindElement(By.CssSelector("[data-testid=revision-lines]")).FindElement(By.LinkText(designator)).GetAttribute("href")!;
    }

    private static IWebElement Row(BrowserSession browser, string mpn) => browser.Driver.FindElement(By.CssSelector($"[data-testid=avl-entries] tr[data-entry='{mpn}']"));

    private static void Qualify(BrowserSession browser, string partUrl, string mpn)
    {
        foreach (var (aspect, method, evidence) in new[] { ("Electrical", "BenchTest", "BT-" + mpn), ("Reliability", "JedecReport", "JESD47 report " + mpn) })
        {
            browser.Driver.Navigate().GoToUrl(new Uri(partUrl));
            Row(browser, mpn).FindElement(By.LinkText("Qualify")).Click();
            browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=qualify-form]")).Count > 0);
            browser.Driver.FindElement(By.CssSelector($"#Aspect option[value={aspect}]")).Click();
            browser.Driver.FindElement(By.CssSelector("#Verdict option[value=Pass]")).Click();
            browser.Driver.FindElement(By.CssSelector($"#Method option[value={method}]")).Click();
            browser.Driver.FindElement(By.Id("Evidence")).SendKeys(evidence);
            browser.SubmitAndWait(browser.Driver.FindElement(By.CssSelector("[data-testid=qualify-form] button")));
            browser.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
        }

        Row(browser, mpn).FindElement(By.CssSelector("[data-testid=status]")).Text.ShouldBe("Qualified");
    }

    private static void Accept(BrowserSession browser, string partUrl, string mpn, string evidence)
    {
        browser.Driver.Navigate().GoToUrl(new Uri(partUrl));
        Row(browser, mpn).FindElement(By.LinkText("Record")).Click();
        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=accept-form]")).Count > 0);
        browser.Driver.FindElement(By.CssSelector("#State option[value=Accepted]")).Click();
        browser.Driver.FindElement(By.Id("Evidence")).SendKeys(evidence);
        browser.SubmitAndWait(browser.Driver.FindElement(By.CssSelector("[data-testid=accept-form] button")));
        browser.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
        Row(browser, mpn).FindElement(By.CssSelector("td.state .badge")).Text.ShouldBe("Accepted");
    }
}
