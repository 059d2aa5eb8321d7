using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>The second line's warmth on the dashboard and the program page; a manufacturer sees its own line's.</summary>
public sealed class WarmthPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_dashboard_and_the_program_show_the_second_lines_warmth_with_its_signals()
    {
        using var engineer = await app.SignedInAsync("Engineer");
        var dashboard = await engineer.GetDocumentAsync("/");
        var cell = dashboard.QuerySelector("[data-testid=warmth-cell]")!;
        cell.QuerySelector("[data-state]")!.GetAttribute("data-state").ShouldBe("Warm");
        cell.TextContent.ShouldContain("Vistula EMS Sp. z o.o. (Gdańsk) / SMT line 1");

        var program = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Programs.Select(p => p.Id).SingleAsync());
        var page = await engineer.GetDocumentAsync($"/Programs/Details?id={program}");
        var row = page.QuerySelector("[data-testid=warmth] tr[data-state]")!;
        row.GetAttribute("data-state").ShouldBe("Warm");
        row.TextContent.ShouldContain("documented only, no physical copy");
        row.TextContent.ShouldContain("BOM and AVL: on rev 1");
        row.TextContent.ShouldContain("operator training: 1 of 4 operators last trained over 12 months ago");

        using var pearl = await app.SignedInAsync("Member", "Pearl River");
        (await pearl.GetDocumentAsync("/")).QuerySelectorAll("[data-testid=warmth-cell] [data-state]").ShouldBeEmpty("the primary does not see the second line");
        using var vistula = await app.SignedInAsync("Member", "Vistula");
        (await vistula.GetDocumentAsync("/")).QuerySelector("[data-testid=warmth-cell] [data-state]")!.GetAttribute("data-state").ShouldBe("Warm");
    }

    [Fact]
    public async Task The_plan_is_validated_the_second_line_records_its_own_surge_run_and_the_primary_cannot()
    {
        var program = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Programs.Select(p => p.Id).SingleAsync());
        var url = $"/Programs/Details?id={program}";
        using var engineer = await app.SignedInAsync("Engineer");
        using var bad = await engineer.SubmitFormAsync(url, new Dictionary<string, string> { ["share"] = "150" }, "[data-testid=shift-plan-form]");
        (await engineer.GetDocumentAsync(url)).QuerySelector(".alert.error")!.TextContent.ShouldContain("target share lies in (0, 1]");

        using var vistula = await app.SignedInAsync("Member", "Vistula");
        var page = await vistula.GetDocumentAsync(url);
        page.QuerySelector("[data-testid=shift-plan-form]").ShouldBeNull();
        page.QuerySelector("[data-testid=drill-form]").ShouldBeNull();
        using var run = await vistula.SubmitFormAsync(url, new Dictionary<string, string> { ["on"] = "2026-11-30", ["hours"] = "8", ["good"] = "1000", ["total"] = "1010", ["surgeHours"] = "40" }, "[data-testid=surge-form]");
        run.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await vistula.GetDocumentAsync(url)).QuerySelector("[data-testid=shift] li[data-criterion='A recent surge run at rate']")!.TextContent.ShouldContain("2026-11-30: 8 h, 5,000 a week demonstrated");

        using var pearl = await app.SignedInAsync("Member", "Pearl River");
        var token = (await pearl.GetDocumentAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var (product, line) = await app.RunInSystemScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            return (await db.Products.Select(p => p.Id).SingleAsync(p => true), await db.Lines.Where(l => l.Name == "SMT line 1").Select(l => l.Id).SingleAsync());
        });
        using var forged = await pearl.PostAsync(new Uri("/Programs/RecordSurgeRun", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = program.ToString(), ["product"] = product.ToString(), ["line"] = line.ToString(), ["on"] = "2026-11-30", ["hours"] = "8", ["good"] = "1", ["total"] = "1", ["surgeHours"] = "40", ["__RequestVerificationToken"] = token,
        }));
        forged.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
