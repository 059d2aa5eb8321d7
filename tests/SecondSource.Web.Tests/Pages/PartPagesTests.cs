using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>The part page and its forms over HTTP: what the buyer and a manufacturer see, and refusals next to the field with nothing stored.</summary>
public sealed class PartPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private Task<Guid> DemoPart(string designator) => app.RunInSystemScopeAsync(async s =>
    {
        var db = s.GetRequiredService<SecondSourceDbContext>();
        var lines = await db.BomRevisionLines.Where(l => l.PartId != null).ToListAsync();
        return lines.First(l => l.Designators.Split(',').Contains(designator)).PartId!.Value;
    });

    private Task<Guid> EntryOf(string mpn) => app.RunInSystemScopeAsync(s =>
        s.GetRequiredService<SecondSourceDbContext>().AvlEntries.Where(e => e.Mpn == mpn).Select(e => e.Id).SingleAsync());

    private Task<int> EntryCount(Guid part) => app.RunInSystemScopeAsync(s =>
        s.GetRequiredService<SecondSourceDbContext>().AvlEntries.CountAsync(e => e.PartId == part));

    private static IElement Row(IDocument page, string mpn) => page.QuerySelector($"[data-testid=avl-entries] tr[data-entry='{mpn}']")!;

    [Fact]
    public async Task The_buyer_sees_every_lines_answer_and_the_internal_lead_time()
    {
        using var client = await app.SignedInAsync("Engineer");
        var page = await client.GetDocumentAsync($"/Parts/Part?id={await DemoPart("U6")}");

        page.QuerySelectorAll("[data-testid=avl-entries] td.state").Select(td => td.GetAttribute("data-line")).Distinct().Count().ShouldBe(2);
        var alternate = Row(page, "AP7354-33W5-7");
        alternate.QuerySelector("td.state[data-line*=Vistula] .badge")!.TextContent.ShouldBe("Refused");
        alternate.QuerySelector("td.state[data-line*=Vistula] .badge")!.GetAttribute("title")!.ShouldContain("feeders");
        alternate.TextContent.ShouldContain("weeks (internal)");
        alternate.QuerySelector("a[href^='/Parts/Qualify']").ShouldNotBeNull();
        page.QuerySelectorAll("a[href^='/Parts/Accept']").ShouldBeEmpty("the buyer reads acceptances, the lines record them");
        page.QuerySelectorAll("[data-testid=part-sourcing] .badge").Select(b => b.TextContent).ShouldBe(["dual-sourced", "single source"]);
    }

    [Fact]
    public async Task A_manufacturer_sees_its_own_line_only_and_no_internal_lead_time()
    {
        using var client = await app.SignedInAsync("Member", "Vistula");
        var page = await client.GetDocumentAsync($"/Parts/Part?id={await DemoPart("U6")}");

        page.QuerySelectorAll("[data-testid=avl-entries] td.state").Select(td => td.GetAttribute("data-line") ?? "").Distinct().ShouldHaveSingleItem().ShouldContain("Vistula");
        var alternate = Row(page, "AP7354-33W5-7");
        alternate.TextContent.ShouldNotContain("weeks");
        alternate.QuerySelector("a[href^='/Parts/Accept']").ShouldNotBeNull();
        alternate.QuerySelector("a[href^='/Parts/Qualify']").ShouldBeNull();
        page.QuerySelector("[data-testid=history]")!.TextContent.ShouldNotContain("Pearl River");
    }

    [Fact]
    public async Task A_proposal_without_a_part_number_is_refused_next_to_the_field_and_stores_nothing()
    {
        var part = await DemoPart("U9");
        var before = await EntryCount(part);
        using var client = await app.SignedInAsync("Engineer");

        using var response = await client.SubmitFormAsync($"/Parts/Propose?part={part}",
            new Dictionary<string, string> { ["Manufacturer"] = "Microchip", ["Mpn"] = " ", ["Details.Rank"] = "2" }, "[data-testid=propose-form]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-valmsg-for=Mpn]")!.TextContent.ShouldContain("Manufacturer part number");
        (await EntryCount(part)).ShouldBe(before);
    }

    [Fact]
    public async Task Only_an_administrator_is_offered_a_waiver()
    {
        var entry = await EntryOf("STM6823SWY6F");
        using var engineer = await app.SignedInAsync("Engineer");
        using var admin = await app.SignedInAsync("Admin");

        (await engineer.GetDocumentAsync($"/Parts/Qualify?entry={entry}")).QuerySelectorAll("#Verdict option").Select(o => o.GetAttribute("value")).ShouldNotContain("Waived");
        (await admin.GetDocumentAsync($"/Parts/Qualify?entry={entry}")).QuerySelectorAll("#Verdict option").Select(o => o.GetAttribute("value")).ShouldContain("Waived");

        // A waiver posted by an engineer anyway is refused by the domain, next to the verdict.
        using var response = await engineer.SubmitFormAsync($"/Parts/Qualify?entry={entry}",
            new Dictionary<string, string> { ["Aspect"] = "Reliability", ["Verdict"] = "Waived", ["Method"] = "SupplierData", ["Justification"] = "same die" }, "[data-testid=qualify-form]");
        (await WebSession.ParseAsync(response)).QuerySelector("[data-valmsg-for=Verdict]")!.TextContent.ShouldContain("administrator");
    }

    [Fact]
    public async Task A_refusal_needs_its_reason_and_another_manufacturers_line_is_not_found()
    {
        var entry = await EntryOf("TLV75533PDBVR");
        var (vistulaLine, pearlLine) = await app.RunInSystemScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var lines = await db.Lines.Join(db.Parties, l => l.PartyId, p => p.Id, (l, p) => new { l.Id, p.Name }).ToListAsync();
            return (lines.Single(l => l.Name.StartsWith("Vistula", StringComparison.Ordinal)).Id, lines.Single(l => l.Name.StartsWith("Pearl", StringComparison.Ordinal)).Id);
        });
        using var client = await app.SignedInAsync("Member", "Vistula");

        using var response = await client.SubmitFormAsync($"/Parts/Accept?entry={entry}&line={vistulaLine}",
            new Dictionary<string, string> { ["State"] = "Refused", ["Evidence"] = "" }, "[data-testid=accept-form]");
        (await WebSession.ParseAsync(response)).QuerySelector("[data-valmsg-for=Evidence]")!.TextContent.ShouldContain("reason");

        using var other = await client.GetAsync(new Uri($"/Parts/Accept?entry={entry}&line={pearlLine}", UriKind.Relative));
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_revision_page_filters_findings_by_manufacturing_line()
    {
        using var client = await app.SignedInAsync("Engineer");
        var revision = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().BomRevisions.Select(r => r.Id).FirstAsync());
        var page = await client.GetDocumentAsync($"/Products/Revision?id={revision}");
        page.QuerySelectorAll("[data-testid=coverage] [data-testid=coverage-figure]").Length.ShouldBe(2);

        var vistula = page.QuerySelector("[data-testid=coverage] .panel[data-line*=Vistula] a")!.GetAttribute("href")!;
        var filtered = await client.GetDocumentAsync(vistula);
        filtered.QuerySelector("[data-testid=line-filter]")!.TextContent.ShouldContain("Vistula");
        var rows = filtered.QuerySelectorAll("[data-testid=revision-lines] tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("AP7354-33W5-7", StringComparison.Ordinal));
        rows.ShouldNotContain(r => r.Contains("GRM033R61A104KE15D", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_products_bom_page_charts_the_coverage_trend_for_each_line()
    {
        var product = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync());
        using var engineer = await app.SignedInAsync("Engineer");
        using var member = await app.SignedInAsync("Member", "Pearl River");

        var page = await engineer.GetDocumentAsync($"/Products/Bom?id={product}");
        page.QuerySelectorAll("[data-testid=coverage-chart] polyline").Length.ShouldBe(3);
        page.QuerySelectorAll("[data-testid=coverage-trend] thead th").Select(th => th.TextContent).ShouldBe(
            ["When (UTC)", "Revision", "Every line", "Pearl River Electronics Manufacturing (Shenzhen) / SMT line 3", "Vistula EMS Sp. z o.o. (Gdańsk) / SMT line 1"]);
        page.QuerySelectorAll("[data-testid=coverage-trend] tbody tr").Length.ShouldBeGreaterThanOrEqualTo(4);

        var own = await member.GetDocumentAsync($"/Products/Bom?id={product}");
        own.QuerySelectorAll("[data-testid=coverage-trend] thead th").Select(th => th.TextContent).ShouldBe(
            ["When (UTC)", "Revision", "Pearl River Electronics Manufacturing (Shenzhen) / SMT line 3"]);
    }

    [Fact]
    public async Task A_manufacturer_downloads_the_flagged_bom_for_its_own_line_only()
    {
        using var member = await app.SignedInAsync("Member", "Vistula");
        var revision = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().BomRevisions.Select(r => r.Id).FirstAsync());
        var page = await member.GetDocumentAsync($"/Products/Revision?id={revision}");
        var links = page.QuerySelectorAll("[data-testid=export-links] a").Select(a => a.GetAttribute("href")!).ToList();
        links.Count.ShouldBe(3, "one line, three formats");

        using var xlsx = await member.GetAsync(new Uri(links.Single(l => l.EndsWith("format=xlsx", StringComparison.Ordinal)).Replace("&amp;", "&", StringComparison.Ordinal), UriKind.Relative));
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("AUR-VSM200-Rev-B-Vistula-EMS-Sp.-z-o.o.-Gdańsk-SMT-line-1.xlsx");

        var pearlLine = await app.RunInSystemScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            return await db.Lines.Where(l => db.Parties.Any(p => p.Id == l.PartyId && p.Name.StartsWith("Pearl"))).Select(l => l.Id).SingleAsync();
        });
        using var other = await member.GetAsync(new Uri($"/Products/Export?id={revision}&line={pearlLine}&format=csv", UriKind.Relative));
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var unknown = await member.GetAsync(new Uri($"/Products/Export?id={revision}&line={pearlLine}&format=pdf", UriKind.Relative));
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_cross_reference_with_an_unknown_part_is_refused_with_its_row_and_column()
    {
        using var client = await app.SignedInAsync("Engineer");
        var form = await client.GetDocumentAsync("/Parts/CrossReference");
        var token = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[data-testid=xref-form] input[name=__RequestVerificationToken]")!.Value;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("Part,Alternate manufacturer,Alternate MPN\nNO-SUCH-PART,Richtek,RT9013-33GB\n")), "table", "xref.csv" },
        };

        using var response = await client.PostAsync(new Uri("/Parts/CrossReference", UriKind.Relative), upload);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.ParseAsync(response)).QuerySelector("[data-valmsg-for=table]")!.TextContent
            .ShouldContain("xref.csv, row 2, column 'Part': no part 'NO-SUCH-PART'");
    }

    [Fact]
    public async Task Acceptance_evidence_is_uploaded_by_the_line_and_downloaded_by_it_and_the_buyer_only()
    {
        var entry = await EntryOf("THVD1450DR");
        var (vistulaLine, part) = await app.RunInSystemScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var line = await db.Lines.Where(l => db.Parties.Any(p => p.Id == l.PartyId && p.Name.StartsWith("Vistula"))).Select(l => l.Id).SingleAsync();
            return (line, await db.AvlEntries.Where(e => e.Id == entry).Select(e => e.PartId).SingleAsync());
        });
        using var vistula = await app.SignedInAsync("Member", "Vistula");
        var form = await vistula.GetDocumentAsync($"/Parts/Accept?entry={entry}&line={vistulaLine}");
        var token = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[data-testid=accept-form] input[name=__RequestVerificationToken]")!.Value;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Accepted"), "State" },
            { new StringContent(""), "Evidence" },
            { new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray()) { Headers = { ContentType = new("text/html") } }, "evidenceFile", "FAI-VS-U8.html" },
        };

        using var posted = await vistula.PostAsync(new Uri($"/Parts/Accept?entry={entry}&line={vistulaLine}", UriKind.Relative), upload);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await vistula.GetDocumentAsync($"/Parts/Part?id={part}");
        var link = page.QuerySelectorAll("a[href^='/Parts/Evidence']").Single(a => a.TextContent == "FAI-VS-U8.html").GetAttribute("href")!;
        using var download = await vistula.GetAsync(new Uri(link, UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream", "an uploaded page is never served as HTML");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await download.Content.ReadAsStringAsync()).ShouldContain("alert(1)");

        using var engineer = await app.SignedInAsync("Engineer");
        using var pearl = await app.SignedInAsync("Member", "Pearl River");
        (await engineer.GetAsync(new Uri(link, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pearl.GetAsync(new Uri(link, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another manufacturer never sees a line's evidence");
    }

    [Fact]
    public async Task An_end_of_life_notice_is_recorded_on_the_source_and_the_audit_flags_it()
    {
        var entry = await EntryOf("ISO7741DWR");
        var part = await DemoPart("U13");
        using var engineer = await app.SignedInAsync("Engineer");

        using var bad = await engineer.SubmitFormAsync($"/Parts/EntryDetails?entry={entry}", new Dictionary<string, string> { ["Details.Rank"] = "0" }, "[data-testid=details-form]");
        (await WebSession.ParseAsync(bad)).QuerySelector("[data-valmsg-for='Details.Rank']")!.TextContent.ShouldContain("Rank must be from 1");

        using var saved = await engineer.SubmitFormAsync($"/Parts/EntryDetails?entry={entry}",
            new Dictionary<string, string> { ["Details.Lifecycle"] = "Eol", ["Details.Notes"] = "PCN 2026-114: last-time buy by 2027-03" }, "[data-testid=details-form]");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await engineer.GetDocumentAsync($"/Parts/Part?id={part}");
        Row(page, "ISO7741DWR").TextContent.ShouldContain("EOL");
        page.QuerySelector("[data-testid=history]")!.TextContent.ShouldContain("lifecycle of Texas Instruments ISO7741DWR");
        var revision = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().BomRevisions.Select(r => r.Id).FirstAsync());
        var flagged = await engineer.GetDocumentAsync($"/Products/Revision?id={revision}&rule=lifecycle-risk");
        flagged.QuerySelector("[data-testid=revision-lines]")!.TextContent.ShouldContain("ISO7741DWR is at end of life");
    }

    [Fact]
    public async Task An_editor_adds_a_makers_other_name_and_a_name_of_another_maker_is_refused()
    {
        using var engineer = await app.SignedInAsync("Engineer");
        var page = await engineer.GetDocumentAsync("/Parts/Manufacturers");
        var murata = page.QuerySelector("[data-testid=manufacturers] tr[data-maker='Murata']")!;
        murata.QuerySelector("form").ShouldNotBeNull();

        using var refused = await engineer.SubmitAsync(murata.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form")!, "/Parts/Manufacturers", new Dictionary<string, string> { ["alias"] = "TI" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await engineer.GetDocumentAsync("/Parts/Manufacturers")).QuerySelector("[data-testid=alias-refusal]")!.TextContent.ShouldBe("'TI' is Texas Instruments in the catalogue, not Murata.");

        // A form the catalogue already reads as Murata needs no alias; a misspelling it does not know is added.
        using var known = await engineer.SubmitAsync(murata.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form")!, "/Parts/Manufacturers", new Dictionary<string, string> { ["alias"] = "Murata Mfg. Co." });
        (await engineer.GetDocumentAsync("/Parts/Manufacturers")).QuerySelector(".alert.success")!.TextContent.ShouldBe("'Murata Mfg. Co.' was already known.");
        using var added = await engineer.SubmitAsync(murata.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form")!, "/Parts/Manufacturers", new Dictionary<string, string> { ["alias"] = "Muratta" });
        var after = await engineer.GetDocumentAsync("/Parts/Manufacturers");
        after.QuerySelector("[data-testid=manufacturers] tr[data-maker='Murata']")!.TextContent.ShouldContain("Muratta");

        using var viewer = await app.SignedInAsync("Viewer");
        (await viewer.GetDocumentAsync("/Parts/Manufacturers")).QuerySelectorAll("[data-testid=manufacturers] form").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_dashboard_shows_each_programs_coverage_on_every_line_to_the_buyer_and_on_its_own_line_to_a_manufacturer()
    {
        var (critical, dual, vistulaDual) = await app.RunInSystemScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var revision = await db.BomRevisions.Select(r => r.Id).FirstAsync();
            var vistula = await db.Lines.Where(l => db.Parties.Any(p => p.Id == l.PartyId && p.Name.StartsWith("Vistula"))).Select(l => l.Id).SingleAsync();
            var audit = (await s.GetRequiredService<SecondSource.Application.Boms.BomRevisionQueries>().AuditAsync(revision, SecondSource.Domain.Boms.CriticalityPolicy.Default, CancellationToken.None))!;
            return (audit.Summary.CriticalLines, audit.Summary.DualSourcedCriticalLines, audit.Summary.DualSourcedCriticalLinesOn(vistula));
        });
        using var engineer = await app.SignedInAsync("Engineer");
        using var member = await app.SignedInAsync("Member", "Vistula");

        (await engineer.GetDocumentAsync("/")).QuerySelector("[data-testid=coverage-cell]")!.TextContent.ShouldContain($"{dual} of {critical}, Rev B, every line");
        (await member.GetDocumentAsync("/")).QuerySelector("[data-testid=coverage-cell]")!.TextContent.ShouldContain($"{vistulaDual} of {critical}, Rev B, your line");
    }

    [Fact]
    public async Task Parts_are_found_by_part_number_or_by_a_sources_mpn()
    {
        using var viewer = await app.SignedInAsync("Viewer");

        var all = await viewer.GetDocumentAsync("/Parts");
        var bySource = await viewer.GetDocumentAsync("/Parts?search=ap7354");
        var none = await viewer.GetDocumentAsync("/Parts?search=NO-SUCH-THING");

        all.QuerySelectorAll("[data-testid=parts] tbody tr").Length.ShouldBe(50, "fifty to a page");
        all.QuerySelector("nav[aria-label=Pages]")!.TextContent.ShouldContain("Page 1 of");
        bySource.QuerySelectorAll("[data-testid=parts] tbody tr").Select(r => r.QuerySelector("a")!.TextContent).ShouldBe(["TLV75533PDBVR"]);
        none.QuerySelectorAll("[data-testid=parts] tbody tr").ShouldBeEmpty();
        all.QuerySelectorAll("a[href='/Parts/CrossReference']").ShouldBeEmpty("a viewer imports nothing");
    }

    [Fact]
    public async Task The_parts_list_sorts_by_a_column_and_filters_to_the_critical_parts_not_yet_dual_sourced()
    {
        using var client = await app.SignedInAsync("Viewer");
        int Column(IElement row, int index) => int.Parse(row.QuerySelectorAll("td")[index].TextContent, System.Globalization.CultureInfo.InvariantCulture);

        var byQualified = await client.GetDocumentAsync("/Parts?sort=Qualified&desc=true");
        var rows = byQualified.QuerySelectorAll("[data-testid=parts] tbody tr").ToList();
        rows.Count.ShouldBeGreaterThan(10);
        rows.Select(r => Column(r, 4)).ShouldBeInOrder(SortDirection.Descending);
        byQualified.QuerySelector("[data-testid=parts] th[aria-sort=descending] a")!.GetAttribute("data-sort").ShouldBe("Qualified");
        // Clicking the sorted column again reverses it.
        byQualified.QuerySelector("a[data-sort=Qualified]")!.GetAttribute("href").ShouldBe("/Parts?sort=Qualified");

        var open = await client.GetDocumentAsync("/Parts?critical=Critical&single=true");
        var openRows = open.QuerySelectorAll("[data-testid=parts] tbody tr").ToList();
        openRows.ShouldNotBeEmpty();
        openRows.ShouldAllBe(r => r.QuerySelectorAll("td")[2].TextContent == "yes");
        openRows.Select(r => Column(r, 4)).ShouldAllBe(q => q < 2);
        var total = (await client.GetDocumentAsync("/Parts")).QuerySelectorAll("[data-testid=parts] tbody tr").Length;
        (await client.GetDocumentAsync("/Parts?sort=Price")).QuerySelector(".alert.error")!.TextContent.ShouldContain("'Price' for Sort");
        openRows.Count.ShouldBeLessThan(total);

        // Fifty to a page; the second page holds the rest and names itself.
        var first = await client.GetDocumentAsync("/Parts");
        var parts = int.Parse(first.QuerySelector("[data-testid=parts-count]")!.TextContent.Split(' ')[0].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        parts.ShouldBeGreaterThan(50, "the demo library fills more than one page");
        total.ShouldBe(50);
        var second = await client.GetDocumentAsync("/Parts?page=2");
        var secondRows = second.QuerySelectorAll("[data-testid=parts] tbody tr").Select(r => r.QuerySelector("a")!.TextContent).ToList();
        secondRows.Count.ShouldBe(Math.Min(50, parts - 50));
        secondRows.ShouldNotContain(first.QuerySelector("[data-testid=parts] tbody tr a")!.TextContent);
    }
}
