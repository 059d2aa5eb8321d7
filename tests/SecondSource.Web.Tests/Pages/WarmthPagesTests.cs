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

        using var pearl = await app.SignedInAsync("Member", "Pearl River");
        (await pearl.GetDocumentAsync("/")).QuerySelectorAll("[data-testid=warmth-cell] [data-state]").ShouldBeEmpty("the primary does not see the second line");
        using var vistula = await app.SignedInAsync("Member", "Vistula");
        (await vistula.GetDocumentAsync("/")).QuerySelector("[data-testid=warmth-cell] [data-state]")!.GetAttribute("data-state").ShouldBe("Warm");
    }
}
