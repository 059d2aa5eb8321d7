using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>The scorecard on the dashboard and its page, for the buyer only.</summary>
public sealed class HealthPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_buyer_sees_each_programs_scorecard_with_its_evidence_and_a_manufacturer_does_not()
    {
        using var viewer = await app.SignedInAsync("Viewer");
        var dashboard = await viewer.GetDocumentAsync("/");
        var cell = dashboard.QuerySelector("[data-testid=health-cell]")!;
        cell.GetAttribute("data-state").ShouldBe("Problem");
        cell.TextContent.ShouldContain("2 attention");
        cell.QuerySelector("[data-testid=health-trend]")!.TextContent.ShouldBe("unchanged since the last review");

        var page = await viewer.GetDocumentAsync(cell.QuerySelector("a")!.GetAttribute("href")!);
        var card = page.QuerySelector("[data-testid=scorecard][data-program=AUR-VSM200]")!;
        card.QuerySelectorAll("tr[data-check]").Length.ShouldBe(10);
        card.QuerySelector("tr[data-check=review]")!.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith("/Reviews?program=");
        var fixtures = card.QuerySelector("tr[data-check=fixtures]")!;
        fixtures.GetAttribute("data-status").ShouldBe("Problem");
        fixtures.TextContent.ShouldContain("only documented");
        fixtures.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith("/Vault/Fixtures?product=");
        card.QuerySelector("tr[data-check=keys]")!.GetAttribute("data-status").ShouldBe("Attention");

        using var vistula = await app.SignedInAsync("Member", "Vistula");
        (await vistula.GetDocumentAsync("/")).QuerySelector("[data-testid=health-cell]").ShouldBeNull("the scorecard compares both lines: the buyer's view");
    }
}
