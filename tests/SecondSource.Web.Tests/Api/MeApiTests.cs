using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecondSource.Web.Authorization;
using SecondSource.Web.Tests.Infrastructure;
using SecondSource.Web.Tests.Security;

namespace SecondSource.Web.Tests.Api;

public sealed class MeApiTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task A_station_key_sees_its_own_party_and_nothing_of_the_other_manufacturer()
    {
        using var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, app.Credential("Machine", "Pearl River").Secret);

        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("party").GetProperty("kind").GetString().ShouldBe("Manufacturer");
        json.RootElement.GetProperty("party").GetProperty("name").GetString().ShouldStartWith("Pearl River");
        body.ShouldNotContain("Vistula");
    }

    [Fact]
    public async Task Without_a_key_the_api_answers_401_problem_details_naming_the_header()
    {
        using var client = app.CreateBrowserlessClient();

        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("ApiKey header=\"X-Api-Key\"");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("X-Api-Key");
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_never_read()
    {
        using var client = app.CreateBrowserlessClient();
        var key = Uri.EscapeDataString(app.Credential("Machine", "Pearl River").Secret);

        using var response = await client.GetAsync(new Uri($"/api/v1/me?apiKey={key}&X-Api-Key={key}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_malformed_or_doubled_key_is_refused()
    {
        using var client = app.CreateBrowserlessClient();
        using var malformed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        malformed.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, "ssk_not-a-real-key");
        using var doubled = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        doubled.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, [app.Credential("Machine", "Pearl River").Secret, app.Credential("Machine", "Vistula").Secret]);

        (await client.SendAsync(malformed)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.SendAsync(doubled)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_persons_cookie_does_not_authorize_the_machine_api()
    {
        using var client = app.CreateBrowserlessClient();
        var admin = DemoPerson.Of(app, "Admin");
        await client.SignInOrFailAsync(admin.Email, admin.Password);

        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
