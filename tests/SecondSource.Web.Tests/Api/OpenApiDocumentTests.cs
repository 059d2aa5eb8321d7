using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SecondSource.Testing;
using SecondSource.Web.Authorization;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Api;

/// <summary>
/// The OpenAPI document says what a generated client needs: the API-key scheme on every keyed operation and every
/// error response as problem details; and an independent linter (Redocly CLI) finds no error in it.
/// </summary>
public sealed class OpenApiDocumentTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private async Task<string> DocumentAsync()
    {
        using var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, app.Credential("Machine", "Pearl River").Secret);
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Every_keyed_operation_requires_the_api_key_scheme_and_documents_its_errors_as_problem_details()
    {
        using var doc = JsonDocument.Parse(await DocumentAsync());
        var root = doc.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("type").GetString().ShouldBe("apiKey");
        scheme.GetProperty("in").GetString().ShouldBe("header");
        scheme.GetProperty("name").GetString().ShouldBe("X-Api-Key");
        root.GetProperty("components").GetProperty("schemas").TryGetProperty("ProblemDetails", out _).ShouldBeTrue();

        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch").Select(m => (Path: p.Name, Method: m.Name, Op: m.Value)))
            .ToList();
        operations.Count.ShouldBeGreaterThanOrEqualTo(13);
        foreach (var (path, method, op) in operations)
        {
            var where = $"{method} {path}";
            var anonymous = path.StartsWith("/api/v1/provisioning/cas/", StringComparison.Ordinal);
            var security = op.GetProperty("security");
            if (anonymous)
            {
                security.GetArrayLength().ShouldBe(0, where);
                continue;
            }

            security[0].TryGetProperty("ApiKey", out _).ShouldBeTrue(where);
            var responses = op.GetProperty("responses");
            responses.TryGetProperty("401", out var unauthorized).ShouldBeTrue(where);
            unauthorized.GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue(where);
            responses.TryGetProperty("429", out _).ShouldBeTrue(where);
        }

        var upload = root.GetProperty("paths").GetProperty("/api/v1/vault/products/{product}/artifacts/{kind}").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "400", "403", "404", "413", "422" })
        {
            upload.TryGetProperty(status, out var response).ShouldBeTrue(status);
            response.GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue(status);
        }

        var import = root.GetProperty("paths").GetProperty("/api/v1/testdata/lines/{line}/results").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "404", "413", "415", "422" })
        {
            import.TryGetProperty(status, out _).ShouldBeTrue(status);
        }
    }

    [Fact]
    public async Task Redocly_lint_finds_no_error_in_the_document()
    {
        var redocly = Environment.GetEnvironmentVariable("SECONDSOURCE_REDOCLY") is { Length: > 0 } configured
            ? configured
            : TestPaths.InRepository(Path.Combine("artifacts", "tools", "redocly", "node_modules", ".bin", "redocly"));
        if (!File.Exists(redocly))
        {
            Assert.Skip($"Redocly CLI is not installed ({redocly}); .ci/run installs it with npm (@redocly/cli).");
        }

        var folder = Directory.CreateTempSubdirectory("openapi-");
        try
        {
            var file = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, await DocumentAsync());
            var start = new ProcessStartInfo(redocly, ["lint", file, "--format", "stylish"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var all = output + await error;

            process.ExitCode.ShouldBe(0, all);
            all.ShouldNotContain(" error ");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
