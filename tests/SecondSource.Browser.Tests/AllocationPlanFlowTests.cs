using System.Globalization;
using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>
/// The allocation plan in a real browser: the engineer opens the program's plan, uploads a re-forecast (one week of
/// double demand), sees the plan fall short, optimises and adopts a new one that meets the policy, and opens the stress
/// test with its charts.
/// </summary>
public sealed class AllocationPlanFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;

    public async ValueTask InitializeAsync() => _baseAddress = await _app.StartOnLoopbackAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_engineer_re_forecasts_optimises_and_opens_the_stress_test()
    {
        using var engineer = BrowserSession.Start();
        var credential = _app.Credential("Engineer", null);
        engineer.SignIn(_baseAddress, credential.Login, credential.Secret);
        engineer.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/"));
        engineer.Driver.FindElement(By.CssSelector("[data-testid=programs] a[href^='/Programs/Details']")).Click();
        engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=planning-links]")).Count > 0);
        engineer.Driver.FindElement(By.LinkText("Allocation plan")).Click();
        engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=plan-weeks]")).Count > 0);
        engineer.Driver.FindElement(By.CssSelector("[data-testid=findings]")).Text.ShouldContain("The plan meets the policy");
        engineer.Screenshot("plan-before");

        // Next week's demand doubles.
        var monday = DateTime.UtcNow.Date.AddDays(7 - (((int)DateTime.UtcNow.DayOfWeek + 6) % 7));
        var week = $"{ISOWeek.GetYear(monday)}-W{ISOWeek.GetWeekOfYear(monday):00}";
        var file = Path.Combine(Path.GetTempPath(), $"forecast-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, $"product,period,quantity\nAUR-VSM200,{week},8000\n");
        try
        {
            engineer.Driver.FindElement(By.CssSelector("[data-testid=forecast-form] input[type=file]")).SendKeys(file);
            engineer.SubmitAndWait(engineer.Driver.FindElement(By.CssSelector("[data-testid=forecast-form] button")));
            engineer.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
        }
        finally
        {
            File.Delete(file);
        }

        engineer.Driver.FindElement(By.CssSelector(".alert.success")).Text.ShouldContain("1 periods, 1 stored periods replaced");
        engineer.Driver.FindElements(By.CssSelector("[data-testid=findings] li[data-rule='demand met']")).ShouldNotBeEmpty();

        engineer.SubmitAndWait(engineer.Driver.FindElement(By.CssSelector("[data-testid=optimise-form] button")));
        engineer.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0 && d.FindElement(By.CssSelector(".alert.success")).Text.StartsWith("Plan adopted", StringComparison.Ordinal));
        engineer.Driver.FindElement(By.CssSelector("[data-testid=findings]")).Text.ShouldContain("The plan meets the policy");
        engineer.Driver.FindElement(By.CssSelector($"[data-testid=plan-weeks] tr[data-week='{week}']")).Text.ShouldContain("8,000");
        engineer.Screenshot("plan-after");

        engineer.Driver.FindElement(By.LinkText("Stress test")).Click();
        engineer.Wait.Until(d => d.FindElements(By.CssSelector("svg[data-chart=survival]")).Count > 0);
        engineer.Driver.FindElements(By.CssSelector("[data-testid=stress] tbody tr")).Count.ShouldBe(3);
        engineer.Driver.FindElements(By.CssSelector("svg[data-chart=loss-exceedance]")).Count.ShouldBe(1);
        engineer.Screenshot("stress");
    }
}
