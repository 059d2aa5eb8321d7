using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Boms;
using SecondSource.Application.Parties;
using SecondSource.Domain.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Formats.Boms;
using SecondSource.Testing;
using SecondSource.Web.Authorization;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Api;

/// <summary>BOM revisions over the API: drafts only for the buyer's key, release and delete by the buyer's key, the comparison for both.</summary>
public sealed class BomsApiTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private HttpClient Key(string token)
    {
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, token);
        return client;
    }

    [Fact]
    public async Task The_buyers_key_releases_and_deletes_drafts_a_manufacturers_key_sees_released_revisions_only()
    {
        var draft = await app.RunInSystemScopeAsync(async s =>
        {
            var product = await s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();
            await using var file = File.OpenRead(Samples.RealBom("glasgow_revC3_bom.csv"));
            var sha = await s.GetRequiredService<ImportStaging>().StageAsync(file, CancellationToken.None);
            return (await s.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
                new ImportBomRevisionRequest(product, sha, "glasgow_revC3_bom.csv", "Rev C api", new BomReadOptions(), "engineer@example.com"), CancellationToken.None)).Value!.RevisionId;
        });
        var buyerToken = await app.RunInSystemScopeAsync(async s =>
        {
            var buyerParty = (await s.GetRequiredService<PartyQueries>().ListAsync(CancellationToken.None)).Single(p => p.Kind == PartyKind.Buyer);
            return (await s.GetRequiredService<CreateApiKeyHandler>().HandleAsync(new CreateApiKeyRequest(buyerParty.Id, "PLM sync job", "test"), CancellationToken.None)).Value!.Token;
        });
        using var buyer = Key(buyerToken);
        using var cm = Key(app.Credential("Machine", "Pearl River").Secret);

        static async Task<List<(string Label, string Status)>> Revisions(HttpClient client)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/boms/products/AUR-VSM200/revisions", UriKind.Relative)));
            return [.. json.RootElement.EnumerateArray().Select(r => (r.GetProperty("label").GetString()!, r.GetProperty("status").GetString()!))];
        }

        (await Revisions(buyer)).ShouldBe([("Rev C api", "draft"), ("Rev B", "current")]);
        (await Revisions(cm)).ShouldBe([("Rev B", "current")]);

        using (var forbidden = await cm.PostAsJsonAsync(new Uri($"/api/v1/boms/revisions/{draft}/release", UriKind.Relative), new { note = "x" }))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var noNote = await buyer.PostAsJsonAsync(new Uri($"/api/v1/boms/revisions/{draft}/release", UriKind.Relative), new { note = "" }))
        {
            noNote.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }

        using (var released = await buyer.PostAsJsonAsync(new Uri($"/api/v1/boms/revisions/{draft}/release", UriKind.Relative), new { note = "ECO-31 over the API" }))
        {
            released.StatusCode.ShouldBe(HttpStatusCode.OK, await released.Content.ReadAsStringAsync());
        }

        (await Revisions(cm)).ShouldBe([("Rev C api", "current"), ("Rev B", "superseded")]);
        using (var diff = JsonDocument.Parse(await cm.GetStringAsync(new Uri("/api/v1/boms/products/AUR-VSM200/diff?before=Rev%20B&after=Rev%20C%20api", UriKind.Relative))))
        {
            (diff.RootElement.GetProperty("added").GetInt32() + diff.RootElement.GetProperty("changed").GetInt32()).ShouldBeGreaterThan(0);
            diff.RootElement.GetProperty("changes").GetArrayLength().ShouldBeGreaterThan(0);
        }

        using (var refused = await buyer.DeleteAsync(new Uri($"/api/v1/boms/revisions/{draft}", UriKind.Relative)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
    }
}
