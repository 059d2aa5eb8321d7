using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application;
using SecondSource.Application.Persistence;
using SecondSource.Application.TestData;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Api;

/// <summary>
/// Test results from stations, with an API key: a long-CSV log or IPC-CFX UnitsTested messages (one, or one per line)
/// in the body, for one of the key's own lines (another party's line is 404, and so is any other line when the key is
/// bound to one). The body streams to a temporary file
/// (413 over the limit, before it is stored), then imports in one transaction; the same body twice changes nothing and
/// a run already stored (unit, start, station) is skipped, so a station may simply retry.
/// </summary>
public static class TestDataApi
{
    /// <summary>The largest body a station may send at once.</summary>
    public const long MaxBodyBytes = 1L << 30;

    public sealed record ImportResponse(bool AlreadyImported, int Runs, int SkippedRuns, int NewUnits, long Measurements, int Defects, IReadOnlyList<string> Batches);

    public static IEndpointRouteBuilder MapTestDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/testdata").RequireAuthorization(Policies.Machine).WithTags("Test data");
        api.MapPost("/lines/{line:guid}/results", Import).WithName("ImportTestResults").ProducesProblems(400, 404, 413, 415, 422)
            .WithSummary("Import test results for one of the key's lines: text/csv (long CSV) or application/json (CFX UnitsTested; ?batch= required)")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> Import(Guid line, [FromQuery] string? batch, [FromQuery] string? fileName, HttpContext http,
        ImportTestDataHandler import, DatabaseSettings settings, CancellationToken ct)
    {
        if (http.User.FindFirst(SecondSourceClaims.LineId)?.Value is { } bound && bound != line.ToString())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such line for this key", detail: "This key is bound to another line.");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var media = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var format = media switch
        {
            "text/csv" => TestLogFormat.LongCsv,
            "application/json" or "application/x-ndjson" or "application/jsonl" => TestLogFormat.Cfx,
            _ => (TestLogFormat?)null,
        };
        if (format is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send text/csv (long CSV) or application/json (CFX UnitsTested)");
        }

        var folder = Path.Combine(settings.DataFolder, "incoming");
        Directory.CreateDirectory(folder);
        var spool = Path.Combine(folder, $"{Guid.NewGuid():N}.part");
        try
        {
            try
            {
                await using var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await using var body = new LimitedReadStream(http.Request.Body, MaxBodyBytes);
                await body.CopyToAsync(file, 1 << 16, ct);
            }
            catch (Exception ex) when (ex is LimitedReadStream.TooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return TooLarge();
            }

            var name = string.IsNullOrWhiteSpace(fileName) ? $"{http.User.Identity?.Name ?? "station"} {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}" : fileName;
            var result = await import.HandleAsync(new ImportTestDataRequest(() => new FileStream(spool, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
                name, line, $"api-key:{http.User.Identity?.Name}") { Format = format.Value, Batch = batch }, ct);
            if (result.Failure is { } failure)
            {
                return TypedResults.Problem(statusCode: failure.Kind == FailureKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity,
                    title: failure.Kind == FailureKind.NotFound ? "There is no such line for this key" : "The test results were refused; nothing of them is stored", detail: failure.Message);
            }

            var s = result.Value!;
            return TypedResults.Ok(new ImportResponse(s.AlreadyImported, s.Runs, s.SkippedRuns, s.NewUnits, s.Measurements, s.Defects, s.Batches));
        }
        finally
        {
            File.Delete(spool);
        }
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large",
        detail: $"Send at most {MaxBodyBytes >> 20} MiB at once.");
}
