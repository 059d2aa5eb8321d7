using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SecondSource.Testing;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>The demo's reviews: the buyer's pack with every item, charts and findings; each manufacturer's own side only.</summary>
public sealed class ReviewPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_buyer_reads_the_pack_with_every_item_the_charts_and_the_persistent_finding_at_the_top()
    {
        using var viewer = await app.SignedInAsync("Viewer");
        var list = await viewer.GetDocumentAsync("/Reviews");
        var program = list.QuerySelector("[data-testid=program-reviews][data-program=AUR-VSM200]")!;
        program.QuerySelectorAll("tr[data-review]").Select(r => r.GetAttribute("data-review")).ShouldBe(["2026Q3-v1", "2026Q2-v1", "2026Q1-v1"]);
        program.QuerySelector("[data-testid=generate]").ShouldBeNull("a viewer does not generate reviews");

        var pack = await viewer.GetDocumentAsync(program.QuerySelector("tr[data-review='2026Q3-v1'] a")!.GetAttribute("href")!);
        var root = pack.QuerySelector("[data-testid=review-pack]")!;
        root.QuerySelector("[data-testid=persistent]")!.QuerySelectorAll("li").Select(li => li.GetAttribute("data-area")).ShouldBe(["LeadTime"]);
        var items = root.QuerySelectorAll("[data-testid=pair] table.items tr[data-area]");
        items.Select(i => i.GetAttribute("data-area")).ShouldBe(["FirstPassYield", "FinalYield", "Defects", "UnitCost", "LeadTime", "AvlAlignment", "FirmwareSync", "TestResults"]);
        root.QuerySelector("tr[data-area=UnitCost]")!.GetAttribute("data-verdict").ShouldBe("Different");
        root.QuerySelectorAll("svg[data-chart]").Select(c => c.GetAttribute("data-chart")).ShouldBe(["yield-trend", "pareto", "equivalence", "cost-lead-time"]);
        root.QuerySelector(".finding[data-area=UnitCost]")!.GetAttribute("data-state").ShouldBe("Explained");
        root.QuerySelector(".finding[data-area=UnitCost] [data-testid=root-cause]")!.TextContent.ShouldContain("60-unit lots");
        root.QuerySelectorAll("[data-testid=attendees] li").Length.ShouldBe(5);
        root.QuerySelector("[data-testid=meeting]")!.TextContent.ShouldContain("Frozen");
        root.QuerySelector("[data-testid=meeting-form]").ShouldBeNull("the review is frozen");
        root.QuerySelector("[data-testid=root-cause-form]").ShouldBeNull("a viewer records nothing");
        root.QuerySelector("[data-testid=scorecard-then]").ShouldNotBeNull();

        // The findings, persistent first, with their counts per state as filters; a filter shows that state only.
        var states = root.QuerySelectorAll("[data-testid=findings] .finding").Select(f => f.GetAttribute("data-state")!).ToList();
        states[0].ShouldBe("Persistent");
        var chips = root.QuerySelectorAll("[data-testid=finding-filters] a[data-state]").ToList();
        chips.Select(c => c.GetAttribute("data-state")).ShouldBe([.. states.Distinct()], "in reading order, the same as the list");
        chips.Sum(c => int.Parse(c.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(states.Count);
        var explained = await viewer.GetDocumentAsync(chips.Single(c => c.GetAttribute("data-state") == "Explained").GetAttribute("href")!);
        explained.QuerySelectorAll("[data-testid=findings] .finding").Select(f => f.GetAttribute("data-state")).ShouldBe([.. states.Where(x => x == "Explained")]);
        explained.QuerySelector("[data-testid=finding-filters] a[aria-current=true]")!.GetAttribute("data-state").ShouldBe("Explained");
        var unknown = await viewer.GetDocumentAsync(chips[0].GetAttribute("href")!.Replace("findings=Persistent", "findings=Solved", StringComparison.Ordinal));
        unknown.QuerySelector("[data-testid=findings] [role=alert]")!.TextContent.ShouldContain("'Solved' for findings");
        unknown.QuerySelectorAll("[data-testid=findings] .finding").Length.ShouldBe(states.Count);
    }

    [Fact]
    public async Task Each_manufacturer_sees_its_own_lines_numbers_and_findings_never_the_other_lines()
    {
        using var viewer = await app.SignedInAsync("Viewer");
        var href = (await viewer.GetDocumentAsync("/Reviews")).QuerySelector("tr[data-review='2026Q3-v1'] a")!.GetAttribute("href")!;
        var buyerText = (await viewer.GetDocumentAsync(href)).Body!.TextContent;
        buyerText.ShouldContain("41.60 USD");
        buyerText.ShouldContain("48.00 USD");

        using var vistula = await app.SignedInAsync("Member", "Vistula");
        var mine = await vistula.GetDocumentAsync("/Reviews");
        mine.QuerySelectorAll("[data-testid=line-reviews] tr[data-quarter]").Select(r => r.GetAttribute("data-quarter")).ShouldBe(["2026Q3", "2026Q2", "2026Q1"]);
        var view = await vistula.GetDocumentAsync(href);
        view.QuerySelector("[data-testid=review-pack]").ShouldBeNull();
        var section = view.QuerySelector("[data-testid=own-section]")!;
        section.GetAttribute("data-line")!.ShouldStartWith("Vistula");
        section.QuerySelector("[data-testid=cost]")!.TextContent.ShouldBe("48.00 USD");
        section.QuerySelector("[data-testid=units]")!.TextContent.ShouldBe("120");
        view.QuerySelectorAll("[data-testid=line-findings] .finding").Select(f => f.GetAttribute("data-area")).ShouldBe(["LeadTime", "AvlAlignment", "UnitCost"], ignoreOrder: true);
        // The same state filters as the buyer's pack, over the line's own findings.
        var lineChips = view.QuerySelectorAll("[data-testid=line-findings] [data-testid=finding-filters] a[data-state]").ToList();
        lineChips.Sum(c => int.Parse(c.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(3);
        var firstState = lineChips[0].GetAttribute("data-state")!;
        var onlyFirst = await vistula.GetDocumentAsync(lineChips[0].GetAttribute("href")!);
        onlyFirst.QuerySelectorAll("[data-testid=line-findings] .finding").ShouldAllBe(f => f.GetAttribute("data-state") == firstState);
        // Canaries: Pearl River's unit cost and its unit count in the quarter.
        var text = view.Body!.TextContent;
        text.ShouldNotContain("41.60");
        text.ShouldNotContain("900");
        view.QuerySelectorAll("svg[data-chart=yield-trend] circle").Length.ShouldBe(4, "its own line's four quarters only");

        using var pearl = await app.SignedInAsync("Member", "Pearl River");
        var primary = (await pearl.GetDocumentAsync(href)).Body!.TextContent;
        primary.ShouldContain("41.60 USD");
        primary.ShouldNotContain("48.00");
        primary.ShouldNotContain("48.10");

        // Another party's review page, by a guessed id: not found.
        using var response = await vistula.GetAsync($"/Reviews/Pack?id={Guid.NewGuid()}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

/// <summary>Running a review from the pages: a re-run, the meeting, the freeze, a root cause and an action (a fixture of its own).</summary>
public sealed class ReviewEditingPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task An_engineer_reruns_a_quarter_records_the_meeting_freezes_it_and_works_the_findings()
    {
        using var engineer = await app.SignedInAsync("Engineer");
        using var generated = await engineer.SubmitFormAsync("/Reviews", new Dictionary<string, string> { ["quarter"] = "2026Q3" }, "[data-testid=generate]");
        generated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var packUrl = generated.Headers.Location!.OriginalString;
        packUrl.ShouldStartWith("/Reviews/Pack?id=");
        var pack = await engineer.GetDocumentAsync(packUrl);
        pack.QuerySelector(".alert.success")!.TextContent.ShouldBe("2026Q3 review generated (version 2).");

        // Too few organisations: the freeze is refused with the one missing.
        using (var meeting = await engineer.SubmitFormAsync(packUrl, new Dictionary<string, string>
               {
                   ["attendees"] = "Ingrid Halvorsen, Aurora Medical Instruments AB\nWei Chen, Pearl River Electronics Manufacturing (Shenzhen)",
                   ["decisions"] = "Re-run after a correction.", ["heldOn"] = "2026-12-04",
               }, "[data-testid=meeting-form]"))
        {
            meeting.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var refused = await engineer.SubmitFormAsync(packUrl, new Dictionary<string, string>(), "[data-testid=freeze-form]"))
        {
            (await engineer.GetDocumentAsync(refused.Headers.Location!.OriginalString)).QuerySelector(".alert.error")!.TextContent.ShouldContain("no attendee from Vistula");
        }

        using (var bad = await engineer.SubmitFormAsync(packUrl, new Dictionary<string, string> { ["attendees"] = "just a name", ["heldOn"] = "2026-12-04" }, "[data-testid=meeting-form]"))
        {
            (await engineer.GetDocumentAsync(bad.Headers.Location!.OriginalString)).QuerySelector(".alert.error")!.TextContent.ShouldContain("Attendees, line 1");
        }

        using (var meeting = await engineer.SubmitFormAsync(packUrl, new Dictionary<string, string>
               {
                   ["attendees"] = "Ingrid Halvorsen, Aurora Medical Instruments AB\nWei Chen, Pearl River Electronics Manufacturing (Shenzhen)\nAgnieszka Nowak, Vistula EMS Sp. z o.o. (Gdańsk)",
                   ["decisions"] = "Re-run after a correction.", ["heldOn"] = "2026-12-04",
               }, "[data-testid=meeting-form]"))
        {
            meeting.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var frozen = await engineer.SubmitFormAsync(packUrl, new Dictionary<string, string>(), "[data-testid=freeze-form]"))
        {
            var page = await engineer.GetDocumentAsync(frozen.Headers.Location!.OriginalString);
            page.QuerySelector(".alert.success")!.TextContent.ShouldBe("The 2026Q3 review (version 2) is frozen.");
            page.QuerySelector("[data-testid=meeting-form]").ShouldBeNull();
        }

        // The lead-time difference gets its root cause: no longer persistent.
        var lead = (await engineer.GetDocumentAsync(packUrl)).QuerySelector(".finding[data-area=LeadTime]")!;
        lead.GetAttribute("data-state").ShouldBe("Persistent");
        var form = lead.QuerySelector<IHtmlFormElement>("[data-testid=root-cause-form] form")!;
        using (var recorded = await engineer.SubmitAsync(form, packUrl, new Dictionary<string, string>
               {
                   ["category"] = "Supplier", ["description"] = "Vistula's PCB supplier quotes seven weeks.", ["evidence"] = "Vistula capacity analysis", ["owner"] = "Agnieszka Nowak",
               }))
        {
            recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var after = await engineer.GetDocumentAsync(packUrl);
        after.QuerySelector(".finding[data-area=LeadTime]")!.GetAttribute("data-state").ShouldBe("Explained");
        after.QuerySelector("[data-testid=persistent]").ShouldBeNull();

        // An action on it, due before the review's meeting: overdue until done.
        var actionForm = after.QuerySelector<IHtmlFormElement>(".finding[data-area=LeadTime] form[action='/Reviews/Action']")!;
        using (var added = await engineer.SubmitAsync(actionForm, packUrl, new Dictionary<string, string> { ["description"] = "Second PCB supplier for Vistula", ["owner"] = "Tomas Berg", ["due"] = "2026-11-30" }))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var withAction = await engineer.GetDocumentAsync(packUrl);
        withAction.QuerySelector("tr[data-action='Second PCB supplier for Vistula']")!.TextContent.ShouldContain("(overdue)");
        using (var missingDue = await engineer.SubmitAsync(actionForm, packUrl, new Dictionary<string, string> { ["description"] = "x", ["owner"] = "y", ["due"] = "" }))
        {
            (await engineer.GetDocumentAsync(missingDue.Headers.Location!.OriginalString)).QuerySelector(".alert.error")!.TextContent.ShouldBe("Give the action a due date.");
        }

        // A bad cost file is refused with its place named.
        using var content = new MultipartFormDataContent();
        var token = (await engineer.GetDocumentAsync("/Reviews")).QuerySelector<IHtmlInputElement>("form[action='/Reviews/ImportCosts'] input[name=__RequestVerificationToken]")!.Value;
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new ByteArrayContent("product,line\nAUR-VSM200,x\n"u8.ToArray()), "file", "costs.csv");
        using var import = await engineer.PostAsync(new Uri("/Reviews/ImportCosts", UriKind.Relative), content);
        (await engineer.GetDocumentAsync(import.Headers.Location!.OriginalString)).QuerySelector(".alert.error")!.TextContent.ShouldStartWith("costs.csv: line 1: the header lacks kind, reference");
    }
}

/// <summary>The pack printed to PDF by headless Chromium, for the buyer and for a manufacturer's own side.</summary>
public sealed class ReviewPdfTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_pack_prints_to_a_pdf_through_headless_chromium()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Assert.Skip("Printing the pack needs Debian's chromium (/usr/bin/chromium); .ci/run installs it.");
        }

        using var viewer = await app.SignedInAsync("Viewer");
        var href = (await viewer.GetDocumentAsync("/Reviews")).QuerySelector("tr[data-review='2026Q3-v1'] a")!.GetAttribute("href")!;
        var link = (await viewer.GetDocumentAsync(href)).QuerySelector("[data-testid=pdf]")!.GetAttribute("href")!;
        using var response = await viewer.GetAsync(link);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("review-AUR-VSM200-2026Q3-v1.pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeGreaterThan(10_000);
        var folder = TestPaths.InRepository(Path.Combine("artifacts", "screenshots"));
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "review-pack.pdf"), bytes);

        using var vistula = await app.SignedInAsync("Member", "Vistula");
        using var own = await vistula.GetAsync(link);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("review-AUR-VSM200-2026Q3.pdf");
    }
}
