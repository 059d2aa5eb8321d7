using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Web.Authorization;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Security;

/// <summary>An app with low limits: 3 sign-in attempts a minute per address, 2 requests a minute per API key.</summary>
public sealed class LowRateLimitsFactory : SecondSourceWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "3",
            ["RateLimits:ApiKeyPerMinute"] = "2",
        }));
    }
}

/// <summary>Sign-in attempts per address and requests per API key are limited: 429 with Retry-After, then a clear word.</summary>
public sealed class RateLimitTests(LowRateLimitsFactory app) : IClassFixture<LowRateLimitsFactory>
{
    [Fact]
    public async Task Sign_in_attempts_over_the_limit_answer_429_with_retry_after()
    {
        using var client = app.CreateBrowserlessClient();
        var admin = app.Credential("Admin");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.SignInAsync(admin.Login.Replace("admin", $"nobody{i}", StringComparison.Ordinal), "not-the-password");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, "a wrong password re-renders the form");
        }

        using var limited = await client.SignInAsync(admin.Login, admin.Secret);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await limited.Content.ReadAsStringAsync()).ShouldStartWith("Too many sign-in attempts from your address.");

        // Reading the sign-in page is not an attempt.
        using var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_api_key_over_its_limit_answers_a_429_problem_with_retry_after()
    {
        using var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, app.Credential("Machine", "Vistula").Secret);
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        using var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("title").GetString().ShouldBe("Too many requests");

        // Another key has its own allowance.
        using var other = app.CreateBrowserlessClient();
        other.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, app.Credential("Machine", "Pearl River").Secret);
        using var fine = await other.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        fine.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>
/// An app behind a reverse proxy at 10.0.0.5 (<c>ReverseProxy:KnownProxies</c>), 2 sign-in attempts a minute per
/// address. The test server has no network peer, so a startup filter gives each request the peer address named in
/// its X-Test-Peer header (default: the proxy).
/// </summary>
public sealed class BehindProxyFactory : SecondSourceWebFactory
{
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "2",
            ["ReverseProxy:KnownProxies"] = "10.0.0.5",
        }));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, proceed) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].FirstOrDefault() ?? "10.0.0.5");
                return proceed(context);
            });
            next(app);
        };
    }
}

/// <summary>Behind a known proxy the sign-in limit counts each client address; a client cannot pick its own.</summary>
public sealed class BehindProxyTests(BehindProxyFactory app) : IClassFixture<BehindProxyFactory>
{
    private async Task<HttpStatusCode> AttemptAsync(string peer, string forwardedFor)
    {
        using var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(BehindProxyFactory.PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SignInAsync("nobody@example.com", "not-the-password");
        return response.StatusCode;
    }

    [Fact]
    public async Task Through_the_known_proxy_each_client_address_has_its_own_sign_in_allowance()
    {
        (await AttemptAsync("10.0.0.5", "198.51.100.1")).ShouldBe(HttpStatusCode.OK);
        (await AttemptAsync("10.0.0.5", "198.51.100.1")).ShouldBe(HttpStatusCode.OK);
        (await AttemptAsync("10.0.0.5", "198.51.100.1")).ShouldBe(HttpStatusCode.TooManyRequests);
        (await AttemptAsync("10.0.0.5", "198.51.100.2")).ShouldBe(HttpStatusCode.OK, "another person behind the same proxy");
        // Only the proxy's own hop counts: an address the client put in front of it is not believed.
        (await AttemptAsync("10.0.0.5", "198.51.100.9, 198.51.100.1")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task From_anywhere_else_the_header_is_ignored()
    {
        (await AttemptAsync("10.0.0.9", "198.51.100.3")).ShouldBe(HttpStatusCode.OK);
        (await AttemptAsync("10.0.0.9", "198.51.100.4")).ShouldBe(HttpStatusCode.OK);
        (await AttemptAsync("10.0.0.9", "198.51.100.5")).ShouldBe(HttpStatusCode.TooManyRequests, "all three came from 10.0.0.9");
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_is_named()
    {
        SecondSource.Web.Hosting.ReverseProxy.KnownProxies("10.0.0.5, ::1").Count.ShouldBe(2);
        Should.Throw<SecondSource.Application.Persistence.DatabaseConfigurationException>(() => SecondSource.Web.Hosting.ReverseProxy.KnownProxies("10.0.0.5,nginx"))
            .Message.ShouldBe("ReverseProxy:KnownProxies holds 'nginx', which is not an IP address; list the proxies' addresses, comma-separated.");
    }
}
