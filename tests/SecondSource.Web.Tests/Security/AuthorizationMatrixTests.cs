using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Security;

/// <summary>
/// Security checklist T-01: every endpoint of the app, every method and page handler, every principal, against
/// the reviewed table in AccessMatrix.txt. A new endpoint without a row fails here.
/// </summary>
public sealed partial class AuthorizationMatrixTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private sealed record Row(string Kind, string Method, string Handler, string Route, IReadOnlyDictionary<string, char> Expected)
    {
        public string Key => $"{Kind} {Method} {Handler} {Route}";
    }

    private sealed record Target(string Kind, string Method, string Handler, string Route, string RequestPath)
    {
        public string Key => $"{Kind} {Method} {Handler} {Route}";
    }

    [Fact]
    public async Task Every_endpoint_answers_every_principal_as_the_matrix_says()
    {
        var matrix = ReadMatrix();
        var targets = await DiscoverEndpointsAsync();
        await using var principals = await Principals.CreateAsync(app);
        var failures = new List<string>();

        failures.AddRange(targets.Where(t => !matrix.ContainsKey(t.Key)).Select(t => $"no matrix row for {t.Key}"));
        failures.AddRange(matrix.Keys.Where(k => targets.All(t => t.Key != k)).Select(k => $"matrix row for an endpoint that does not exist: {k}"));

        foreach (var target in targets.Where(t => matrix.ContainsKey(t.Key)))
        {
            foreach (var name in Principals.Names)
            {
                using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.RequestPath);
                if (target.Method == "POST")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await principals.Clients[name].SendAsync(request);
                var actual = Classify(response);
                var expected = matrix[target.Key].Expected[name];
                if (actual != expected)
                {
                    failures.Add($"{target.Key} as {name}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        targets.Count.ShouldBeGreaterThan(20);
        failures.ShouldBeEmpty();
    }

    /// <summary>
    /// CSRF: every page handler that changes state refuses a post without its antiforgery token (400), whoever is
    /// signed in; only the error page, which changes nothing, takes one. The JSON API takes API keys only, never the
    /// session cookie (the matrix's API rows answer C to every person), so it cannot be driven from another site.
    /// </summary>
    [Fact]
    public async Task Every_form_post_without_its_antiforgery_token_is_refused()
    {
        var matrix = ReadMatrix();
        var targets = (await DiscoverEndpointsAsync()).Where(t => t is { Kind: "PAGE", Method: "POST" } && t.Route != "/Error").ToList();
        await using var principals = await Principals.CreateAsync(app);
        var failures = new List<string>();
        foreach (var target in targets)
        {
            // Whoever the matrix lets through: the refusal must come from the missing token, not from authorization.
            var who = Principals.Names.Where(n => n is not "anon" and not "disabled").FirstOrDefault(n => matrix[target.Key].Expected[n] == 'A');
            if (who is null)
            {
                continue;
            }

            using var response = await principals.Clients[who].PostAsync(new Uri(target.RequestPath, UriKind.Relative), new FormUrlEncodedContent([]));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{target.Key} as {who}: {(int)response.StatusCode} without a token");
            }
        }

        targets.Count.ShouldBeGreaterThan(40);
        failures.ShouldBeEmpty();
    }

    private static char Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return 'E';
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location.Contains("/Account/Login", StringComparison.Ordinal) => 'C',
            HttpStatusCode.Redirect when location.Contains("/Account/AccessDenied", StringComparison.Ordinal) => 'F',
            HttpStatusCode.Unauthorized => 'C',
            HttpStatusCode.Forbidden => 'F',
            _ => 'A',
        };
    }

    private async Task<List<Target>> DiscoverEndpointsAsync()
    {
        _ = app.Server;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var targets = new List<Target>();
        foreach (var group in endpoints.GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath ?? "/" + e.RoutePattern.RawText!.TrimStart('/')))
        {
            var endpoint = group.OrderBy(e => e.RoutePattern.RawText!.Length).First();
            // Route values that must parse (a guid) get one, so the request reaches the endpoint and not the API's fallback.
            var path = GuidParameter().Replace("/" + endpoint.RoutePattern.RawText!.TrimStart('/').Replace("{documentName}", "v1", StringComparison.Ordinal), Guid.Empty.ToString());
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var request = handler.Name is null ? path : $"{path}?handler={handler.Name}";
                    targets.Add(new Target("PAGE", method, handler.Name ?? "-", page.ViewEnginePath, request));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                targets.AddRange(methods.Select(m => new Target("API", m, "-", group.Key, path)));
            }
        }

        return targets.DistinctBy(t => t.Key).ToList();
    }

    private static Dictionary<string, Row> ReadMatrix()
    {
        var rows = new Dictionary<string, Row>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Security", "AccessMatrix.txt")))
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            cells.Length.ShouldBe(4 + Principals.Names.Length, $"matrix line: {line}");
            var expected = Principals.Names.Select((name, i) => (name, cell: cells[4 + i].Single())).ToDictionary(x => x.name, x => x.cell);
            var row = new Row(cells[0], cells[1], cells[2], cells[3], expected);
            rows.Add(row.Key, row);
        }

        return rows;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\w+:guid\}")]
    private static partial System.Text.RegularExpressions.Regex GuidParameter();
}
