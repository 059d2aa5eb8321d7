using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>
/// The vault flow in a real browser, across the parties: the buyer's engineer uploads the FCT vectors and grants them
/// to the second line; the second source's member downloads them and the BOM, and acknowledges both; the engineer sees
/// the second line's drift and open acknowledgements disappear from the sync view.
/// </summary>
public sealed class VaultFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;
    private string _vectors = null!;

    public async ValueTask InitializeAsync()
    {
        _baseAddress = await _app.StartOnLoopbackAsync();
        _vectors = Path.Combine(Path.GetTempPath(), $"vsm200-fct-vectors-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(_vectors, "step,net,low,high,unit\n1,VCC_3V3,3.20,3.40,V\n2,VCC_1V8,1.75,1.85,V\n");
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_vectors);
        await _app.DisposeAsync();
    }

    [Fact]
    public void The_buyer_uploads_and_grants_the_second_source_downloads_and_acknowledges_and_the_drift_disappears()
    {
        string linesUrl;
        using (var engineer = SignedIn("Engineer", null))
        {
            engineer.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/Vault"));
            engineer.Driver.FindElement(By.LinkText("Transfer package")).Click();
            engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=package]")).Count > 0);
            var row = engineer.Driver.FindElement(By.CssSelector("[data-testid=package] tr[data-kind=FctVectors]"));
            row.Text.ShouldContain("missing");
            row.FindElement(By.CssSelector("input[type=file]")).SendKeys(_vectors);
            row.FindElement(By.CssSelector("input[name=note]")).SendKeys("Rev B vectors, 3V3 and 1V8 windows");
            engineer.SubmitAndWait(row.FindElement(By.CssSelector("form[action='/Vault/Upload'] button")));
            engineer.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
            engineer.Driver.FindElement(By.CssSelector(".alert.success")).Text.ShouldContain("is revision 1 of FCT vectors");

            engineer.Driver.FindElement(By.LinkText("Lines, sync and grants")).Click();
            engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=sync]")).Count > 0);
            linesUrl = engineer.Driver.Url;
            State(engineer, "BomAndAvl").ShouldBe("Behind");
            State(engineer, "FctVectors").ShouldBe("NotGranted");

            var form = engineer.Driver.FindElement(By.CssSelector("[data-testid=grant-form]"));
            form.FindElement(By.CssSelector("#kind option[value=FctVectors]")).Click();
            form.FindElements(By.CssSelector("#line option")).Single(o => o.Text.StartsWith("Vistula", StringComparison.Ordinal)).Click();
            engineer.Driver.ExecuteScript("arguments[0].value = arguments[1]", form.FindElement(By.Id("until")), DateTime.UtcNow.AddDays(180).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            engineer.SubmitAndWait(form.FindElement(By.CssSelector("button")));
            engineer.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
            engineer.Driver.FindElement(By.CssSelector(".alert.success")).Text.ShouldContain("has access to FCT vectors");
            State(engineer, "FctVectors").ShouldBe("NotAcknowledged");
            engineer.Screenshot("vault-sync-before");
        }

        using (var member = SignedIn("Member", "Vistula"))
        {
            // The manufacturer's home lists what waits for it: the FCT vectors just granted, not yet acknowledged.
            member.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/"));
            member.Driver.FindElement(By.CssSelector("[data-testid=agenda]")).Text.ShouldContain("FCT vectors");
            member.ScreenshotsAt("dashboard-member");

            member.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/Vault"));
            member.Driver.FindElement(By.LinkText("What your lines may fetch")).Click();
            member.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=granted-line]")).Count > 0);
            member.Driver.FindElements(By.CssSelector("[data-testid=granted-line] tbody tr")).Count.ShouldBe(9);

            member.Driver.FindElement(By.CssSelector("tr[data-kind=FctVectors] [data-testid=download]")).Click();
            var downloaded = member.WaitForDownload(Path.GetFileName(_vectors));
            File.ReadAllBytes(downloaded).ShouldBe(File.ReadAllBytes(_vectors));

            foreach (var kind in new[] { "FctVectors", "BomAndAvl" })
            {
                member.SubmitAndWait(member.Driver.FindElement(By.CssSelector($"tr[data-kind={kind}] [data-testid=acknowledge]")));
                member.Wait.Until(d => d.FindElements(By.CssSelector(".alert.success")).Count > 0);
                member.Driver.FindElement(By.CssSelector($"tr[data-kind={kind}]")).Text.ShouldContain("current");
            }

            member.Screenshot("vault-granted-member");
        }

        using (var engineer = SignedIn("Engineer", null))
        {
            engineer.Driver.Navigate().GoToUrl(new Uri(linesUrl));
            engineer.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=sync]")).Count > 0);
            State(engineer, "BomAndAvl").ShouldBe("Current");
            State(engineer, "FctVectors").ShouldBe("Current");
            engineer.Driver.FindElements(By.CssSelector("[data-testid=sync] td[data-line^='Vistula'][data-state=Behind]")).ShouldBeEmpty();
            engineer.Screenshot("vault-sync-after");
        }
    }

    private static string State(BrowserSession browser, string kind) =>
        browser.Driver.FindElement(By.CssSelector($"[data-testid=sync] tr[data-kind={kind}] td[data-line^='Vistula']")).GetAttribute("data-state")!;

    private BrowserSession SignedIn(string role, string? party)
    {
        var browser = BrowserSession.Start();
        var credential = _app.Credential(role, party);
        browser.SignIn(_baseAddress, credential.Login, credential.Secret);
        return browser;
    }
}
