using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>The main flow in a real browser: the app on Kestrel (loopback, a free port), Chromium signing in.</summary>
public sealed class SignInFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;

    public async ValueTask InitializeAsync()
    {
        _baseAddress = await _app.StartOnLoopbackAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_buyer_admin_signs_in_and_sees_the_dashboard()
    {
        using var browser = BrowserSession.Start();
        var admin = _app.Credential("Admin");

        browser.SignIn(_baseAddress, admin.Login, admin.Secret);

        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=programs]")).Count == 1);
        browser.Driver.FindElement(By.TagName("h1")).Text.ShouldBe("Programs");
        browser.Driver.FindElement(By.CssSelector("[data-testid=who]")).Text.ShouldContain("Aurora Medical Instruments AB");
        browser.Driver.FindElements(By.CssSelector("nav.nav a")).Select(a => a.GetDomProperty("textContent")).ShouldBe(["Dashboard", "Lines", "Products", "Parts", "Vault", "Test data", "Reviews", "Provisioning", "People", "Manufacturers", "API keys", "Zones", "Access log"]);
        var screenshot = browser.Screenshot("dashboard-admin");
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(10_000);
        TestContext.Current.AddAttachment("dashboard-admin", screenshot);
    }

    [Fact]
    public void A_manufacturer_member_is_kept_out_of_administration()
    {
        using var browser = BrowserSession.Start();
        var member = _app.Credential("Member", "Vistula");

        browser.SignIn(_baseAddress, member.Login, member.Secret);
        browser.Driver.FindElements(By.CssSelector("nav.nav a")).Select(a => a.Text).ShouldBe(["Dashboard", "Lines", "Products", "Parts", "Vault", "Test data", "Reviews", "Provisioning"]);
        browser.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/Admin/Users"));

        browser.Wait.Until(d => d.Url.Contains("/Account/AccessDenied", StringComparison.Ordinal));
        browser.Driver.FindElement(By.TagName("h1")).Text.ShouldBe("Not for your role");
        browser.Screenshot("access-denied-member");
    }
}
