using System.Drawing;
using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>
/// The quarterly review in a real browser: the engineer goes from the dashboard's scorecard to the program health page
/// and the latest review pack, records the persistent difference's root cause, and the second line's member opens its
/// own side of the same review. Screenshots of the scorecard, the pack and the manufacturer's view are test artifacts.
/// </summary>
public sealed class ReviewFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;

    public async ValueTask InitializeAsync()
    {
        _baseAddress = await _app.StartOnLoopbackAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_engineer_reads_the_scorecard_and_the_pack_and_explains_the_persistent_difference()
    {
        string packUrl;
        using (var browser = BrowserSession.Start())
        {
            var engineer = _app.Credential("Engineer");
            browser.SignIn(_baseAddress, engineer.Login, engineer.Secret);
            browser.Driver.Manage().Window.Size = new Size(1280, 2000);
            var cell = browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=health-cell]")));
            cell.FindElement(By.CssSelector("[data-testid=health-trend]")).Text.ShouldBe("unchanged since the last review");
            cell.FindElement(By.TagName("a")).Click();
            var review = browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=scorecard] tr[data-check=review]")));
            review.GetAttribute("data-status").ShouldBe("Attention");
            review.Text.ShouldContain("persist without a root cause");
            browser.Screenshot("health-scorecard");

            review.FindElement(By.LinkText("look")).Click();
            browser.Wait.Until(d => d.FindElement(By.CssSelector("tr[data-review='2026Q3-v1'] a"))).Click();
            var persistent = browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=persistent]")));
            persistent.Text.ShouldContain("Lead time");
            browser.Driver.FindElements(By.CssSelector("[data-testid=review-pack] svg[data-chart]")).Count.ShouldBe(4);
            browser.Driver.Manage().Window.Size = new Size(1280, 5200);
            browser.Screenshot("review-pack");
            packUrl = browser.Driver.Url;

            var lead = browser.Driver.FindElement(By.CssSelector(".finding[data-area=LeadTime]"));
            lead.FindElement(By.CssSelector("[data-testid=root-cause-form] summary")).Click();
            var form = lead.FindElement(By.CssSelector("[data-testid=root-cause-form] form"));
            form.FindElement(By.CssSelector("select[name=category] option[value=Supplier]")).Click();
            form.FindElement(By.Name("description")).SendKeys("Vistula's PCB supplier quotes seven weeks against Pearl River's four.");
            form.FindElement(By.Name("owner")).SendKeys("Agnieszka Nowak");
            form.FindElement(By.CssSelector("button[type=submit]")).Click();
            browser.Wait.Until(d => d.FindElement(By.CssSelector(".alert.success"))).Text.ShouldContain("Root cause recorded");
            browser.Driver.FindElement(By.CssSelector(".finding[data-area=LeadTime]")).GetAttribute("data-state").ShouldBe("Explained");
            browser.Driver.FindElements(By.CssSelector("[data-testid=persistent]")).ShouldBeEmpty();
        }

        using (var browser = BrowserSession.Start())
        {
            var member = _app.Credential("Member", "Vistula");
            browser.SignIn(_baseAddress, member.Login, member.Secret);
            browser.Driver.Manage().Window.Size = new Size(1280, 2600);
            browser.Driver.Navigate().GoToUrl(packUrl);
            var own = browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=own-section]")));
            own.FindElement(By.CssSelector("[data-testid=cost]")).Text.ShouldBe("48.00 USD");
            browser.Driver.FindElements(By.CssSelector("[data-testid=review-pack]")).ShouldBeEmpty();
            browser.Driver.FindElement(By.TagName("body")).Text.ShouldNotContain("41.60");
            browser.Driver.FindElement(By.CssSelector(".finding[data-area=LeadTime]")).GetAttribute("data-state").ShouldBe("Explained");
            browser.Screenshot("review-second-line");
        }
    }
}
