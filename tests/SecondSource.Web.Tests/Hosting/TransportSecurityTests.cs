using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Hosting;

/// <summary>
/// Transport-level protections. The session, antiforgery and notice cookies carry the Secure flag on every HTTPS request, and on every request at
/// all for the session where Security:SecureCookies is Always (a deployment that must never send it in clear).
/// </summary>
public sealed class TransportSecurityTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    [Fact]
    public async Task Cookies_are_secure_on_https_and_everywhere_when_the_setting_says_always()
    {
        using var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var overHttp = await plain.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var httpCookie = Cookies(overHttp).Single(c => c.StartsWith("SecondSource.Antiforgery=", StringComparison.Ordinal));
        httpCookie.ShouldNotContain("secure", Case.Insensitive, "plain HTTP in development or behind nothing: the browser would drop a Secure cookie");

        using var tls = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        using var overHttps = await tls.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        Cookies(overHttps).Single(c => c.StartsWith("SecondSource.Antiforgery=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
        var admin = app.Credential("Admin");
        using var signedIn = await tls.SignInAsync(admin.Login, admin.Secret);
        Cookies(signedIn).Single(c => c.StartsWith("SecondSource.Session=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);

        // Forced: the session cookie is Secure even on a plain-HTTP request (a proxy that terminates TLS without saying so).
        using var forced = app.WithWebHostBuilder(b => b.UseSetting("Security:SecureCookies", "Always"));
        using var client = forced.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var forcedSignIn = await client.SignInAsync(admin.Login, admin.Secret);
        forcedSignIn.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        Cookies(forcedSignIn).Single(c => c.StartsWith("SecondSource.Session=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public void An_unknown_setting_is_refused_naming_the_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Security:SecureCookies"] = "Sometimes" }).Build();
        Should.Throw<SecondSource.Application.Persistence.DatabaseConfigurationException>(() => SecondSource.Web.Hosting.WebServiceCollectionExtensions.SecureCookiePolicy(configuration))
            .Message.ShouldBe("Security:SecureCookies is 'Sometimes'; use SameAsRequest (Secure on HTTPS requests, the default) or Always.");
    }

    [Fact]
    public async Task A_page_upload_over_the_limit_is_a_413_with_the_limit_in_words_not_a_400()
    {
        using var engineer = await app.SignedInAsync("Engineer");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[(10 << 20) + 1]), "file", "huge.csv");
        using var answer = await engineer.PostAsync(new Uri("/Products/New", UriKind.Relative), form);
        answer.StatusCode.ShouldBe(System.Net.HttpStatusCode.RequestEntityTooLarge);
        var page = await WebSession.ParseAsync(answer);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Too large");
        page.Body!.TextContent.ShouldContain("at most 10 MiB at once. Nothing was stored.");
    }
}
