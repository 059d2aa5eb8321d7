using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>The transfer-package vault over HTTP: upload a revision, download it, see both in the verified access log.</summary>
public sealed class VaultPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private Task<Guid> Product() => app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task An_engineer_uploads_a_revision_downloads_it_and_the_admin_sees_both_in_the_verified_log()
    {
        var product = await Product();
        using var engineer = await app.SignedInAsync("Engineer");
        var page = await engineer.GetDocumentAsync($"/Vault/Package?product={product}");
        page.QuerySelectorAll("[data-testid=package] tbody tr").Length.ShouldBe(13);
        var row = page.QuerySelector("[data-testid=package] tr[data-kind=FctVectors]")!;
        row.TextContent.ShouldContain("missing");
        var form = row.QuerySelector<IHtmlFormElement>("form")!;
        var content = "step,net,low,high\n1,VCC_3V3,3.20,3.40\n"u8.ToArray();
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(form.Elements.OfType<IHtmlInputElement>().Single(i => i.Name == "__RequestVerificationToken").Value), "__RequestVerificationToken" },
            { new StringContent(product.ToString()), "product" },
            { new StringContent("FctVectors"), "kind" },
            { new StringContent("Rev B release"), "note" },
            { new ByteArrayContent(content), "file", "vsm200-fct-vectors-v1.csv" },
        };

        using var posted = await engineer.PostAsync(new Uri("/Vault/Upload", UriKind.Relative), upload);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await engineer.GetDocumentAsync($"/Vault/Package?product={product}");
        after.QuerySelector(".alert.success")!.TextContent.ShouldContain("vsm200-fct-vectors-v1.csv is revision 1 of FCT vectors");
        using var linked = await engineer.SubmitFormAsync($"/Vault/Package?product={product}", new Dictionary<string, string>(), "[data-testid=package] tr[data-kind=FctVectors] form[action='/Vault/Link']");
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = linked.Headers.Location!.OriginalString;
        link.ShouldStartWith("/Vault/Fetch?token=");
        using var download = await engineer.GetAsync(new Uri(link, UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        using (var again = await engineer.GetAsync(new Uri(link, UriKind.Relative)))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a download link is single-use");
        }

        using var admin = await app.SignedInAsync("Admin");
        var log = await admin.GetDocumentAsync("/Admin/AccessLog");
        log.QuerySelector("[data-testid=chain-verdict]")!.TextContent.ShouldContain("The hash chain verifies");
        var rows = log.QuerySelectorAll("[data-testid=access-log] tbody tr").Select(r => r.TextContent).ToList();
        rows[0].ShouldContain("Refused");
        rows[0].ShouldContain("the link was already used");
        rows[1].ShouldContain("Download");
        rows[1].ShouldContain("FCT vectors rev 1");
        rows[2].ShouldContain("Upload");
    }

    [Fact]
    public async Task A_manufacturer_gets_no_transfer_package_link_and_an_empty_upload_is_refused()
    {
        var product = await Product();
        using var member = await app.SignedInAsync("Member", "Vistula");
        (await member.GetDocumentAsync($"/Products/Bom?id={product}")).QuerySelectorAll("a[href^='/Vault/Package']").ShouldBeEmpty();

        using var engineer = await app.SignedInAsync("Engineer");
        using var refused = await engineer.SubmitFormAsync($"/Vault/Package?product={product}", new Dictionary<string, string>(), "[data-testid=package] tr[data-kind=TestPlan] form[action='/Vault/Upload']");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await engineer.GetDocumentAsync($"/Vault/Package?product={product}")).QuerySelector("[data-testid=upload-refusal]")!.TextContent.ShouldContain("Choose the file");
    }

    [Fact]
    public async Task The_golden_units_are_edited_as_a_list_and_each_save_is_a_new_revision()
    {
        var product = await Product();
        using var engineer = await app.SignedInAsync("Engineer");
        var page = await engineer.GetDocumentAsync($"/Vault/GoldenUnits?product={product}");
        page.QuerySelectorAll("[data-testid=golden-units] tbody tr").Length.ShouldBe(3);
        page.QuerySelector("#units")!.TextContent.ShouldContain("AUR2611-000103; reserved for the second-source pilot");

        using var bad = await engineer.SubmitFormAsync($"/Vault/GoldenUnits?product={product}", new Dictionary<string, string> { ["units"] = "AUR2611-000101; Lund\nAUR2611-000104" }, "[data-testid=golden-form]");
        bad.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await engineer.GetDocumentAsync($"/Vault/GoldenUnits?product={product}")).QuerySelector("[data-testid=golden-refusal]")!.TextContent.ShouldContain("Line 2: write 'serial; location; note'");

        var edited = page.QuerySelector("#units")!.TextContent.Replace("to ship to Gdansk", "arrived at Vistula, Gdansk: QA cage 1", StringComparison.Ordinal);
        using var saved = await engineer.SubmitFormAsync($"/Vault/GoldenUnits?product={product}", new Dictionary<string, string> { ["units"] = edited, ["note"] = "GU-0003 delivered" }, "[data-testid=golden-form]");
        var after = await engineer.GetDocumentAsync($"/Vault/GoldenUnits?product={product}");
        after.QuerySelector(".alert.success")!.TextContent.ShouldContain("is revision 2");
        after.QuerySelector("[data-testid=golden-units]")!.TextContent.ShouldContain("arrived at Vistula, Gdansk: QA cage 1");

        using var member = await app.SignedInAsync("Member", "Vistula");
        using var refused = await member.GetAsync(new Uri($"/Vault/GoldenUnits?product={product}", UriKind.Relative));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task Revoking_a_grant_first_says_what_the_line_loses_and_changes_nothing_until_confirmed()
    {
        var product = await Product();
        using var engineer = await app.SignedInAsync("Engineer");
        var url = $"/Vault/Lines?product={product}";
        var lines = await engineer.GetDocumentAsync(url);
        var form = lines.QuerySelectorAll<IHtmlFormElement>("form[action='/Vault/Revoke']").First();
        var grant = form.Elements.OfType<IHtmlInputElement>().Single(i => i.Name == "grant").Value;
        bool Revoked() => app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().VaultGrants.Where(g => g.Id == Guid.Parse(grant)).Select(g => g.RevokedAt != null).SingleAsync()).GetAwaiter().GetResult();

        using var asked = await engineer.SubmitAsync(form, url, new Dictionary<string, string> { ["reason"] = "Supplier audit finding" });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirmation = await WebSession.ParseAsync(asked);
        confirmation.QuerySelector("[data-testid=confirmation] h1")!.TextContent.ShouldBe("Revoke this grant?");
        confirmation.QuerySelector("[data-testid=consequences]")!.TextContent.ShouldContain("loses access to the item through this grant at once");
        confirmation.QuerySelector("[data-testid=confirmation] a.button")!.GetAttribute("href").ShouldBe(url);
        Revoked().ShouldBeFalse("nothing changes before the confirmation");

        using var done = await engineer.SubmitAsync(confirmation.QuerySelector<IHtmlFormElement>("[data-testid=confirmation] form")!, url, new Dictionary<string, string>());
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Revoked().ShouldBeTrue();
    }
}
