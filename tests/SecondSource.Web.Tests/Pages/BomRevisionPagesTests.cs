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

        using var confirmed = await client.SubmitAsync(preview.QuerySelector<IHtmlFormElement>("[data-testid=bom-confirm]")!, $"/Products/ImportBom?product={product}", new Dictionary<string, string>());
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var revisionUrl = confirmed.Headers.Location!.OriginalString;
        revisionUrl.ShouldStartWith("/Products/Revision?id=");
        var revision = await client.GetDocumentAsync(revisionUrl);

        revision.QuerySelector(".alert.success")!.TextContent.ShouldContain("Imported glasgow_revC3_bom.csv as 'Rev C3'");
        revision.QuerySelector("[data-testid=audit-summary]")!.TextContent.ShouldContain("critical lines dual-sourced");
        revision.QuerySelectorAll("[data-testid=revision-lines] tbody tr").Length.ShouldBeGreaterThan(50);
        (await RevisionCount(product)).ShouldBe(1);
        var ruleLink = revision.QuerySelector("[data-testid=findings-per-rule] a[href*='rule=single-source-critical']")!;
        var expected = int.Parse(ruleLink.ParentElement!.TextContent.Split(':')[^1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var filtered = await client.GetDocumentAsync(ruleLink.GetAttribute("href")!.Replace("&amp;", "&", StringComparison.Ordinal));
        filtered.QuerySelectorAll("[data-testid=revision-lines] tbody tr").Length.ShouldBe(expected);
        filtered.QuerySelectorAll("[data-testid=revision-lines] tbody tr").ShouldAllBe(r => r.TextContent.Contains("is critical and", StringComparison.Ordinal));
        var unknownRule = await client.GetDocumentAsync(revisionUrl + "&rule=nonsense");
        unknownRule.QuerySelector(".alert.error")!.TextContent.ShouldContain("There is no audit rule 'nonsense'");
        var list = await client.GetDocumentAsync($"/Products/Bom?id={product}");
        list.QuerySelectorAll("[data-testid=revisions] tbody tr").Single().TextContent.ShouldContain("Rev C3");

        using var again = await UploadAsync(client, product, "Rev C3 again", bytes, "copy.csv");
        var againPreview = await WebSession.ParseAsync(again);
        using var reconfirmed = await client.SubmitAsync(againPreview.QuerySelector<IHtmlFormElement>("[data-testid=bom-confirm]")!, $"/Products/ImportBom?product={product}", new Dictionary<string, string>());
        reconfirmed.Headers.Location!.OriginalString.ShouldBe(revisionUrl, "the same file is the same revision");
        (await client.GetDocumentAsync(revisionUrl)).QuerySelector(".alert.success")!.TextContent.ShouldContain("was already imported");
        (await RevisionCount(product)).ShouldBe(1);
    }

    [Fact]
    public async Task A_file_name_posted_with_a_path_is_stored_as_its_name_only()
    {
        var product = await NewProduct();
        using var client = await app.SignedInAsync("Engineer");
        using var uploaded = await UploadAsync(client, product, "Rev A", "Designator,Manufacturer,MPN\nU1,Texas Instruments,TLV75533PDBVR\n"u8.ToArray(), "board.csv");
        var preview = await WebSession.ParseAsync(uploaded);

        using var confirmed = await client.SubmitAsync(preview.QuerySelector<IHtmlFormElement>("[data-testid=bom-confirm]")!, $"/Products/ImportBom?product={product}",
            new Dictionary<string, string> { ["FileName"] = "../../secret/board.csv" });

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
}
