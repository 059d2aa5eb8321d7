using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>
/// Warmth and emergency-shift readiness in a real browser: the engineer opens the program, sees the second line warm
/// but the shift not ready (a stale surge run), records a physical drill, and sees the readiness change.
/// </summary>
public sealed class EmergencyShiftFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;

    public async ValueTask InitializeAsync() => _baseAddress = await _app.StartOnLoopbackAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Met(BrowserSession browser, string criterion) =>
        browser.Driver.FindElement(By.CssSelector($"[data-testid=shift] li[data-criterion='{criterion}']")).GetAttribute("data-met")!;

    [Fact]
    public void The_engineer_records_a_drill_and_the_readiness_changes()
    {
        using var engineer = BrowserSession.Start();
        var credential = _app.Credential("Engineer", null);
        engineer.SignIn(_baseAddress, credential.Login, credential.Secret);
        engineer.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/"));
        engineer.Driver.FindElement(By.CssSelector("[data-testid=warmth-cell] [data-state]")).GetAttribute("data-state").ShouldBe("Warm");
        engineer.Driver.FindElement(By.CssSelector("[data-testid=programs] a[href^='/Programs/Details']")).Click();
        engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=shift]")).Count > 0);

        engineer.Driver.FindElement(By.CssSelector("[data-testid=warmth] tr[data-state]")).GetAttribute("data-state").ShouldBe("Warm");
        engineer.Driver.FindElement(By.CssSelector("[data-testid=shift-state]")).Text.ShouldBe("not ready");
        Met(engineer, "A recent surge run at rate").ShouldBe("False");
        var ecrBefore = engineer.Driver.FindElement(By.CssSelector("[data-testid=ecr]")).Text;
        engineer.Driver.FindElement(By.CssSelector("[data-testid=last-drill]")).Text.ShouldContain("tabletop drill): passed");
        engineer.Driver.ExecuteScript("document.querySelector('[data-testid=shift]').scrollIntoView()");
        engineer.Screenshot("shift-before");

        var form = engineer.Driver.FindElement(By.CssSelector("[data-testid=drill-form]"));
        form.FindElement(By.XPath("ancestor::details/summary")).Click();
        form.FindElement(By.CssSelector("select[name=kind] option[value=Physical]")).Click();
        engineer.Driver.ExecuteScript("arguments[0].value = arguments[1]", form.FindElement(By.Name("held")), DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        form.FindElement(By.Name("weeks")).SendKeys("1800, 3000, 3900, 4300");
        form.FindElement(By.Name("hours")).SendKeys("40");
        engineer.SubmitAndWait(form.FindElement(By.CssSelector("button")));
        engineer.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
        engineer.Driver.FindElement(By.CssSelector(".alert.success")).Text.ShouldContain("passed, 90 % reached in week 3");
        Met(engineer, "A recent surge run at rate").ShouldBe("True");
        Met(engineer, "Emergency coverage ratio ≥ 0.90").ShouldBe("True");
        engineer.Driver.FindElement(By.CssSelector("[data-testid=ecr]")).Text.ShouldNotBe(ecrBefore);
        engineer.Driver.FindElement(By.CssSelector("[data-testid=last-drill]")).Text.ShouldContain("physical drill): passed");
        engineer.Screenshot("shift-after");
    }
}
