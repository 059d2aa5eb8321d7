using Microsoft.AspNetCore.Diagnostics;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;

namespace SecondSource.Web.Hosting;

/// <summary>
/// Translates exceptions on the JSON API into ProblemDetails once: a broken business rule is 422 with its
/// message, a cross-party write is 403, an unavailable database 503; anything else 500 with no detail.
/// Pages fall through to the HTML error page.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, DatabaseSettings settings, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!WebPaths.IsApi(httpContext.Request.Path))
        {
            return false;
        }

        var (status, title, detail) = exception switch
        {
            DomainException domain => (StatusCodes.Status422UnprocessableEntity, "The request breaks a rule", domain.Message),
            PartyIsolationException => (StatusCodes.Status403Forbidden, "That belongs to another party", (string?)null),
            _ when DatabaseErrors.TryExplain(exception, settings, out _) => (StatusCodes.Status503ServiceUnavailable, "The database is not available", null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred", null),
        };
        if (status >= 500 || status == StatusCodes.Status403Forbidden)
        {
            logger.LogError(exception, "API request {Method} {Path} failed with {Status}", httpContext.Request.Method, httpContext.Request.Path, status);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
