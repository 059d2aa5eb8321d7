using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>The access log's checkpoints in a real browser: the admin reads that the log agrees with its newest checkpoint and signs one now.</summary>
public sealed class AccessLogCheckpointFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;

    public async ValueTask InitializeAsync()
    {
        _baseAddress = await _app.StartOnLoopbackAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_admin_sees_the_log_agree_with_its_checkpoint_and_signs_one_now()
    {
        using var browser = BrowserSession.Start();
        var admin = _app.Credential("Admin");
        browser.SignIn(_baseAddress, admin.Login, admin.Secret);
        browser.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/Admin/AccessLog"));
        var section = browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=checkpoints]")));
        section.FindElement(By.CssSelector("[data-testid=checkpoint-check]")).Text.ShouldContain("The log agrees with the checkpoint signed");

        section.FindElement(By.CssSelector("[data-testid=sign-checkpoint]")).Click();
        var notice = browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=checkpoint-notice]")).SingleOrDefault());
        notice!.Text.ShouldContain("has not grown since the last checkpoint", customMessage: "the demo signed the log as it is");
        browser.Driver.FindElement(By.CssSelector("[data-testid=download-checkpoint]")).GetAttribute("href")!.ShouldContain("handler=Checkpoint");
        browser.ScreenshotsAt("access-log-checkpoints");
    }
}
