using OpenQA.Selenium;

namespace SecondSource.Browser.Tests;

/// <summary>Importing a BOM revision in a real browser: choose the file, check the preview, confirm, read the audit.</summary>
public sealed class BomImportFlowTests : IAsyncLifetime
{
    private readonly SecondSourceWebFactory _app = new();
    private Uri _baseAddress = null!;
    private string _bomFile = null!;

    public async ValueTask InitializeAsync()
    {
        _baseAddress = await _app.StartOnLoopbackAsync();
        _bomFile = Path.Combine(Path.GetTempPath(), $"monitor-rev-d-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(_bomFile,
            "Designator,Quantity,Description,Manufacturer 1,MPN 1,Manufacturer 2,MPN 2,Supplier,Supplier PN,Notes\n" +
            "U1,1,MCU,STMicroelectronics,STM32F407VGT6,,,Digi-Key,497-11767-ND,main controller\n" +
            "U2,1,LDO 3.3 V,Texas Instruments,TLV75533PDBVR,Diodes Inc,AP7354-33W5-7,Digi-Key,296-47957-1-ND,\n" +
            "U3,1,Buck 3 A,Texas Instruments,TPS62130RGTR,Hangzhou Qingda Microelectronics,QD62130,,,second source to be qualified\n" +
            "\"C1,C2\",2,100 nF 0402,Murata,GRM155R71C104KA88D,,,Digi-Key,490-14624-1-ND,\n");
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_bomFile);
        await _app.DisposeAsync();
    }

    [Fact]
    public void An_engineer_imports_a_bom_revision_and_sees_the_single_source_part()
    {
        using var browser = BrowserSession.Start();
        var engineer = _app.Credential("Engineer");
        browser.SignIn(_baseAddress, engineer.Login, engineer.Secret);

        browser.Driver.Navigate().GoToUrl(new Uri(_baseAddress, "/Products"));
        browser.Wait.Until(d => d.FindElements(By.LinkText("BOM revisions")).Count > 0);
        browser.Driver.FindElement(By.LinkText("BOM revisions")).Click();
        browser.Wait.Until(d => d.FindElements(By.LinkText("Import a BOM revision")).Count > 0);
        browser.Driver.FindElement(By.LinkText("Import a BOM revision")).Click();
        browser.Wait.Until(d => d.FindElements(By.Id("bom")).Count > 0);
        browser.Driver.FindElement(By.Id("Label")).SendKeys("Rev D");
        browser.Driver.FindElement(By.Id("bom")).SendKeys(_bomFile);
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-upload] button")).Click();

        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=bom-preview] tbody tr")).Count == 4);
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-preview-summary]")).Text.ShouldContain("4 lines");
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-unverified]")).Text.ShouldContain("Hangzhou Qingda Microelectronics");
        var notes = browser.Driver.FindElement(By.CssSelector("[data-testid=bom-columns] tr[data-column='10'] select"));
        notes.GetDomProperty("value").ShouldBe("ignore");
        browser.ScreenshotsAt("bom-import-preview");

        // The engineer reads the Notes column as the description and reads the file again.
        notes.FindElement(By.CssSelector("option[value='description']")).Click();
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-reread]")).Click();
        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=bom-columns] tr[data-column='10']")).Count > 0
            && d.FindElement(By.CssSelector("[data-testid=bom-columns] tr[data-column='10']")).Text.Contains("your choice", StringComparison.Ordinal));
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-preview] tbody tr")).Text.ShouldContain("main controller");
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-import]")).Click();

        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=audit-summary]")).Count > 0);
        browser.Driver.FindElement(By.CssSelector(".alert.success")).Text.ShouldContain("as 'Rev D': 4 lines");
        browser.Driver.FindElement(By.CssSelector("[data-testid=audit-summary]")).Text.ShouldContain("0 of 3 critical lines dual-sourced");
        browser.Driver.FindElement(By.CssSelector("[data-testid=unverified-makers]")).Text.ShouldContain("Hangzhou Qingda Microelectronics");
        browser.ScreenshotsAt("bom-revision-unverified");
        browser.Unfold("[data-testid=bom-lines]");
        var first = browser.Driver.FindElement(By.CssSelector("[data-testid=revision-lines] tbody tr"));
        first.Text.ShouldContain("U1");
        first.Text.ShouldContain("STM32F407VGT6");

        // A draft until released: the release dialog says what it changes against Rev B; releasing makes it current.
        browser.Driver.FindElement(By.CssSelector("[data-testid=revision-state]")).Text.ShouldBe("draft");
        browser.Driver.FindElement(By.CssSelector("[data-testid=release] [data-testid=diff-summary]")).Text.ShouldContain("added");
        browser.Driver.FindElement(By.Id("release-note")).SendKeys("ECO-21: Rev D for both lines");
        browser.SubmitAndWait(browser.Driver.FindElement(By.CssSelector("[data-testid=release-form] button")));
        browser.Driver.FindElement(By.CssSelector("[data-testid=revision-state]")).Text.ShouldBe("current");
        browser.Driver.FindElement(By.CssSelector(".alert.success")).Text.ShouldContain("is released");

        browser.Driver.FindElement(By.LinkText("All revisions of the product")).Click();
        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=compare-form]")).Count > 0);
        browser.Driver.FindElement(By.CssSelector("tr[data-revision='Rev B']")).GetAttribute("data-state").ShouldBe("superseded");
        browser.ScreenshotsAt("bom-revisions");
        browser.Driver.FindElement(By.CssSelector("[data-testid=compare-form] button")).Click();
        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=diff-summary]")).Count > 0);
        browser.Driver.FindElements(By.CssSelector("[data-testid=diff] tbody tr")).Count.ShouldBeGreaterThan(0);
        browser.ScreenshotsAt("bom-compare");
    }
}
