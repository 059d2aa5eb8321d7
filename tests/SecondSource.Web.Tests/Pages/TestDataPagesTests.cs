using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>The demo's year of test data over HTTP: batches with yields, a batch's statistics, a unit traced; each manufacturer sees its own.</summary>
public sealed class TestDataPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private Task<Guid> Product() => app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task The_buyer_sees_both_lines_batches_statistics_and_traces_a_unit_with_its_defect()
    {
        var product = await Product();
        using var engineer = await app.SignedInAsync("Engineer");
        var page = await engineer.GetDocumentAsync($"/TestData?product={product}");
        var rows = page.QuerySelectorAll("[data-testid=batches] tbody tr");
        rows.Length.ShouldBe(1 + 12 + 1 + 10 + 2, "and the batch each line is provisioning now");
        rows.Count(r => r.TextContent.Contains("Vistula", StringComparison.Ordinal)).ShouldBe(12);
        page.QuerySelector("tr[data-batch=VE-PILOT]")!.TextContent.ShouldContain("99.3 %");
        page.QuerySelector("[data-testid=reconciliation]")!.TextContent.ShouldContain("0 serial numbers seen on more than one line");

        var batch = page.QuerySelector("tr[data-batch=VE-PILOT] a")!.GetAttribute("href")!;
        var statistics = await engineer.GetDocumentAsync(batch);
        statistics.QuerySelector("[data-testid=defects]")!.TextContent.ShouldContain("Electrical Tests");
        statistics.QuerySelector("tr[data-measurement='PULLUPS.R21']")!.TextContent.ShouldContain("Ohm");

        var unit = await engineer.GetDocumentAsync("/TestData/Unit?serial=VE-PILOT-150");
        var trace = unit.QuerySelector("[data-testid=unit-trace]")!;
        trace.TextContent.ShouldContain("VE-PILOT (Pilot)");
        trace.TextContent.ShouldContain("RESFAIL2 at R21");
        trace.QuerySelector("[data-testid=run]")!.TextContent.ShouldContain("10.24\u00a0kOhm", customMessage: "10,240 Ohm with its SI prefix");
    }

    [Fact]
    public async Task A_manufacturer_sees_its_own_lines_test_data_only()
    {
        var product = await Product();
        using var member = await app.SignedInAsync("Member", "Vistula");

        var page = await member.GetDocumentAsync($"/TestData?product={product}");
        page.QuerySelectorAll("[data-testid=batches] tbody tr").ShouldAllBe(r => r.TextContent.Contains("Vistula", StringComparison.Ordinal));
        (await member.GetDocumentAsync("/TestData/Unit?serial=AUR-P000002")).QuerySelector("[data-testid=no-unit]").ShouldNotBeNull();
        (await member.GetDocumentAsync("/TestData/Unit?serial=AUR-V000061")).QuerySelector("[data-testid=unit-trace]").ShouldNotBeNull();

        var primaryBatch = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().TestBatches.Where(b => b.Name == "PR-GOLDEN").Select(b => b.Id).SingleAsync());
        using var guessed = await member.GetAsync(new Uri($"/TestData/Batch?id={primaryBatch}", UriKind.Relative));
        guessed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_batches_filter_by_kind_and_line_newest_first()
    {
        var product = await Product();
        using var viewer = await app.SignedInAsync("Viewer");
        var all = await viewer.GetDocumentAsync($"/TestData?product={product}");
        var total = all.QuerySelectorAll("[data-testid=batches] tbody tr").Length;
        all.QuerySelector("[data-testid=batch-count]")!.TextContent.ShouldStartWith($"{total} of {total} batches, newest first");
        var started = all.QuerySelectorAll("[data-testid=batches] tbody tr").Select(r => r.QuerySelectorAll("td")[3].TextContent).ToList();
        started.ShouldBeInOrder(SortDirection.Descending);

        var pilots = await viewer.GetDocumentAsync($"/TestData?product={product}&kind=Pilot");
        var pilotRows = pilots.QuerySelectorAll("[data-testid=batches] tbody tr").ToList();
        pilotRows.ShouldNotBeEmpty();
        pilotRows.Count.ShouldBeLessThan(total);
        pilotRows.ShouldAllBe(r => r.QuerySelectorAll("td")[2].TextContent == "Pilot");

        var vistula = pilots.QuerySelectorAll("[data-testid=batch-filters] select[name=line] option").First(o => o.TextContent.Contains("Vistula", StringComparison.Ordinal)).GetAttribute("value");
        var own = await viewer.GetDocumentAsync($"/TestData?product={product}&line={vistula}");
        own.QuerySelectorAll("[data-testid=batches] tbody tr").Length.ShouldBe(12);
        own.QuerySelectorAll("[data-testid=batches] tbody tr").ShouldAllBe(r => r.TextContent.Contains("Vistula", StringComparison.Ordinal));
    }
}
