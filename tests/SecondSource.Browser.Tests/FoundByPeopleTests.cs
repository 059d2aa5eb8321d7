using System.Drawing;
using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>
/// The broken paths and risky defaults a person found by using the product (issue 22), each walked again in Chromium:
/// adding a product after reading its BOM, the administrator's top bar and its menus at desktop and phone widths, the
/// favicon, and a stage change that asks first and says what it does.
/// </summary>
public sealed class FoundByPeopleTests(DemoOnLoopback demo) : IClassFixture<DemoOnLoopback>
{
    [Fact]
    public void A_product_is_added_after_its_bom_was_read()
    {
        using var bom = new SecondSource.Testing.TempFolder("new-product-bom");
        var file = Path.Combine(bom.Path, "sensor-board.csv");
        File.WriteAllText(file,
            "Designator,Quantity,Manufacturer,MPN,Footprint\n" +
            "\"C1,C2\",2,Murata,GRM155R71C104KA88D,C_0402_1005Metric\n" +
            "R1,1,Yageo,RC0201FR-0710KL,R_0201_0603Metric\n" +
            "U1,1,Texas Instruments,TPS3823-33DBVR,SOT-23-5\n");
        using var browser = BrowserSession.Start();
        var engineer = demo.App.Credential("Engineer");
        browser.SignIn(demo.BaseAddress, engineer.Login, engineer.Secret);
        browser.Driver.Navigate().GoToUrl(new Uri(demo.BaseAddress, "/Products/New"));
        browser.Wait.Until(d => d.FindElement(By.Id("Name"))).SendKeys("Sensor board");
        browser.Driver.FindElement(By.Id("Code")).SendKeys("AUR-SB100");
        browser.Driver.FindElement(By.Id("bom-file")).SendKeys(file);
        browser.SubmitAndWait(browser.Driver.FindElement(By.CssSelector("button[formaction*='handler=Derive']")));
        browser.Driver.FindElement(By.CssSelector(".alert.success")).Text.ShouldContain("smallest chip 0201");

        // Before the fix the form posted back to the Derive handler: "Choose a BOM file to read." and nothing saved.
        browser.SubmitAndWait(browser.Driver.FindElement(By.CssSelector("[data-testid=product-form] button.primary")));
        browser.Driver.FindElements(By.CssSelector(".alert.error")).ShouldBeEmpty();
        browser.Driver.Navigate().GoToUrl(new Uri(demo.BaseAddress, "/Products"));
        browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=products]"))).Text.ShouldContain("AUR-SB100");
    }

    [Fact]
    public async Task The_administrators_top_bar_fits_and_its_menus_open_at_both_widths()
    {
        using var browser = BrowserSession.Start();
        var admin = demo.App.Credential("Admin");
        browser.SignIn(demo.BaseAddress, admin.Login, admin.Secret);
        var driver = browser.Driver;
        driver.Manage().Window.Size = new Size(1280, 900);
        driver.Navigate().GoToUrl(new Uri(demo.BaseAddress, "/Lines"));
        browser.Wait.Until(d => d.FindElement(By.CssSelector("nav.nav")).Displayed);
        ((long)driver.ExecuteScript("return document.documentElement.scrollWidth;")!).ShouldBeLessThanOrEqualTo(1280);

        // Administration folds into a menu; the account's menu holds the password and sign-out.
        driver.FindElement(By.CssSelector("nav.nav details.dropdown summary")).Click();
        var people = driver.FindElement(By.CssSelector("nav.nav a[href='/Admin/Users']"));
        browser.Wait.Until(_ => people.Displayed);
        driver.FindElement(By.CssSelector("[data-testid=who] summary")).Click();
        people.Displayed.ShouldBeFalse("opening one menu closes the other");
        var signOut = browser.Wait.Until(d => d.FindElement(By.XPath("//button[normalize-space()='Sign out']")));
        signOut.Displayed.ShouldBeTrue();
        browser.AccessibilityViolations().ShouldBeEmpty("the open account menu");
        driver.FindElement(By.TagName("h1")).Click();
        signOut.Displayed.ShouldBeFalse("a click elsewhere closes the menu");

        // At a phone's width every section sits behind one Menu button.
        driver.Manage().Window.Size = new Size(390, 900);
        browser.Wait.Until(d => !d.FindElement(By.CssSelector("nav.nav")).Displayed);
        driver.FindElement(By.CssSelector("details.menu summary")).Click();
        var menu = browser.Wait.Until(d => d.FindElement(By.CssSelector("details.menu nav")));
        menu.FindElements(By.TagName("a")).Select(a => a.Text).ShouldBe(
            ["Dashboard", "Lines", "Products", "Parts", "Vault", "Test data", "Reviews", "Provisioning", "People", "Manufacturers", "API keys", "Zones", "Access log"]);
        browser.Screenshot("menu-open-390");
        browser.AccessibilityViolations().ShouldBeEmpty("the open menu at 390 px");
        menu.FindElement(By.LinkText("Parts")).Click();
        browser.Wait.Until(d => d.Url.EndsWith("/Parts", StringComparison.Ordinal));

        // The icon the page names is served (it was a 404 on every page).
        var icon = driver.FindElement(By.CssSelector("link[rel=icon]")).GetAttribute("href")!;
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(icon), TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
    }

    [Fact]
    public void A_stage_change_asks_first_and_says_what_it_does()
    {
        using var browser = BrowserSession.Start();
        var engineer = demo.App.Credential("Engineer");
        browser.SignIn(demo.BaseAddress, engineer.Login, engineer.Secret);
        var driver = browser.Driver;
        driver.Manage().Window.Size = new Size(1280, 1600);
        driver.FindElement(By.CssSelector("[data-testid=programs] a[href^='/Programs/Details']")).Click();
        var primary = browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=program-lines] tbody tr")))
            .First(r => r.Text.Contains("primary", StringComparison.Ordinal));
        var stage = primary.FindElement(By.CssSelector("[data-testid=stage]")).Text;
        var select = primary.FindElement(By.CssSelector("select[name=to]"));
        select.GetDomProperty("value").ShouldBe("", "no stage is preselected (it was Suspended for the primary)");

        select.FindElement(By.CssSelector("option[value=Suspended]")).Click();
        browser.SubmitAndWait(primary.FindElement(By.CssSelector("button[type=submit]")));
        var confirmation = driver.FindElement(By.CssSelector("[data-testid=stage-confirmation]"));
        confirmation.FindElement(By.TagName("h1")).Text.ShouldEndWith("to suspended?");
        confirmation.FindElement(By.CssSelector("[data-testid=consequences]")).Text.ShouldContain("no primary in production");
        browser.ScreenshotsAt("stage-confirmation");

        confirmation.FindElement(By.LinkText("Cancel")).Click();
        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=program-lines]")).Count > 0);
        driver.FindElements(By.CssSelector("[data-testid=program-lines] tbody tr")).First(r => r.Text.Contains("primary", StringComparison.Ordinal))
            .FindElement(By.CssSelector("[data-testid=stage]")).Text.ShouldBe(stage, "cancelling changes nothing");
    }
}
