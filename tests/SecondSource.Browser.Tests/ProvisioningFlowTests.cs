using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>Keys in custody in a real browser: the admin generates a firmware signing key and sees its custody; the second line sees its signed firmware, no key.</summary>
public sealed class ProvisioningFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;

    public async ValueTask InitializeAsync()
    {
        _baseAddress = await _app.StartOnLoopbackAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_admin_generates_a_key_and_the_second_line_sees_only_its_signed_firmware()
    {
        using (var browser = BrowserSession.Start())
        {
            var admin = _app.Credential("Admin");
            browser.SignIn(_baseAddress, admin.Login, admin.Secret);
            browser.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/Provisioning"));
            var form = browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=create-key-form]")));
            form.FindElement(By.Name("name")).SendKeys("Aurora release key 2027");
            form.FindElement(By.CssSelector("select[name=algorithm] option[value=EcdsaP384]")).Click();
            form.FindElement(By.CssSelector("button[type=submit]")).Click();

            var row = browser.Wait.Until(d => d.FindElements(By.CssSelector("tr[data-key='Aurora release key 2027']")).SingleOrDefault());
            row!.Text.ShouldContain("ECDSA P-384");
            row.FindElement(By.CssSelector("[data-testid=backend]")).Text.ShouldBe("Software key store");
            browser.Driver.FindElement(By.CssSelector(".alert.success")).Text.ShouldContain("was generated in its backend");
            browser.Driver.FindElement(By.CssSelector("[data-testid=firmware-warnings]")).Text.ShouldContain("2.5.0-rc3");
            browser.Screenshot("provisioning-custody");
        }

        using (var browser = BrowserSession.Start())
        {
            var member = _app.Credential("Member", "Vistula");
            browser.SignIn(_baseAddress, member.Login, member.Secret);
            browser.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/Provisioning"));
            var firmware = browser.Wait.Until(d => d.FindElement(By.CssSelector("[data-testid=granted-firmware]")));
            firmware.FindElements(By.CssSelector("tr[data-version]")).Select(r => r.GetAttribute("data-version")).ShouldBe(["2.5.0"]);
            browser.Driver.FindElements(By.CssSelector("[data-testid=custody]")).ShouldBeEmpty();
            browser.Screenshot("provisioning-second-line");
        }
    }
}
