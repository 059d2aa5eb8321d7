using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Application.TestData;
using SecondSource.Domain.TestData;
using SecondSource.Web.Authorization;
using SecondSource.Web.Api;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Api;

/// <summary>Stations post test results with their key: own lines only, idempotent, refusals named, limits enforced.</summary>
public sealed class TestDataApiTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private const string Log = "serial,batch,station,run_start,run_result,measurement,value,unit,low,high,result\n"
        + "PR-000001,PR-W48,ICT-3,2026-11-26T02:00:00Z,Passed,VCC_3V3,3301,mV,3200,3400,Passed\n"
        + "PR-000001,PR-W48,ICT-3,2026-11-26T02:00:00Z,Passed,R12,28.3,kOhm,28,28.4,Passed\n"
        + "PR-000002,PR-W48,ICT-3,2026-11-26T02:01:00Z,Failed,VCC_3V3,3.1,V,3.2,3.4,Failed\n"
        + "PR-000002,PR-W48,ICT-3,2026-11-26T02:01:00Z,Failed,R12,28100,Ohm,28000,28400,Passed\n";

    private async Task<(LineRef Primary, LineRef Second)> LinesAsync()
    {
        return await app.RunInSystemScopeAsync(async s =>
        {
            var lines = await s.GetRequiredService<TestDataQueries>().LinesAsync(CancellationToken.None);
            var primary = lines.Single(l => l.Name.StartsWith("Pearl River", StringComparison.Ordinal));
            var product = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id));
            await s.GetRequiredService<CreateTestBatchHandler>().HandleAsync(new CreateTestBatchRequest(product, primary.Id, "PR-W48", BatchKind.Production, 400,
                new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), null, "test"), CancellationToken.None);
            return (primary, lines.Single(l => l.Name.StartsWith("Vistula", StringComparison.Ordinal)));
        });
    }

    private HttpClient Station()
    {
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, app.Credential("Machine", "Pearl River").Secret);
        return client;
    }

    private static StringContent Body(string text, string media) => new(text, Encoding.UTF8, media);

    [Fact]
    public async Task A_station_posts_its_lines_results_once_and_a_retry_changes_nothing()
    {
        var (primary, second) = await LinesAsync();
        using var station = Station();

        using var first = await station.PostAsync(new Uri($"/api/v1/testdata/lines/{primary.Id}/results?fileName=ict3-w48.csv", UriKind.Relative), Body(Log, "text/csv"));
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var stored = await first.Content.ReadFromJsonAsync<JsonElement>();
        (stored.GetProperty("runs").GetInt32(), stored.GetProperty("newUnits").GetInt32(), stored.GetProperty("measurements").GetInt64()).ShouldBe((2, 2, 4L));

        using var retry = await station.PostAsync(new Uri($"/api/v1/testdata/lines/{primary.Id}/results", UriKind.Relative), Body(Log, "text/csv"));
        (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyImported").GetBoolean().ShouldBeTrue();

        using var foreign = await station.PostAsync(new Uri($"/api/v1/testdata/lines/{second.Id}/results", UriKind.Relative), Body(Log, "text/csv"));
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a key writes only its own party's lines");
    }

    [Fact]
    public async Task Bad_results_are_refused_with_their_line_and_nothing_is_stored()
    {
        var (primary, _) = await LinesAsync();
        using var station = Station();

        using var bad = await station.PostAsync(new Uri($"/api/v1/testdata/lines/{primary.Id}/results?fileName=bad.csv", UriKind.Relative),
            Body(Log.Replace("28.3,kOhm", "28.3,furlong", StringComparison.Ordinal), "text/csv"));
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldBe("bad.csv, line 3, field unit: 'furlong' is not a unit SecondSource knows (V, A, Ohm, F, H, Hz, s, W with SI prefixes; %, ppm, dB, dBm, °C)");

        using var cfx = await station.PostAsync(new Uri($"/api/v1/testdata/lines/{primary.Id}/results", UriKind.Relative), Body("{\"MessageName\": \"x\"}", "application/json"));
        (await cfx.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("a CFX message names no batch");

        using var xml = await station.PostAsync(new Uri($"/api/v1/testdata/lines/{primary.Id}/results", UriKind.Relative), Body("<x/>", "application/xml"));
        xml.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        using var huge = new ByteArrayContent([1, 2, 3]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        huge.Headers.ContentLength = TestDataApi.MaxBodyBytes + 1;
        using var tooLarge = await station.PostAsync(new Uri($"/api/v1/testdata/lines/{primary.Id}/results", UriKind.Relative), huge);
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        (await app.RunInSystemScopeAsync(s => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            s.GetRequiredService<SecondSourceDbContext>().TestDataImports.Where(i => i.FileName == "bad.csv")))).ShouldBeFalse("a refused body leaves no import behind");
    }

    [Fact]
    public async Task A_key_bound_to_a_line_writes_that_line_only()
    {
        var (primary, second) = await LinesAsync();
        var (bound, refused) = await app.RunInSystemScopeAsync(async s =>
        {
            var create = s.GetRequiredService<Application.Parties.CreateApiKeyHandler>();
            var ok = await create.HandleAsync(new Application.Parties.CreateApiKeyRequest(primary.PartyId, "ICT-3 station", "test", LineId: primary.Id), CancellationToken.None);
            var wrong = await create.HandleAsync(new Application.Parties.CreateApiKeyRequest(primary.PartyId, "ICT-9", "test", LineId: second.Id), CancellationToken.None);
            return (ok.Value!.Token, wrong.Failure!.Message);
        });
        refused.ShouldStartWith("The line is not one of Pearl River");

        using var station = app.CreateBrowserlessClient();
        station.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, bound);
        var log = Log.Replace("PR-00000", "PR-B0000", StringComparison.Ordinal);
        using var own = await station.PostAsync(new Uri($"/api/v1/testdata/lines/{primary.Id}/results", UriKind.Relative), Body(log, "text/csv"));
        own.StatusCode.ShouldBe(HttpStatusCode.OK, await own.Content.ReadAsStringAsync());

        using var other = await station.PostAsync(new Uri($"/api/v1/testdata/lines/{Guid.NewGuid()}/results", UriKind.Relative), Body(log, "text/csv"));
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("This key is bound to another line.");
    }
}
