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
            "Designator,Quantity,Description,Manufacturer 1,MPN 1,Manufacturer 2,MPN 2\n" +
            "U1,1,MCU,STMicroelectronics,STM32F407VGT6,,\n" +
            "U2,1,LDO 3.3 V,Texas Instruments,TLV75533PDBVR,Diodes Inc,AP7354-33W5-7\n" +
            "\"C1,C2\",2,100 nF 0402,Murata,GRM155R71C104KA88D,,\n");
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

        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=bom-preview] tbody tr")).Count == 3);
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-preview-summary]")).Text.ShouldContain("3 lines");
        browser.Driver.FindElement(By.CssSelector("[data-testid=bom-import]")).Click();

        browser.Wait.Until(d => d.FindElements(By.CssSelector("[data-testid=audit-summary]")).Count > 0);
        browser.Driver.FindElement(By.CssSelector(".alert.success")).Text.ShouldContain("as 'Rev D': 3 lines");
        browser.Driver.FindElement(By.CssSelector("[data-testid=audit-summary]")).Text.ShouldContain("0 of 2 critical lines dual-sourced");
        var first = browser.Driver.FindElement(By.CssSelector("[data-testid=revision-lines] tbody tr"));
        first.Text.ShouldContain("U1");
        first.Text.ShouldContain("STM32F407VGT6");
    }
}
