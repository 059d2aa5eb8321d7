using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Hosting;

/// <summary>
/// Rate limits for every request, besides the certificate endpoint's own: sign-in attempts per client address
/// (<c>RateLimits:SignInPerMinute</c>, default 10 — the per-account lockout stops guessing one password, this stops
/// trying many accounts from one place) and requests per API key (<c>RateLimits:ApiKeyPerMinute</c>, default 600).
/// Over the limit the answer is 429 with Retry-After: a problem document for the API, a short page for people.
/// </summary>
public static class RequestRateLimits
{
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services)
    {
        // Read when the options are first built, from the host's final configuration.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var signIn = configuration.GetValue<int?>("RateLimits:SignInPerMinute") ?? 10;
            var perKey = configuration.GetValue<int?>("RateLimits:ApiKeyPerMinute") ?? 600;
            options.GlobalLimiter = Limiter(signIn, perKey);
        });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> Limiter(int signIn, int perKey) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase))
            {
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + address, _ => new FixedWindowRateLimiterOptions { PermitLimit = signIn, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            }

            if (http.User.FindFirstValue(SecondSourceClaims.ApiKeyId) is { } key)
            {
                return RateLimitPartition.GetFixedWindowLimiter("key:" + key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perKey, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            }

            return RateLimitPartition.GetNoLimiter("none");
        });

    /// <summary>The answer to a request over a limit: 429, Retry-After, and what to do.</summary>
    public static async Task RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds;
        if (WebPaths.IsApi(http.Request.Path))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This API key sent more requests in a minute than allowed. Wait {seconds} s and send again.").ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"Too many sign-in attempts from your address. Wait {seconds} seconds and try again.", ct);
    }
}
