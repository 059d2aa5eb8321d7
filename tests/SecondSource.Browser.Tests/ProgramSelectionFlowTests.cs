using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using SecondSource.Application.Programs;
using SecondSource.Domain.Programs;

namespace SecondSource.Browser.Tests;

/// <summary>Choosing the second source in a real browser: compare the candidates, re-weight, record the decision.</summary>
public sealed class ProgramSelectionFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;
    private Guid _programId;

    public async ValueTask InitializeAsync()
    {
        _baseAddress = await _app.StartOnLoopbackAsync();
        _programId = await _app.RunInSystemScopeAsync(async s =>
        {
            var demo = (await s.GetRequiredService<ProgramQueries>().ListAsync(CancellationToken.None)).Single();
            var started = await s.GetRequiredService<StartProgramHandler>().HandleAsync(
                new StartProgramRequest(demo.ProductId, "VSM-300 second source", 2500, demo.Lines.Single(l => l.Role == LineRole.Primary).LineId, "test"), CancellationToken.None);
            foreach (var line in demo.Lines.Where(l => l.Role == LineRole.SecondSource))
            {
                await s.GetRequiredService<AddCandidateHandler>().HandleAsync(new AddCandidateRequest(started.Value!.Id, line.LineId, "test"), CancellationToken.None);
                await s.GetRequiredService<RecordAssessmentHandler>().HandleAsync(
                    new RecordAssessmentRequest(started.Value.Id, line.LineId, new CandidateAssessment(4, 4, 10, 5, 20), "site visit", "test"), CancellationToken.None);
            }

            return started.Value!.Id;
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void An_engineer_compares_the_candidates_and_records_the_decision()
    {
        using var browser = BrowserSession.Start();
        var engineer = _app.Credential("Engineer");
        browser.SignIn(_baseAddress, engineer.Login, engineer.Secret);

        browser.Driver.FindElement(By.LinkText("VSM-300 second source")).Click();
        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=comparison] tbody tr")).Count == 3);
        var first = browser.Driver.FindElement(By.CssSelector("[data-testid=comparison] tbody tr td:nth-child(2) strong")).Text;
        first.ShouldStartWith("SMT line 1");
        browser.Screenshot("program-comparison");

        browser.Driver.FindElement(By.CssSelector("details.panel summary")).Click();
        var zone = browser.Driver.FindElement(By.Id("zone"));
        zone.Clear();
        zone.SendKeys("0");
        browser.Driver.FindElement(By.CssSelector("form.weights button")).Click();
        browser.Wait.Until(d => d.Url.Contains("zone=0", StringComparison.Ordinal));
        browser.Driver.FindElement(By.CssSelector("[data-testid=comparison] tbody tr td:nth-child(2) strong")).Text.ShouldStartWith("Line A2", customMessage: "without the zone criterion the stronger line in the primary's zone leads");

        browser.Driver.FindElements(By.CssSelector("#ChosenLineId option")).Single(o => o.Text.Contains("SMT line 1", StringComparison.Ordinal)).Click();
        browser.Driver.FindElement(By.Id("Reasons")).SendKeys("EU zone, meets every requirement, starts at 10 %.");
        browser.SubmitAndWait(browser.Driver.FindElement(By.CssSelector("[data-testid=decide] button")));
        browser.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
        browser.Driver.FindElement(By.CssSelector("[data-testid=decision]")).Text.ShouldContain("EU zone, meets every requirement");
        browser.Driver.FindElements(By.CssSelector("[data-testid=stage]")).Select(s => s.Text).ShouldContain("Transfer");
        browser.Screenshot("program-decided");

        browser.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/Lines"));
        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=lines] tbody tr")).Count >= 4);
        browser.Screenshot("lines");
    }
}
