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

    [Fact]
    public async Task A_batchs_units_are_searched_filtered_sorted_and_paged_and_an_unknown_setting_is_said()
    {
        var product = await Product();
        using var engineer = await app.SignedInAsync("Engineer");
        var list = await engineer.GetDocumentAsync($"/TestData?product={product}");
        var row = list.QuerySelector("tr[data-batch=VE-PILOT]")!;
        var tested = int.Parse(row.QuerySelectorAll("td")[5].TextContent.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var href = row.QuerySelector("a")!.GetAttribute("href")!;

        var page = await engineer.GetDocumentAsync(href);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Batch VE-PILOT");
        page.QuerySelector("[data-testid=batch-facts]")!.TextContent.ShouldContain("first pass 99.3 %");
        var count = page.QuerySelector("[data-testid=unit-count]")!.TextContent;
        count.ShouldStartWith($"{tested:#,##0} of {tested:#,##0} units");
        var serials = page.QuerySelectorAll("[data-testid=units] tbody tr").Select(r => r.GetAttribute("data-serial")!).ToList();
        serials.Count.ShouldBe(Math.Min(50, tested));
        serials.ShouldBe([.. serials.Order(StringComparer.Ordinal)], "by serial number, ascending, unless asked");

        // The next page continues where the first stopped; a page past the end shows the last.
        tested.ShouldBeGreaterThan(100, "a pilot of several pages");
        var second = await engineer.GetDocumentAsync($"{href}&page=2");
        string.CompareOrdinal(second.QuerySelector("[data-testid=units] tbody tr")!.GetAttribute("data-serial"), serials[^1]).ShouldBeGreaterThan(0);
        var last = (tested + 49) / 50;
        (await engineer.GetDocumentAsync($"{href}&page=999")).QuerySelector("[data-testid=unit-count]")!.TextContent.ShouldContain($"page {last} of {last}");

        // Units that did not pass their first run: 100 % − 99.3 % of the tested units, each shown with its first result.
        var failed = await engineer.GetDocumentAsync($"{href}&result=FirstRunNotPassed");
        var failedRows = failed.QuerySelectorAll("[data-testid=units] tbody tr").ToList();
        ((double)failedRows.Count).ShouldBe(tested * (1 - 0.993), tested * 0.0005, "99.3 % is rounded to a tenth of a percent");
        failedRows.ShouldAllBe(r => r.QuerySelectorAll("td")[5].TextContent != "Passed");
        failed.QuerySelector("[data-testid=unit-count]")!.TextContent.ShouldStartWith($"{failedRows.Count} of {tested:#,##0} units");

        // Search by serial, and sort by runs, most first.
        (await engineer.GetDocumentAsync($"{href}&serial=PILOT-150")).QuerySelectorAll("[data-testid=units] tbody tr").Select(r => r.GetAttribute("data-serial")).ShouldBe(["VE-PILOT-150"]);
        var byRuns = await engineer.GetDocumentAsync($"{href}&sort=Runs&desc=true");
        byRuns.QuerySelectorAll("[data-testid=units] tbody tr").Select(r => int.Parse(r.QuerySelectorAll("td")[3].TextContent, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder(SortDirection.Descending);
        byRuns.QuerySelector("th[aria-sort=descending] a")!.GetAttribute("data-sort").ShouldBe("Runs");

        // A setting the list does not know is said, and the default shown.
        var unknown = await engineer.GetDocumentAsync($"{href}&result=Broken");
        unknown.QuerySelector("[role=alert]")!.TextContent.ShouldBe("The list does not know 'Broken' for Result; it shows the default there.");
        unknown.QuerySelectorAll("[data-testid=units] tbody tr").Length.ShouldBe(Math.Min(50, tested));
        var batches = await engineer.GetDocumentAsync($"/TestData?product={product}&kind=Prototype");
        batches.QuerySelector("[role=alert]")!.TextContent.ShouldBe("The list does not know 'Prototype' for Kind; it shows the default there.");
        batches.QuerySelectorAll("[data-testid=batches] tbody tr").Length.ShouldBe(list.QuerySelectorAll("[data-testid=batches] tbody tr").Length);
    }
}
