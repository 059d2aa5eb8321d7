using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>
/// The pilot gate in a real browser: the buyer's engineer finds the demo's gate blocked by an unexplained difference
/// (I_IDLE) and an open DFM item; the second line's member resolves the item on the DFM page; the engineer sees the
/// gate pass, records why, and the line moves to Ramp.
/// </summary>
public sealed class PilotGateFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;

    public async ValueTask InitializeAsync() => _baseAddress = await _app.StartOnLoopbackAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_gate_is_walked_from_blocked_to_ramp_by_the_buyer_and_the_second_line()
    {
        string pilotUrl;
        using (var engineer = SignedIn("Engineer", null))
        {
            engineer.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/TestData"));
            engineer.Driver.FindElement(By.PartialLinkText("AUR-VSM200")).Click();
            engineer.Driver.FindElement(By.LinkText("Pilot gate")).Click();
            engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=gate]")).Count > 0);
            pilotUrl = engineer.Driver.Url;
            engineer.Driver.FindElement(By.CssSelector("[data-testid=gate-state]")).Text.ShouldBe("does not pass");
            engineer.Driver.FindElement(By.CssSelector("[data-testid=line-stage]")).Text.ShouldBe("Pilot");
            var golden = engineer.Driver.FindElement(By.CssSelector("[data-reference='golden samples']"));
            golden.FindElement(By.CssSelector("tr[data-measurement=I_IDLE]")).GetAttribute("data-verdict").ShouldBe("Different");
            golden.FindElements(By.CssSelector("svg[data-chart]")).Count.ShouldBe(4);
            engineer.Driver.FindElements(By.CssSelector("[data-testid=decide-form]")).ShouldBeEmpty();
            engineer.Screenshot("pilot-gate-blocked");
            engineer.Driver.ExecuteScript("document.querySelector('[data-testid=distribution-charts]').scrollIntoView()");
            engineer.Screenshot("pilot-gate-charts");

            // Comparing batches: the period's batches to choose from, the quarters a click away.
            engineer.Driver.Navigate().GoToUrl(new Uri(pilotUrl.Replace("/TestData/Pilot", "/TestData/Compare", StringComparison.OrdinalIgnoreCase)));
            engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=period]")).Count > 0);
            engineer.Driver.FindElements(By.CssSelector("[data-testid=quarters] a")).Count.ShouldBeGreaterThan(1);
            engineer.ScreenshotsAt("batch-compare");
        }

        using (var member = SignedIn("Member", "Vistula"))
        {
            member.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/TestData"));
            member.Driver.FindElement(By.PartialLinkText("AUR-VSM200")).Click();
            member.Driver.FindElement(By.LinkText("DFM differences")).Click();
            member.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=dfm]")).Count > 0);
            var row = member.Driver.FindElement(By.CssSelector("tr[data-item='Idle current higher on the pilot']"));
            row.FindElement(By.CssSelector("select[name=status] option[value=Resolved]")).Click();
            row.FindElement(By.CssSelector("input[name=resolution]")).SendKeys("Wash step added after reflow; U7 clean, idle current as the primary on 20 boards");
            member.SubmitAndWait(row.FindElement(By.CssSelector("button")));
            member.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
            member.Driver.FindElement(By.CssSelector("tr[data-item='Idle current higher on the pilot']")).Text.ShouldContain("Resolved: Wash step added");
            member.Screenshot("pilot-dfm-member");
        }

        using (var engineer = SignedIn("Engineer", null))
        {
            engineer.Driver.Navigate().GoToUrl(new Uri(pilotUrl));
            engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=gate]")).Count > 0);
            engineer.Driver.FindElement(By.CssSelector("[data-testid=gate-state]")).Text.ShouldBe("passes");
            engineer.Driver.FindElement(By.Id("why")).SendKeys("Every measurement equivalent or explained by a closed DFM item; yield non-inferior.");
            engineer.SubmitAndWait(engineer.Driver.FindElement(By.CssSelector("[data-testid=decide-form] button")));
            engineer.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
            engineer.Driver.FindElement(By.CssSelector("[data-testid=line-stage]")).Text.ShouldBe("Ramp");
            engineer.Driver.FindElement(By.CssSelector("[data-testid=gate-decision]")).Text.ShouldContain("yield non-inferior");
            engineer.Screenshot("pilot-gate-passed");
        }
    }

    private BrowserSession SignedIn(string role, string? party)
    {
        var browser = BrowserSession.Start();
        var credential = _app.Credential(role, party);
        browser.SignIn(_baseAddress, credential.Login, credential.Secret);
        return browser;
    }
}
