using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;
using SecondSource.Web.Authorization;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>
/// The vault across the parties over HTTP: a second-source member fetches and acknowledges what is granted to its line
/// (and gets 404 for anything else, logged); the buyer sees the drift go; stations use the JSON API with their keys.
/// </summary>
public sealed class VaultAccessPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private Task<Guid> Product() => app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync());

    private Task<(Guid Latest, Guid First)> BomRevisions() => app.RunInSystemScopeAsync(async s =>
    {
        var revisions = await s.GetRequiredService<SecondSourceDbContext>().ArtifactRevisions
            .Where(r => s.GetRequiredService<SecondSourceDbContext>().Artifacts.Any(a => a.Id == r.ArtifactId && a.Kind == ArtifactKind.BomAndAvl)).ToListAsync();
        return (revisions.MaxBy(r => r.Number)!.Id, revisions.MinBy(r => r.Number)!.Id);
    });

    [Fact]
    public async Task The_second_source_fetches_and_acknowledges_its_granted_bom_and_the_buyer_sees_the_drift_go()
    {
        var product = await Product();
        using var buyer = await app.SignedInAsync("Engineer");
        var before = await buyer.GetDocumentAsync($"/Vault/Lines?product={product}");
        var cell = before.QuerySelector("[data-testid=sync] tr[data-kind=BomAndAvl] td[data-line^='Vistula']")!;
        cell.GetAttribute("data-state").ShouldBe("Behind");
        cell.TextContent.ShouldContain("on rev 1, rev 2 released");
        before.QuerySelector("[data-testid=nda-state][data-line^='Vistula']")!.TextContent.ShouldContain("expires in 21 d");

        using var member = await app.SignedInAsync("Member", "Vistula");
        var granted = await member.GetDocumentAsync($"/Vault/Granted?product={product}");
        var rows = granted.QuerySelectorAll("[data-testid=granted-line] tbody tr");
        rows.Length.ShouldBe(8);
        granted.QuerySelector("tr[data-kind=BomAndAvl]")!.TextContent.ShouldContain("rev 1, behind");

        using var linked = await member.SubmitFormAsync($"/Vault/Granted?product={product}", new Dictionary<string, string>(), "tr[data-kind=BomAndAvl] form[action='/Vault/Link']");
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var download = await member.GetAsync(linked.Headers.Location))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await download.Content.ReadAsStringAsync()).ShouldContain("Designator", Case.Insensitive);
        }

        // Another manufacturer cannot redeem a link, and no link is given for a revision the line has no grant to.
        using var second = await member.SubmitFormAsync($"/Vault/Granted?product={product}", new Dictionary<string, string>(), "tr[data-kind=BomAndAvl] form[action='/Vault/Link']");
        using var primary = await app.SignedInAsync("Member", "Pearl River");
        using (var foreign = await primary.GetAsync(second.Headers.Location))
        {
            foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var (_, first) = await BomRevisions();
        using var guessed = await member.SubmitFormAsync($"/Vault/Granted?product={product}", new Dictionary<string, string> { ["revision"] = first.ToString() }, "tr[data-kind=BomAndAvl] form[action='/Vault/Link']");
        guessed.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var acknowledged = await member.SubmitFormAsync($"/Vault/Granted?product={product}", new Dictionary<string, string>(), "tr[data-kind=BomAndAvl] form[action='/Vault/Acknowledge']");
        acknowledged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetDocumentAsync($"/Vault/Granted?product={product}")).QuerySelector("tr[data-kind=BomAndAvl]")!.TextContent.ShouldContain("rev 2, current");

        var after = await buyer.GetDocumentAsync($"/Vault/Lines?product={product}");
        after.QuerySelector("[data-testid=sync] tr[data-kind=BomAndAvl] td[data-line^='Vistula']")!.GetAttribute("data-state").ShouldBe("Current");

        using var admin = await app.SignedInAsync("Admin");
        var log = await admin.GetDocumentAsync("/Admin/AccessLog?party=" + Uri.EscapeDataString("Vistula EMS Sp. z o.o. (Gdańsk)"));
        log.QuerySelector("[data-testid=chain-verdict]")!.TextContent.ShouldContain("The hash chain verifies");
        var entries = log.QuerySelectorAll("[data-testid=access-log] tbody tr").Select(r => r.TextContent).ToList();
        entries.ShouldAllBe(e => e.Contains("Vistula"));
        entries[0].ShouldContain("View", customMessage: "the member's last look at the package");
        entries[1].ShouldContain("Acknowledge");
        entries[1].ShouldContain("builds with revision 2");
        entries.ShouldContain(e => e.Contains("Refused") && e.Contains(first.ToString()));
        entries.ShouldContain(e => e.Contains("Download") && e.Contains("BOM and AVL rev 2"));
        entries.ShouldContain(e => e.Contains("View"));
    }

    [Fact]
    public async Task The_buyer_grants_and_revokes_and_records_an_NDA_with_its_document()
    {
        var product = await Product();
        using var engineer = await app.SignedInAsync("Engineer");
        var lines = await engineer.GetDocumentAsync($"/Vault/Lines?product={product}");
        var dongguan = lines.QuerySelectorAll("#line option").Single(o => o.TextContent.StartsWith("Dongguan", StringComparison.Ordinal)).GetAttribute("value")!;
        var until = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var granted = await engineer.SubmitFormAsync($"/Vault/Lines?product={product}", new Dictionary<string, string> { ["kind"] = "Gerbers", ["line"] = dongguan, ["until"] = until }, "[data-testid=grant-form]");
        granted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await engineer.GetDocumentAsync($"/Vault/Lines?product={product}");
        var row = page.QuerySelectorAll("[data-testid=grants] tbody tr").Single(r => r.TextContent.Contains("Dongguan", StringComparison.Ordinal));
        row.TextContent.ShouldContain("no NDA");

        using var missing = await engineer.SubmitFormAsync($"/Vault/Lines?product={product}", new Dictionary<string, string> { ["kind"] = "OdbPlusPlus", ["line"] = dongguan, ["until"] = until }, "[data-testid=grant-form]");
        (await engineer.GetDocumentAsync($"/Vault/Lines?product={product}")).QuerySelector("[data-testid=grant-refusal]")!.TextContent.ShouldContain("has no ODB++");

        var ndas = await engineer.GetDocumentAsync("/Vault/Ndas");
        ndas.QuerySelector("[data-testid=nda-expiring]")!.TextContent.ShouldContain("expires in");
        var token = ndas.QuerySelector("form[action='/Vault/RecordNda'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var manufacturer = ndas.QuerySelectorAll("#manufacturer option").Single(o => o.TextContent.StartsWith("Dongguan", StringComparison.Ordinal)).GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(manufacturer), "manufacturer" },
            { new StringContent("VSM-200 quotation package"), "scope" },
            { new StringContent(DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "signedOn" },
            { new StringContent(DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "expires" },
            { new ByteArrayContent("%PDF-1.4 signed NDA"u8.ToArray()), "document", "nda-dongguan.pdf" },
        };
        using var recorded = await engineer.PostAsync(new Uri("/Vault/RecordNda", UriKind.Relative), form);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var nda = (await engineer.GetDocumentAsync("/Vault/Ndas")).QuerySelector("[data-testid=ndas] tr[data-manufacturer^='Dongguan']")!;
        nda.TextContent.ShouldContain("live");
        using (var document = await engineer.GetAsync(new Uri(nda.QuerySelector("a")!.GetAttribute("href")!, UriKind.Relative)))
        {
            (await document.Content.ReadAsStringAsync()).ShouldBe("%PDF-1.4 signed NDA");
        }

        var grantRow = (await engineer.GetDocumentAsync($"/Vault/Lines?product={product}")).QuerySelectorAll("[data-testid=grants] tbody tr").Single(r => r.TextContent.Contains("Dongguan", StringComparison.Ordinal));
        grantRow.TextContent.ShouldContain("access");
        using var asked = await engineer.SubmitFormAsync($"/Vault/Lines?product={product}", new Dictionary<string, string> { ["reason"] = "quotation closed" },
            $"[data-testid=grants] tr[data-grant='{grantRow.GetAttribute("data-grant")}'] form");
        asked.StatusCode.ShouldBe(HttpStatusCode.OK, "a revocation is confirmed first");
        var confirmation = await WebSession.ParseAsync(asked);
        using var revoked = await engineer.SubmitAsync(confirmation.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("[data-testid=confirmation] form")!, "/Vault/Revoke", new Dictionary<string, string>());
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await engineer.GetDocumentAsync($"/Vault/Lines?product={product}")).QuerySelectorAll("[data-testid=grants] tbody tr")
            .Single(r => r.TextContent.Contains("Dongguan", StringComparison.Ordinal)).TextContent.ShouldContain("grant revoked");
    }

    [Fact]
    public async Task Stations_list_and_stream_what_is_granted_and_the_buyer_key_uploads_with_a_size_limit()
    {
        using var station = app.CreateBrowserlessClient();
        station.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, app.Credential("Machine", "Pearl River").Secret);
        var items = await station.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/vault/products/AUR-VSM200/package", UriKind.Relative));
        items.GetArrayLength().ShouldBe(8);
        var firmware = items.EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "FirmwareBinary");
        using (var content = await station.GetAsync(new Uri($"/api/v1/vault/revisions/{firmware.GetProperty("revisionId").GetString()}/content", UriKind.Relative)))
        {
            content.StatusCode.ShouldBe(HttpStatusCode.OK);
            content.Headers.GetValues("X-Content-SHA256").Single().ShouldBe(firmware.GetProperty("sha256").GetString());
            (await content.Content.ReadAsByteArrayAsync()).Length.ShouldBe(firmware.GetProperty("size").GetInt32());
        }

        var (_, first) = await BomRevisions();
        using (var refused = await station.GetAsync(new Uri($"/api/v1/vault/revisions/{first}/content", UriKind.Relative)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var buyerKey = await app.RunInSystemScopeAsync(async s =>
        {
            var buyer = await s.GetRequiredService<SecondSourceDbContext>().Parties.Where(p => p.Kind == Domain.Parties.PartyKind.Buyer).Select(p => p.Id).SingleAsync();
            return (await s.GetRequiredService<Application.Parties.CreateApiKeyHandler>().HandleAsync(new Application.Parties.CreateApiKeyRequest(buyer, "PLM export", "test"), CancellationToken.None)).Value!.Token;
        });
        using var plm = app.CreateBrowserlessClient();
        plm.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, buyerKey);
        using var body = new ByteArrayContent("G04 drawing*\nM02*\n"u8.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using (var created = await plm.PostAsync(new Uri("/api/v1/vault/products/AUR-VSM200/artifacts/AssemblyDrawing?fileName=../../etc/asm.gbr&note=first", UriKind.Relative), body))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            var json = await created.Content.ReadFromJsonAsync<JsonElement>();
            json.GetProperty("number").GetInt32().ShouldBe(1);
        }

        (await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().ArtifactRevisions.OrderByDescending(r => r.UploadedAt).Select(r => r.FileName).FirstAsync()))
            .ShouldBe("asm.gbr", "a file name is a label, never a path");

        using var huge = new ByteArrayContent([1, 2, 3]);
        huge.Headers.ContentLength = Application.Vault.VaultStore.MaxFileBytes + 1;
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "/api/v1/vault/products/AUR-VSM200/artifacts/Mechanical?fileName=case.step") { Content = huge };
        using (var answer = await plm.SendAsync(tooLarge))
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        }

        using var stationUpload = new ByteArrayContent([1, 2, 3]);
        using (var forbidden = await station.PostAsync(new Uri("/api/v1/vault/products/AUR-VSM200/artifacts/Mechanical?fileName=x.step", UriKind.Relative), stationUpload))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task The_access_log_reads_newest_or_oldest_first_and_says_a_filter_it_does_not_know()
    {
        using var admin = await app.SignedInAsync("Admin");
        static List<long> Sequences(AngleSharp.Dom.IDocument page) =>
            [.. page.QuerySelectorAll("[data-testid=access-log] tbody tr").Select(r => long.Parse(r.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture))];
        var newest = Sequences(await admin.GetDocumentAsync("/Admin/AccessLog"));
        newest.Count.ShouldBeGreaterThan(1);
        newest.ShouldBeInOrder(SortDirection.Descending);
        var oldest = Sequences(await admin.GetDocumentAsync("/Admin/AccessLog?oldest=true"));
        oldest.ShouldBeInOrder(SortDirection.Ascending);
        oldest[0].ShouldBe(1, "the chain starts at 1");

        var unknown = await admin.GetDocumentAsync("/Admin/AccessLog?what=Teleport");
        unknown.QuerySelector("[role=alert]")!.TextContent.ShouldBe("The list does not know 'Teleport' for what; it shows the default there.");
        Sequences(unknown).ShouldBe(newest);
    }
}
