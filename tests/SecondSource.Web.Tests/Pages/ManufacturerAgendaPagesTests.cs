using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>
/// What binds a manufacturer, shown to it: on the demo the second line's NDA ends in 21 days — its dashboard says so,
/// its grants read the NDA's end, it sees its own NDA and document (never the other's), and the buyer is warned too.
/// </summary>
public sealed class ManufacturerAgendaPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_second_line_sees_its_nda_ending_its_grants_effective_end_and_what_waits_for_it()
    {
        using var vistula = await app.SignedInAsync("Member", "Vistula");
        var dashboard = await vistula.GetDocumentAsync("/");
        var agenda = dashboard.QuerySelector("[data-testid=agenda]")!;
        agenda.QuerySelector("li[data-kind=nda]")!.TextContent.ShouldContain("21 days left");
        agenda.QuerySelectorAll("li[data-kind=acknowledge]").Select(li => li.TextContent).ShouldContain(t => t.Contains("BOM and AVL", StringComparison.Ordinal));
        // The demo's open DFM item on Vistula's pilot (idle current), not the accepted one.
        agenda.QuerySelectorAll("li[data-kind=dfm]").Select(li => li.TextContent).ShouldHaveSingleItem().ShouldContain("Idle current higher on the pilot");
        // The batch the demo's second line is provisioning now waits for its test results.
        var waiting = agenda.QuerySelectorAll("li[data-kind=test-data]").ShouldHaveSingleItem();
        waiting.TextContent.ShouldContain("has 0 of 24 units tested so far");
        waiting.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith("/TestData/Batch?id=");

        var ndas = await vistula.GetDocumentAsync("/Vault/Ndas");
        ndas.QuerySelectorAll("[data-testid=ndas] tbody tr").Select(r => r.GetAttribute("data-manufacturer")).ShouldAllBe(m => m!.StartsWith("Vistula", StringComparison.Ordinal));
        ndas.QuerySelector("[data-testid=nda-expiring]")!.TextContent.ShouldContain("21");
        ndas.QuerySelector("form[action='/Vault/RecordNda']").ShouldBeNull();

        var (own, other, product) = await app.RunInSystemScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var rows = await db.Ndas.Join(db.Parties, n => n.PartyId, p => p.Id, (n, p) => new { n.Id, p.Name }).ToListAsync();
            return (rows.Single(r => r.Name.StartsWith("Vistula", StringComparison.Ordinal)).Id, rows.Single(r => r.Name.StartsWith("Pearl", StringComparison.Ordinal)).Id,
                await db.Products.Select(p => p.Id).SingleAsync());
        });
        using (var document = await vistula.GetAsync(new Uri($"/Vault/NdaDocument?nda={own}", UriKind.Relative)))
        {
            document.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            (await document.Content.ReadAsStringAsync()).ShouldContain("Vistula");
        }

        using (var theirs = await vistula.GetAsync(new Uri($"/Vault/NdaDocument?nda={other}", UriKind.Relative)))
        {
            theirs.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        }

        var granted = await vistula.GetDocumentAsync($"/Vault/Granted?product={product}");
        var ends = granted.QuerySelectorAll("[data-testid=access-ends]").Select(e => e.TextContent).ToList();
        ends.ShouldNotBeEmpty();
        ends.ShouldAllBe(e => e.Contains("your NDA ends", StringComparison.Ordinal) && e.Contains("21 days left", StringComparison.Ordinal));

        // The buyer is warned of the same end on the grants it gave.
        using var engineer = await app.SignedInAsync("Engineer");
        var lines = await engineer.GetDocumentAsync($"/Vault/Lines?product={product}");
        lines.QuerySelectorAll("[data-testid=grant-access]").Select(e => e.TextContent).ShouldContain(t => t.Contains("the NDA ends, 21 days left", StringComparison.Ordinal));

        // The primary's NDA runs two more years: nothing of it is urgent.
        using var pearl = await app.SignedInAsync("Member", "Pearl River");
        var primaryAgenda = await pearl.GetDocumentAsync("/");
        primaryAgenda.QuerySelectorAll("[data-testid=agenda] li[data-kind=nda]").ShouldBeEmpty();
        primaryAgenda.QuerySelectorAll("[data-testid=agenda] li[data-kind=dfm]").ShouldBeEmpty("the DFM items are on the second line");
    }
}
