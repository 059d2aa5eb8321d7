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

    [Fact]
    public async Task The_buyers_dashboard_draws_the_last_four_quarters_share_and_yields_in_words_and_a_manufacturer_its_own_lines_yield()
    {
        using var viewer = await app.SignedInAsync("Viewer");
        var dashboard = await viewer.GetDocumentAsync("/");
        var share = dashboard.QuerySelector("[data-testid=share-trend]")!;
        share.TextContent.ShouldContain("band 15–25 %");
        share.TextContent.ShouldMatch(@"\d+ %\s+of [\d,]+ units started in 2026Q\d");
        var shareLabel = share.QuerySelector("svg[data-testid=share-sparkline]")!.GetAttribute("aria-label")!;
        shareLabel.ShouldStartWith("Second lines' share of the units started: band 15–25 %; second lines 2026Q1 ");
        var yields = dashboard.QuerySelector("[data-testid=yield-trend]")!;
        yields.QuerySelectorAll("li").Length.ShouldBe(2, "the primary and the one second line past candidacy");
        yields.TextContent.ShouldContain("Vistula EMS Sp. z o.o. (Gdańsk) / SMT line 1");
        yields.QuerySelector("svg[data-testid=yield-sparkline]")!.GetAttribute("aria-label")!.ShouldContain("2026Q3 ");
        dashboard.QuerySelector("[data-testid=batch-trend]")!.TextContent.ShouldMatch(@"Batches started on Vistula .* 2026Q1 to 2026Q4: \d+, \d+, \d+, \d+");

        using var vistula = await app.SignedInAsync("Member", "Vistula");
        var own = await vistula.GetDocumentAsync("/");
        own.QuerySelector("[data-testid=share-trend]").ShouldBeNull("the share compares both lines' volume: the buyer's view");
        var ownYields = own.QuerySelector("[data-testid=yield-trend]")!;
        ownYields.QuerySelectorAll("li").Select(li => li.TextContent).ShouldBe([.. yields.QuerySelectorAll("li").Select(li => li.TextContent).Where(t => t.Contains("Vistula", StringComparison.Ordinal))],
            "its own line's yield, exactly as the buyer sees it, and nothing of the primary");
        own.Body!.TextContent.ShouldNotContain("Pearl River");
    }
}
