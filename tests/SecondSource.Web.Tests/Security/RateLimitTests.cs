using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
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
