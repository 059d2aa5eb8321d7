using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using SecondSource.Application.Persistence;

namespace SecondSource.Web.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, a load balancer) every request comes from the proxy's address, which would put all
/// people in one sign-in rate-limit bucket and write the proxy's address into the access log. With
/// <c>ReverseProxy:KnownProxies</c> (addresses, comma-separated) the client address and scheme are taken from
/// X-Forwarded-For and X-Forwarded-Proto — only on requests that come from one of those addresses, and only the
/// last hop, so a client cannot choose its own address by sending the header itself. Unset, the headers are ignored.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services)
    {
        // Read when the options are first built, from the host's final configuration.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardLimit = 1;
            var proxies = KnownProxies(configuration["ReverseProxy:KnownProxies"]);
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            options.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return services;
    }

    public static IReadOnlyList<IPAddress> KnownProxies(string? configured)
    {
        var proxies = new List<IPAddress>();
        foreach (var text in (configured ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            proxies.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new DatabaseConfigurationException($"ReverseProxy:KnownProxies holds '{text}', which is not an IP address; list the proxies' addresses, comma-separated."));
        }

        return proxies;
    }
}
