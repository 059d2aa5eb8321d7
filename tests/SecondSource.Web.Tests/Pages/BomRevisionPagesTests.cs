using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Application.Programs;
using SecondSource.Domain.Programs;
using SecondSource.Testing;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>BOM revisions on the web: upload, preview, confirm, audit; bad files refused with nothing stored.</summary>
public sealed class BomRevisionPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private Task<Guid> NewProduct() => app.RunInSystemScopeAsync(async s =>
    {
        var code = $"BR-{Guid.NewGuid():N}"[..11];
        var created = await s.GetRequiredService<CreateProductHandler>().HandleAsync(new CreateProductRequest($"Board {code}", code, new ProductRequirements()), CancellationToken.None);
        return created.Value!.Id;
    });

    private Task<int> RevisionCount(Guid product) => app.RunInSystemScopeAsync(s =>
        s.GetRequiredService<SecondSourceDbContext>().BomRevisions.CountAsync(r => r.ProductId == product));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid product, string label, byte[] content, string fileName)
    {
        var form = (await client.GetDocumentAsync($"/Products/ImportBom?product={product}")).QuerySelector<IHtmlFormElement>("[data-testid=bom-upload]")!;
        using var upload = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            upload.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        upload.Add(new StringContent(label), "Label");
        upload.Add(new ByteArrayContent(content), "bom", fileName);
        return await client.PostAsync(new Uri($"/Products/ImportBom?product={product}", UriKind.Relative), upload);
    }

    private static Task<HttpResponseMessage> Confirm(HttpClient client, IDocument preview, Guid product, IReadOnlyDictionary<string, string>? values = null) =>
        client.SubmitAsync(preview.QuerySelector<IHtmlFormElement>("[data-testid=bom-confirm]")!, $"/Products/ImportBom?product={product}",
            values ?? new Dictionary<string, string>(), preview.QuerySelector<IHtmlElement>("[data-testid=bom-import]"));

    [Fact]
    public async Task A_file_over_the_installations_row_limit_is_refused_naming_the_setting_that_raises_it()
    {
        var product = await NewProduct();
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Limits:Bom:max-rows", "20"));
        using var client = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var engineer = app.Credential("Engineer");
        await client.SignInOrFailAsync(engineer.Login, engineer.Secret);
        var bytes = await File.ReadAllBytesAsync(Samples.RealBom("glasgow_revC3_bom.csv"));

        using var uploaded = await UploadAsync(client, product, "Rev C3", bytes, "glasgow_revC3_bom.csv");
        var page = await WebSession.ParseAsync(uploaded);
        page.QuerySelector("[data-testid=bom-message]")!.TextContent.ShouldContain(
            "the file has more than 20 rows that hold something; a board's BOM has hundreds to a few thousand, so it is refused (raise the limit with the setting Limits:Bom:max-rows (an administrator's)).");
        (await RevisionCount(product)).ShouldBe(0);
    }

    [Fact]
    public async Task An_engineer_uploads_previews_and_confirms_a_revision_then_sees_its_audit()
    {
        var product = await NewProduct();
        using var client = await app.SignedInAsync("Engineer");
        var bytes = await File.ReadAllBytesAsync(Samples.RealBom("glasgow_revC3_bom.csv"));

        using var uploaded = await UploadAsync(client, product, "Rev C3", bytes, "glasgow_revC3_bom.csv");
        var preview = await WebSession.ParseAsync(uploaded);

        preview.QuerySelector("[data-testid=bom-preview-summary]")!.TextContent.ShouldContain("Nothing is stored until you confirm");
        preview.QuerySelectorAll("[data-testid=bom-preview] tbody tr").Length.ShouldBe(20);
        (await RevisionCount(product)).ShouldBe(0, "a preview stores nothing");

        using var confirmed = await Confirm(client, preview, product);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var revisionUrl = confirmed.Headers.Location!.OriginalString;
        revisionUrl.ShouldStartWith("/Products/Revision?id=");
        var revision = await client.GetDocumentAsync(revisionUrl);

        revision.QuerySelector(".alert.success")!.TextContent.ShouldContain("Imported glasgow_revC3_bom.csv as 'Rev C3'");
        revision.QuerySelector("[data-testid=audit-summary]")!.TextContent.ShouldContain("critical lines dual-sourced");
        revision.QuerySelectorAll("[data-testid=revision-lines] tbody tr").Length.ShouldBeGreaterThan(50);
        (await RevisionCount(product)).ShouldBe(1);
        var ruleLink = revision.QuerySelector("[data-testid=findings-per-rule] a[href*='rule=single-source-critical']")!;
        var expected = int.Parse(ruleLink.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);
        var filtered = await client.GetDocumentAsync(ruleLink.GetAttribute("href")!.Replace("&amp;", "&", StringComparison.Ordinal));
        filtered.QuerySelectorAll("[data-testid=revision-lines] tbody tr").Length.ShouldBe(expected);
        filtered.QuerySelectorAll("[data-testid=revision-lines] tbody tr").ShouldAllBe(r => r.TextContent.Contains(" critical and", StringComparison.Ordinal));
        // The findings come grouped by rule: here the one rule chosen, its lines in BOM order, errors marked as such.
        filtered.QuerySelectorAll("[data-testid=audit-findings] details.rule-group").Select(g => g.GetAttribute("data-rule")).ShouldBe(["single-source-critical"]);
        filtered.QuerySelectorAll("details.rule-group tbody tr").Length.ShouldBe(expected);
        filtered.QuerySelector("details.rule-group summary .badge")!.TextContent.ShouldBe("Error");
        var unknownRule = await client.GetDocumentAsync(revisionUrl + "&rule=nonsense");
        unknownRule.QuerySelector(".alert.error")!.TextContent.ShouldContain("There is no audit rule 'nonsense'");
        var list = await client.GetDocumentAsync($"/Products/Bom?id={product}");
        list.QuerySelectorAll("[data-testid=revisions] tbody tr").Single().TextContent.ShouldContain("Rev C3");

        using var again = await UploadAsync(client, product, "Rev C3 again", bytes, "copy.csv");
        var againPreview = await WebSession.ParseAsync(again);
        using var reconfirmed = await Confirm(client, againPreview, product);
        reconfirmed.Headers.Location!.OriginalString.ShouldBe(revisionUrl, "the same file is the same revision");
        (await client.GetDocumentAsync(revisionUrl)).QuerySelector(".alert.success")!.TextContent.ShouldContain("was already imported");
        (await RevisionCount(product)).ShouldBe(1);
    }

    [Fact]
    public async Task A_long_revision_is_read_a_page_at_a_time_and_every_line_is_on_exactly_one_page()
    {
        // 260 regulators from one maker each: 260 critical lines with a single source, more than a page of the table
        // and more than a group lists before it folds behind a link.
        var product = await NewProduct();
        using var client = await app.SignedInAsync("Engineer");
        var csv = new System.Text.StringBuilder("Designator,Manufacturer,MPN,Description\n");
        for (var i = 1; i <= 260; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"U{i},Texas Instruments,TPS7A{1000 + i}DRVR,LDO regulator\n");
        }

        using var uploaded = await UploadAsync(client, product, "Rev L", System.Text.Encoding.UTF8.GetBytes(csv.ToString()), "long.csv");
        using var confirmed = await Confirm(client, await WebSession.ParseAsync(uploaded), product);
        var revisionUrl = confirmed.Headers.Location!.OriginalString;

        var first = await client.GetDocumentAsync(revisionUrl);
        var group = first.QuerySelector("details.rule-group[data-rule=single-source-critical]")!;
        group.GetAttribute("data-total").ShouldBe("260");
        group.QuerySelectorAll("tbody tr").Length.ShouldBe(25);
        var more = group.QuerySelector("[data-testid=group-more] a")!.GetAttribute("href")!;
        more.ShouldEndWith("&rule=single-source-critical");

        // Unfiltered: three pages of 100, 100 and 60 lines, together every BOM row once.
        var rows = new List<string>();
        var next = revisionUrl;
        var pages = 0;
        while (next is not null)
        {
            var page = await client.GetDocumentAsync(next);
            pages++;
            page.QuerySelector("[data-testid=bom-lines] summary")!.TextContent.ShouldContain("(260)");
            rows.AddRange(page.QuerySelectorAll("[data-testid=revision-lines] tbody tr").Select(r => r.QuerySelector("td")!.TextContent));
            next = page.QuerySelector("[data-testid=lines-pager] a[rel=next]")?.GetAttribute("href")?.Split('#')[0];
        }

        pages.ShouldBe(3);
        rows.Count.ShouldBe(260);
        rows.Distinct().Count().ShouldBe(260);
        first.QuerySelector("[data-testid=bom-lines]")!.HasAttribute("open").ShouldBeFalse("folded while the findings above say what needs doing");
        var second = await client.GetDocumentAsync(first.QuerySelector("[data-testid=lines-pager] a[rel=next]")!.GetAttribute("href")!.Split('#')[0]);
        var back = await client.GetDocumentAsync(second.QuerySelector("[data-testid=lines-pager] a[rel=prev]")!.GetAttribute("href")!.Split('#')[0]);
        back.QuerySelector("[data-testid=bom-lines]")!.HasAttribute("open").ShouldBeTrue("a page of the table asked for is shown open, the first one too");

        // Filtered by the rule: the group lists the findings of the page's lines; the last page holds the last 60.
        var last = await client.GetDocumentAsync(more + "&page=3");
        last.QuerySelectorAll("[data-testid=revision-lines] tbody tr").Length.ShouldBe(60);
        var filteredGroup = last.QuerySelector("details.rule-group[data-rule=single-source-critical]")!;
        filteredGroup.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-row")).ShouldBe(
            last.QuerySelectorAll("[data-testid=revision-lines] tbody tr").Select(r => r.QuerySelector("td")!.TextContent));
        filteredGroup.QuerySelector("[data-testid=group-paged]")!.TextContent.ShouldContain("60 of 260");
        last.QuerySelector("[data-testid=lines-pager] a[rel=next]").ShouldBeNull();

        // A page that is not a number is named, and the first page shown.
        var notANumber = await client.GetDocumentAsync(revisionUrl + "&page=two");
        notANumber.QuerySelector(".alert.error")!.TextContent.ShouldContain("'two' for page");
        notANumber.QuerySelectorAll("[data-testid=revision-lines] tbody tr").Length.ShouldBe(100);

        // A page past the end shows the last one rather than an empty table.
        (await client.GetDocumentAsync(revisionUrl + "&page=99")).QuerySelectorAll("[data-testid=revision-lines] tbody tr").Length.ShouldBe(60);
    }

    [Fact]
    public async Task A_file_name_posted_with_a_path_is_stored_as_its_name_only()
    {
        var product = await NewProduct();
        using var client = await app.SignedInAsync("Engineer");
        using var uploaded = await UploadAsync(client, product, "Rev A", "Designator,Manufacturer,MPN\nU1,Texas Instruments,TLV75533PDBVR\n"u8.ToArray(), "board.csv");
        var preview = await WebSession.ParseAsync(uploaded);

        using var confirmed = await Confirm(client, preview, product, new Dictionary<string, string> { ["FileName"] = "../../secret/board.csv" });

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var names = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().BomRevisions.Where(r => r.ProductId == product).Select(r => r.FileName).ToListAsync());
        names.ShouldBe(["board.csv"]);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_refused_on_the_page_and_nothing_is_stored()
    {
        var product = await NewProduct();
        using var client = await app.SignedInAsync("Engineer");

        using var uploaded = await UploadAsync(client, product, "Rev A", "this is not a workbook"u8.ToArray(), "broken.xlsx");
        var page = await WebSession.ParseAsync(uploaded);

        page.QuerySelector(".alert.error")!.TextContent.ShouldContain("broken.xlsx");
        page.QuerySelector("[data-testid=bom-confirm]").ShouldBeNull();
        (await RevisionCount(product)).ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_products_and_revisions_are_not_found_and_a_viewer_gets_no_import_link()
    {
        var product = await NewProduct();
        using var viewer = await app.SignedInAsync("Viewer");

        using var revision = await viewer.GetAsync(new Uri($"/Products/Revision?id={Guid.NewGuid()}", UriKind.Relative));
        using var bom = await viewer.GetAsync(new Uri($"/Products/Bom?id={Guid.NewGuid()}", UriKind.Relative));
        var list = await viewer.GetDocumentAsync($"/Products/Bom?id={product}");

        revision.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        bom.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.QuerySelector("a[href^='/Products/ImportBom']").ShouldBeNull();
        list.QuerySelector("[data-testid=revisions]")!.TextContent.ShouldContain("No BOM revision imported yet.");
    }

    [Fact]
    public async Task A_manufacturer_sees_the_revisions_of_a_product_it_builds_and_no_other()
    {
        var other = await NewProduct();
        var demo = await app.RunInSystemScopeAsync(async s => (await s.GetRequiredService<ProgramQueries>().ListAsync(CancellationToken.None)).First(p => p.Name == "VSM-200 second source").ProductId);
        using var member = await app.SignedInAsync("Member", "Vistula");

        using var own = await member.GetAsync(new Uri($"/Products/Bom?id={demo}", UriKind.Relative));
        using var foreign = await member.GetAsync(new Uri($"/Products/Bom?id={other}", UriKind.Relative));
        using var import = await member.GetAsync(new Uri($"/Products/ImportBom?product={demo}", UriKind.Relative));

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        import.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        import.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_preview_shows_each_columns_role_and_a_changed_role_is_read_again_stored_and_reused_for_the_same_layout()
    {
        var product = await NewProduct();
        using var client = await app.SignedInAsync("Engineer");
        // "Part" holds the makers' part numbers (the reader sees that from its values, with low confidence); "Notes" is ignored
        // by its header, but here it describes each part.
        const string header = "Ref,Qty,Part,Maker,Notes\n";
        var first = header + "U1,1,TLV75533PDBVR,Texas Instruments,LDO\nC1,2,GRM188R71H104KA93D,Murata,decoupling\nX9,1,,Zhejiang Lanke Electronics,spare\n";
        using var uploaded = await UploadAsync(client, product, "Rev A", System.Text.Encoding.UTF8.GetBytes(first), "board.csv");
        var preview = await WebSession.ParseAsync(uploaded);

        var columns = preview.QuerySelectorAll("[data-testid=bom-columns] tbody tr");
        columns.Length.ShouldBe(5);
        var part = columns.Single(r => r.GetAttribute("data-column") == "3");
        part.TextContent.ShouldContain("TLV75533PDBVR", customMessage: "sample values are shown");
        part.QuerySelector<IHtmlSelectElement>("select")!.Value.ShouldBe("mpn");
        part.QuerySelector(".badge")!.TextContent.ShouldBe("low");
        preview.QuerySelector("[data-testid=bom-rows]")!.TextContent.ShouldContain("rows read 4: 3 lines, 1 header");
        preview.QuerySelector("[data-testid=bom-unverified]")!.TextContent.ShouldContain("Zhejiang Lanke Electronics");

        // The engineer keeps column 3 as the MPN, makes column 5 the description, and reads the file again.
        using var reread = await client.SubmitAsync(preview.QuerySelector<IHtmlFormElement>("[data-testid=bom-confirm]")!, $"/Products/ImportBom?product={product}",
            new Dictionary<string, string> { ["Role[4]"] = "description" }, preview.QuerySelector<IHtmlElement>("[data-testid=bom-reread]"));
        var again = await WebSession.ParseAsync(reread);
        again.QuerySelector("[data-testid=bom-message]").ShouldBeNull();
        var roles = again.QuerySelectorAll("[data-testid=bom-columns] tbody tr").ToDictionary(r => r.GetAttribute("data-column")!, r => r.QuerySelector<IHtmlSelectElement>("select")!.Value);
        roles["3"].ShouldBe("mpn");
        roles["5"].ShouldBe("description");
        again.QuerySelectorAll("[data-testid=bom-columns] tbody tr")[4].TextContent.ShouldContain("your choice");
        again.QuerySelectorAll("[data-testid=bom-columns] tbody tr")[2].TextContent.ShouldNotContain("your choice", customMessage: "an unchanged select is no choice");
        again.QuerySelector("[data-testid=bom-preview] tbody tr")!.TextContent.ShouldContain("LDO", customMessage: "the first line now has its description");

        // A choice that names no field is refused with its cause, and the file is shown as it was read before.
        using var bad = await client.SubmitAsync(again.QuerySelector<IHtmlFormElement>("[data-testid=bom-confirm]")!, $"/Products/ImportBom?product={product}",
            new Dictionary<string, string> { ["Role[1]"] = "brand" }, again.QuerySelector<IHtmlElement>("[data-testid=bom-reread]"));
        var refused = await WebSession.ParseAsync(bad);
        refused.QuerySelector("[data-testid=bom-message]")!.TextContent.ShouldContain("'brand' is not a field");
        refused.QuerySelectorAll("[data-testid=bom-columns] tbody tr")[2].QuerySelector<IHtmlSelectElement>("select")!.Value.ShouldBe("mpn");

        using var confirmed = await Confirm(client, again, product);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().BomRevisions.SingleAsync(r => r.ProductId == product));
        stored.Choices().ShouldBe([new("description", "#5")]);

        // A later file with the same columns is read with those roles, and says so.
        var second = header + "U1,1,TLV75533PDBVR,Texas Instruments,LDO\nU2,1,TPS7A2033PDBVR,Texas Instruments,LDO 2\n";
        using var next = await UploadAsync(client, product, "Rev B", System.Text.Encoding.UTF8.GetBytes(second), "board-b.csv");
        var nextPreview = await WebSession.ParseAsync(next);
        nextPreview.QuerySelector("[data-testid=bom-reused-roles]")!.TextContent.ShouldContain("Rev A");
        nextPreview.QuerySelectorAll("[data-testid=bom-columns] tbody tr")[4].QuerySelector<IHtmlSelectElement>("select")!.Value.ShouldBe("description");
    }

    [Fact]
    public async Task An_unverified_maker_is_listed_on_the_revision_and_an_engineer_confirms_it_there()
    {
        var product = await NewProduct();
        using var client = await app.SignedInAsync("Engineer");
        var csv = "Designator,Manufacturer 1,MPN 1,Manufacturer 2,MPN 2\nU1,Texas Instruments,TLV75533PDBVR,Hangzhou Qingda Microelectronics,QD7533-33\n";
        using var uploaded = await UploadAsync(client, product, "Rev A", System.Text.Encoding.UTF8.GetBytes(csv), "two.csv");
        using var confirmed = await Confirm(client, await WebSession.ParseAsync(uploaded), product);
        var revisionUrl = confirmed.Headers.Location!.OriginalString;

        var revision = await client.GetDocumentAsync(revisionUrl);
        var maker = revision.QuerySelector("[data-testid=unverified-makers] li[data-maker='Hangzhou Qingda Microelectronics']")!;
        maker.TextContent.ShouldContain("row 2");

        using var distributor = await client.SubmitAsync(maker.QuerySelectorAll<IHtmlFormElement>("form").ElementAt(1), revisionUrl, new Dictionary<string, string> { ["sameAs"] = "Digi-Key" });
        var refusedPage = await client.GetDocumentAsync(distributor.Headers.Location!.OriginalString);
        refusedPage.QuerySelector("[data-testid=confirm-refusal]")!.TextContent.ShouldContain("'Digi-Key' is not a manufacturer the catalogue or the library knows");

        using var done = await client.SubmitAsync(maker.QuerySelectorAll<IHtmlFormElement>("form").First(), revisionUrl, new Dictionary<string, string>());
        var after = await client.GetDocumentAsync(done.Headers.Location!.OriginalString);
        after.QuerySelector(".alert.success")!.TextContent.ShouldContain("'Hangzhou Qingda Microelectronics' is now a manufacturer of the library");
        after.QuerySelector("[data-testid=unverified-makers]").ShouldBeNull();

        using var viewer = await app.SignedInAsync("Viewer");
        (await viewer.GetDocumentAsync(revisionUrl)).QuerySelectorAll("[data-testid=unverified-makers] form").Length.ShouldBe(0);
    }
}
