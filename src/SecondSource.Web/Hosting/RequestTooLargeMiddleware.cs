using Microsoft.AspNetCore.Http.Metadata;

namespace SecondSource.Web.Hosting;

/// <summary>The largest request body this installation accepts (<c>Limits:MaxRequestBodyBytes</c>, 10 MiB by default).</summary>
public sealed record RequestBodyLimit(long Bytes)
{
    public string InWords => Bytes >= 1 << 20 ? $"{Bytes / (double)(1 << 20):0.#} MiB" : $"{Bytes:N0} bytes";
}

/// <summary>
/// Answers a body over the limit with 413 and a plain sentence — the error page for people, a problem for machines —
/// instead of the 400 a form read cut short used to give (the antiforgery check could not read the form). A declared
/// length over the limit is refused before anything reads the body; a body that turns out too long while it is read
/// (no declared length) is refused the same way when the server stops it.
/// </summary>
public sealed class RequestTooLargeMiddleware(RequestDelegate next, RequestBodyLimit limit)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            // The error page rendering this very refusal: let it through.
            await next(context);
            return;
        }

        var max = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } endpoint ? endpoint.MaxRequestBodySize : limit.Bytes;
        if (context.Request.ContentLength > max)
        {
            await RefuseAsync(context, max);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && IsTooLarge(ex))
        {
            context.Response.Clear();
            await RefuseAsync(context, max);
        }
    }

    private static bool IsTooLarge(Exception ex) => ex switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        // The multipart reader's own limit (FormOptions, set to the same number).
        InvalidDataException when ex.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) => true,
        _ => ex.InnerException is { } inner && IsTooLarge(inner),
    };

    /// <summary>The key under which a refused request carries the limit it broke, for the error page.</summary>
    public const string LimitItem = "SecondSource.RequestBodyLimit";

    private Task RefuseAsync(HttpContext context, long? max)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Items[LimitItem] = new RequestBodyLimit(max ?? limit.Bytes);
        // The connection is not worth keeping for the rest of a body nobody will read.
        context.Response.Headers.Connection = "close";
        if (WebPaths.IsApi(context.Request.Path))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large",
                detail: $"Send at most {new RequestBodyLimit(max ?? limit.Bytes).InWords} at once.").ExecuteAsync(context);
        }

        // Pages: the status code page renders the error page's "Too large" sentence.
        return Task.CompletedTask;
    }
}
