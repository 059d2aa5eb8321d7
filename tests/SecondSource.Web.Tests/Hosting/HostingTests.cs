using System.Net;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Hosting;

public sealed class HostingTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_credentials(string path)
    {
        using var client = app.CreateBrowserlessClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers_and_no_server_banner()
    {
        using var client = app.CreateBrowserlessClient();

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("object-src 'none'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("base-uri 'none'");
        response.Headers.Contains("Server").ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_address_sends_an_anonymous_visitor_to_sign_in_without_saying_whether_it_exists()
    {
        using var client = app.CreateBrowserlessClient();

        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404_page_for_a_signed_in_person()
    {
        using var client = app.CreateBrowserlessClient();
        var viewer = app.Credential("Viewer");
        await client.SignInOrFailAsync(viewer.Login, viewer.Secret);

        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await WebSession.ParseAsync(response)).QuerySelector("h1")!.TextContent.ShouldBe("Not found");
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_for_a_machine()
    {
        using var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(Authorization.ApiKeyAuthenticationHandler.HeaderName, app.Credential("Machine", "Vistula").Secret);

        using var response = await client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        using var client = app.CreateBrowserlessClient();

        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "admin@aurora-medical.example",
            ["Password"] = "whatever-it-is",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
