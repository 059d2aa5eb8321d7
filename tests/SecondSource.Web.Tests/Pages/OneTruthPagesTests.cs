using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Boms;
using SecondSource.Application.Persistence;
using SecondSource.Formats.Boms;
using SecondSource.Testing;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>
/// Over HTTP, on a fresh demo: the buyer's and the second line's pages read the same derived facts about that line; a
/// draft BOM changes nothing anyone sees until it is released, and the release changes it for everyone at once.
/// </summary>
public sealed class OneTruthPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private static string Text(IElement? element) => string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task The_program_page_and_the_dashboard_read_the_same_for_the_buyer_and_the_second_line()
    {
        var program = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Programs.Select(p => p.Id).SingleAsync());
        var url = $"/Programs/Details?id={program}";
        using var engineer = await app.SignedInAsync("Engineer");
        using var vistula = await app.SignedInAsync("Member", "Vistula");
        var buyerPage = await engineer.GetDocumentAsync(url);
        var linePage = await vistula.GetDocumentAsync(url);

        var line = linePage.QuerySelector("[data-testid=shift]")!.GetAttribute("data-line")!;
        var buyerShift = buyerPage.QuerySelector($"[data-testid=shift][data-line='{line}']")!;
        var lineShift = linePage.QuerySelector($"[data-testid=shift][data-line='{line}']")!;
        var criteria = buyerShift.QuerySelectorAll("li[data-criterion]").Select(Text).ToList();
        criteria.Count.ShouldBe(6);
        lineShift.QuerySelectorAll("li[data-criterion]").Select(Text).ShouldBe(criteria);
        criteria.ShouldContain(c => c.Contains("Revision parity with the primary", StringComparison.Ordinal) && c.Contains("behind", StringComparison.Ordinal));
        Text(lineShift.QuerySelector("[data-testid=shift-state]")).ShouldBe(Text(buyerShift.QuerySelector("[data-testid=shift-state]")));
        Text(lineShift.QuerySelector("[data-testid=ecr]")).ShouldBe(Text(buyerShift.QuerySelector("[data-testid=ecr]")));

        var buyerWarmth = buyerPage.QuerySelector($"[data-testid=warmth] tr[data-line='{line}']")!;
        var lineWarmth = linePage.QuerySelector($"[data-testid=warmth] tr[data-line='{line}']")!;
        Text(lineWarmth).ShouldBe(Text(buyerWarmth));
        // The badge carries the caveats of the signals beside it.
        Text(buyerWarmth.QuerySelector("[data-testid=warmth-badge]")).ShouldMatch(@"^warm · \d+ signals?$");

        var buyerDashboard = await engineer.GetDocumentAsync("/");
        var lineDashboard = await vistula.GetDocumentAsync("/");
        Text(lineDashboard.QuerySelector("[data-testid=warmth-cell] [data-state]")).ShouldBe(Text(buyerDashboard.QuerySelector("[data-testid=warmth-cell] [data-state]")));

        // The health check of the shift uses the program page's definition of ready.
        var health = await engineer.GetDocumentAsync("/Health");
        var ready = Text(buyerShift.QuerySelector("[data-testid=shift-state]")) == "ready";
        Text(health.QuerySelector("tr[data-check=shift-tested]")).ShouldContain(ready ? "passed" : "not ready today");

        // The primary's manufacturer sees no part of the second line's facts.
        using var pearl = await app.SignedInAsync("Member", "Pearl River");
        var primaryPage = await pearl.GetDocumentAsync(url);
        primaryPage.QuerySelectorAll("[data-testid=shift]").ShouldBeEmpty();
        primaryPage.QuerySelectorAll("[data-testid=warmth]").ShouldBeEmpty();
        primaryPage.Body!.TextContent.ShouldNotContain("Vistula");
    }

    [Fact]
    public async Task An_imported_draft_changes_nothing_until_it_is_released_on_its_page()
    {
        var (product, draft) = await app.RunInSystemScopeAsync(async s =>
        {
            var productId = await s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();
            await using var file = File.OpenRead(Samples.RealBom("glasgow_revC3_bom.csv"));
            var sha = await s.GetRequiredService<ImportStaging>().StageAsync(file, CancellationToken.None);
            var imported = await s.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
                new ImportBomRevisionRequest(productId, sha, "glasgow_revC3_bom.csv", "Rev C trial", new BomReadOptions(), "engineer@example.com"), CancellationToken.None);
            return (productId, imported.Value!.RevisionId);
        });
        using var engineer = await app.SignedInAsync("Engineer");
        using var vistula = await app.SignedInAsync("Member", "Vistula");
        string Coverage(IDocument d) => Text(d.QuerySelector("[data-testid=coverage-cell]"));
        var buyerCoverage = Coverage(await engineer.GetDocumentAsync("/"));
        var lineCoverage = Coverage(await vistula.GetDocumentAsync("/"));
        buyerCoverage.ShouldContain("Rev B");

        var revisions = await engineer.GetDocumentAsync($"/Products/Bom?id={product}");
        revisions.QuerySelector("tr[data-revision='Rev C trial']")!.GetAttribute("data-state").ShouldBe("draft");
        revisions.QuerySelector("tr[data-revision='Rev B']")!.GetAttribute("data-state").ShouldBe("current");
        (await vistula.GetDocumentAsync($"/Products/Bom?id={product}")).QuerySelector("tr[data-revision='Rev C trial']").ShouldBeNull("a manufacturer does not see drafts");
        using (var hidden = await vistula.GetAsync(new Uri($"/Products/Revision?id={draft}", UriKind.Relative)))
        {
            hidden.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        }

        var page = await engineer.GetDocumentAsync($"/Products/Revision?id={draft}");
        Text(page.QuerySelector("[data-testid=revision-state]")).ShouldBe("draft");
        Text(page.QuerySelector("[data-testid=release] [data-testid=diff-summary]")).ShouldMatch(@"\d+ added, \d+ removed, \d+ changed");
        Coverage(await engineer.GetDocumentAsync("/")).ShouldBe(buyerCoverage);
        Coverage(await vistula.GetDocumentAsync("/")).ShouldBe(lineCoverage);

        using (var refused = await engineer.SubmitFormAsync($"/Products/Revision?id={draft}", new Dictionary<string, string> { ["note"] = " " }, "[data-testid=release-form]"))
        {
            refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }

        Text((await engineer.GetDocumentAsync($"/Products/Revision?id={draft}")).QuerySelector("[data-testid=revision-state]")).ShouldBe("draft");

        using (var released = await engineer.SubmitFormAsync($"/Products/Revision?id={draft}", new Dictionary<string, string> { ["note"] = "ECO-7: trial build" }, "[data-testid=release-form]"))
        {
            released.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }

        Text((await engineer.GetDocumentAsync($"/Products/Revision?id={draft}")).QuerySelector("[data-testid=revision-state]")).ShouldBe("current");
        Coverage(await engineer.GetDocumentAsync("/")).ShouldContain("Rev C trial");
        Coverage(await vistula.GetDocumentAsync("/")).ShouldContain("Rev C trial");
        var compare = await vistula.GetDocumentAsync($"/Products/Compare?product={product}&before={(await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().BomRevisions.Where(r => r.Label == "Rev B").Select(r => r.Id).SingleAsync()))}&after={draft}");
        Text(compare.QuerySelector("[data-testid=diff-summary]")).ShouldContain("added");
    }
}
